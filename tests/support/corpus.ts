/**
 * Access to the shared corpus: DEFANG_CORPUS when set, else ../shared/corpus beside the repository.
 * Tests that read it skip, saying so, on a machine where it is absent; the summary reporter lists
 * the suites that skipped.
 */
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";

/** The repository root, from dist/tests/<dir>/ or tests/<dir>/. */
export const REPO_ROOT = findRepoRoot(__dirname);

function findRepoRoot(start: string): string {
    let dir = start;
    while (dir !== path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "provider"))) return dir;
        dir = path.dirname(dir);
    }
    return process.cwd();
}

export const CORPUS_DIR = process.env.DEFANG_CORPUS ? path.resolve(process.env.DEFANG_CORPUS) : path.resolve(REPO_ROOT, "..", "shared", "corpus");

export function corpusAvailable(): boolean {
    return fs.existsSync(CORPUS_DIR);
}

/** Call at the top of a `describe` that needs the corpus: skips it with a message when absent. */
export function requireCorpus(ctx: Mocha.Context): void {
    if (!corpusAvailable()) {
        console.log(`    (skipped: no corpus at ${CORPUS_DIR})`);
        ctx.skip();
    }
}

export function corpusPath(...parts: string[]): string {
    return path.join(CORPUS_DIR, ...parts);
}

/** Parses YAML as plain data (the way goldens are compared). */
export function readYaml(file: string): unknown {
    return YAML.parse(fs.readFileSync(file, "utf8"), { merge: true, version: "1.2" });
}

/** Round-trips through JSON: drops undefined, turns objects into plain ones. */
export function plain(v: unknown): unknown {
    return JSON.parse(JSON.stringify(v));
}

/** Every file below `dir` whose name matches. */
export function findFiles(dir: string, match: (name: string) => boolean): string[] {
    const out: string[] = [];
    const walk = (d: string) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
            const p = path.join(d, e.name);
            if (e.isDirectory()) walk(p);
            else if (match(e.name)) out.push(p);
        }
    };
    if (fs.existsSync(dir)) walk(dir);
    return out.sort();
}

/** Compose file names: compose*.y(a)ml and docker-compose*.y(a)ml. */
export function isComposeFileName(name: string): boolean {
    return /^(docker-)?compose[\w.-]*\.ya?ml$/.test(name);
}

/** The first difference between two values, as a path and both sides (for assertion messages). */
export function firstDifference(a: unknown, b: unknown, at = ""): string | undefined {
    if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
    if (a && b && typeof a === "object" && typeof b === "object" && Array.isArray(a) === Array.isArray(b)) {
        const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
        for (const k of [...keys].sort()) {
            const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
            if (d) return d;
        }
        // Every key and index matched: the values differ only in the order of map keys.
        return undefined;
    }
    return `${at || "(root)"}: got ${JSON.stringify(a)}, expected ${JSON.stringify(b)}`;
}
