/**
 * A snapshot of what the loader makes of every YAML file of the corpus, to compare the loader's
 * behaviour before and after a change that must not alter it (a performance change): for each file
 * and each set of options, the loaded project, its warnings and references, and where the locator
 * places every path of the project; or, for a rejected file, every diagnostic with its position.
 *
 * Run with `node dist/bench/loader-snapshot.js OUT.jsonl` (one JSON line per file and option set),
 * then `diff` two snapshots: there must be no difference.
 */
import * as fs from "fs";
import * as path from "path";
import { LoadOptions } from "../provider/src/compose/api";
import { ComposeError } from "../provider/src/compose/diagnostics";
import { loadProject } from "../provider/src/compose/load";
import { Path } from "../provider/src/compose/paths";

const CORPUS = process.env.DEFANG_CORPUS ? path.resolve(process.env.DEFANG_CORPUS) : path.resolve(__dirname, "../../../shared/corpus");

/** Every YAML file of the corpus, in a stable order (inputs, expected outputs and fixtures alike: each is a compose file to the loader). */
function yamlFiles(dir: string): string[] {
    const out: string[] = [];
    const walk = (d: string) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            const p = path.join(d, e.name);
            if (e.isDirectory()) walk(p);
            else if (/\.ya?ml$/.test(e.name)) out.push(p);
        }
    };
    walk(dir);
    return out;
}

const VARIANTS: Record<string, (file: string) => LoadOptions> = {
    default: (file) => ({ files: [file], workingDir: path.dirname(file) }),
    absolute: (file) => ({ files: [file], workingDir: path.dirname(file), paths: "absolute", normalize: false, discardEnvFiles: false, env: { TAG: "1.2", PORT: "8080" } }),
    unvalidated: (file) => ({ files: [file], validate: false, useProcessEnv: true }),
};

/** Every path of a plain value, parents before children. */
function allPaths(v: unknown, p: Path = [], out: Path[] = []): Path[] {
    out.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => allPaths(x, [...p, i], out));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) allPaths(x, [...p, k], out);
    return out;
}

function snapshot(options: LoadOptions): unknown {
    try {
        const r = loadProject(options);
        const positions = allPaths(r.project).map((p) => [p.join("."), r.locator.locate(p) ?? null]);
        return { project: r.project, warnings: r.warnings, references: r.references, files: r.files, workingDir: r.workingDir, positions };
    } catch (e) {
        if (e instanceof ComposeError) return { message: e.message, errors: e.diagnostics, warnings: e.warnings };
        return { crash: e instanceof Error ? e.message : String(e) };
    }
}

function main(): void {
    const out = process.argv[2];
    if (!out) {
        console.error("usage: node dist/bench/loader-snapshot.js OUT.jsonl");
        process.exit(2);
    }
    if (!fs.existsSync(CORPUS)) {
        console.error(`no corpus at ${CORPUS}: set DEFANG_CORPUS`);
        process.exit(2);
    }
    const lines: string[] = [];
    const files = yamlFiles(CORPUS);
    for (const file of files) {
        for (const [name, options] of Object.entries(VARIANTS)) {
            lines.push(JSON.stringify({ file: path.relative(CORPUS, file), variant: name, ...(snapshot(options(file)) as object) }));
        }
    }
    fs.writeFileSync(out, lines.join("\n") + "\n");
    console.log(`${files.length} files x ${Object.keys(VARIANTS).length} option sets -> ${out}`);
}

main();
