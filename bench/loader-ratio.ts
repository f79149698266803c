/**
 * Loader throughput against a bare YAML parse: loads every compose file of the corpus with
 * `loadProject` (parse with positions, schema, merge, interpolation, normalization, rules) and,
 * interleaved, parses the same files with `yaml` alone; prints both times and their ratio
 * (target: at most 1.5), by wall-clock time and by CPU time (which also counts the work of V8's
 * background threads: garbage collection and optimizing compilation). Files the loader rejects
 * count too: rejecting is work.
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

/** Wall-clock and CPU milliseconds of one round. CPU time (user + system, all threads) counts only
 * what the process did, so it moves less than wall-clock time when the machine is busy. */
interface RoundTime {
    wall: number;
    cpu: number;
}

function timed(round: () => void): RoundTime {
    const cpu = process.cpuUsage();
    const t = process.hrtime.bigint();
    round();
    const wall = Number(process.hrtime.bigint() - t) / 1e6;
    const used = process.cpuUsage(cpu);
    return { wall, cpu: (used.user + used.system) / 1000 };
}

function loadAll(): void {
    for (const file of files) {
        try {
            loadProject({ files: [file], workingDir: path.dirname(file) });
        } catch {
            // A rejected file is work done too.
        }
    }
}

function parseAll(): void {
    for (const file of files) {
        try {
            YAML.parseAllDocuments(fs.readFileSync(file, "utf8"));
        } catch {
            // Same files, same treatment.
        }
    }
}

// Warm-up: the first round loads modules and compiles code on both sides.
loadAll();
parseAll();
const loader: RoundTime[] = [];
const yaml: RoundTime[] = [];
for (let i = 0; i < rounds; i++) {
    loader.push(timed(loadAll));
    yaml.push(timed(parseAll));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const wall = (xs: RoundTime[]) => median(xs.map((x) => x.wall));
const cpu = (xs: RoundTime[]) => median(xs.map((x) => x.cpu));
console.log(`${files.length} compose files, ${rounds} rounds, interleaved`);
console.log(`bare yaml parse: median ${wall(yaml).toFixed(1)} ms a round (${cpu(yaml).toFixed(1)} ms CPU)`);
console.log(`loadProject:     median ${wall(loader).toFixed(1)} ms a round (${cpu(loader).toFixed(1)} ms CPU)`);
console.log(`CPU ratio: ${(cpu(loader) / cpu(yaml)).toFixed(2)}x`);
console.log(`ratio: ${(wall(loader) / wall(yaml)).toFixed(2)}x (target <= 1.5x)`);
