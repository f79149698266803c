/**
 * Loader throughput against a bare YAML parse: loads every compose file of the corpus with
 * `loadProject` (parse with positions, schema, merge, interpolation, normalization, rules) and,
 * interleaved, parses the same files with `yaml` alone; prints both times and their ratio
 * (target: at most 1.5). Files the loader rejects count too: rejecting is work.
 *
 * Run with `npm run bench:loader-ratio`. Option: `--rounds N` (default 5).
 */
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { loadProject } from "../provider/src/compose/load";

const CORPUS = process.env.DEFANG_CORPUS ? path.resolve(process.env.DEFANG_CORPUS) : path.resolve(__dirname, "../../../shared/corpus");
const rounds = Number(process.argv[process.argv.indexOf("--rounds") + 1]) || 5;

function composeFiles(dir: string): string[] {
    const out: string[] = [];
    const walk = (d: string) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
            const p = path.join(d, e.name);
            if (e.isDirectory()) walk(p);
            else if (/^(docker-)?compose[\w.-]*\.ya?ml$/.test(e.name) && !p.includes(`${path.sep}expected${path.sep}`)) out.push(p);
        }
    };
    walk(dir);
    return out.sort();
}

if (!fs.existsSync(CORPUS)) {
    console.error(`no corpus at ${CORPUS}: set DEFANG_CORPUS`);
    process.exit(2);
}
const files = composeFiles(CORPUS);

function timeLoader(): number {
    const t = process.hrtime.bigint();
    for (const file of files) {
        try {
            loadProject({ files: [file], workingDir: path.dirname(file) });
        } catch {
            // A rejected file is work done too.
        }
    }
    return Number(process.hrtime.bigint() - t) / 1e6;
}

function timeYaml(): number {
    const t = process.hrtime.bigint();
    for (const file of files) {
        try {
            YAML.parseAllDocuments(fs.readFileSync(file, "utf8"));
        } catch {
            // Same files, same treatment.
        }
    }
    return Number(process.hrtime.bigint() - t) / 1e6;
}

// Warm-up: the first round loads modules and compiles code on both sides.
timeLoader();
timeYaml();
const loader: number[] = [];
const yaml: number[] = [];
for (let i = 0; i < rounds; i++) {
    loader.push(timeLoader());
    yaml.push(timeYaml());
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${files.length} compose files, ${rounds} rounds, interleaved`);
console.log(`bare yaml parse: median ${median(yaml).toFixed(1)} ms a round`);
console.log(`loadProject:     median ${median(loader).toFixed(1)} ms a round`);
console.log(`ratio: ${(median(loader) / median(yaml)).toFixed(2)}x (target <= 1.5x)`);
