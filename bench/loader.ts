/**
 * Loader benchmark: loads every compose file of the shared corpus several times and reports
 * throughput, latency per file, memory, and the outcome of each file (loaded, rejected with a
 * ComposeError, or crashed with any other exception, which is a bug). Then times synthetic
 * projects: 200 services, the largest file the loader reads (just under its size limit), and a
 * 10 MB file, which it refuses.
 *
 * Run with `npm run bench:loader` (builds, then `node --expose-gc dist/bench/loader.js`).
 * Options: `--rounds N` (timed rounds, default 5), `--verbose` (list rejected files).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ComposeError, formatDiagnostic } from "../provider/src/compose/diagnostics";
import { loadProject } from "../provider/src/compose/load";
import { YAML_LIMITS } from "../provider/src/compose/yaml-source";

const CORPUS = path.resolve(__dirname, "../../../shared/corpus");

type Outcome = "loaded" | "rejected" | "crashed";

interface FileStats {
    file: string;
    outcome: Outcome;
    /** Milliseconds of each timed round. */
    times: number[];
    firstError?: string;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Compose files under `dir`: `compose*.y*ml`, `docker-compose*.y*ml`, and the compose-go conformance inputs. */
function findComposeFiles(dir: string): string[] {
    const out: string[] = [];
    const walk = (d: string, conformance: boolean) => {
        for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            const full = path.join(d, entry.name);
            if (entry.isDirectory()) {
                walk(full, conformance || entry.name === "compose-go-conformance");
            } else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) {
                const named = /^(docker-)?compose.*\.ya?ml$/.test(entry.name);
                const input = conformance && !entry.name.startsWith("expected");
                if (named || input) out.push(full);
            }
        }
    };
    walk(dir, false);
    return out;
}

/** Loads `file` once; returns the outcome and the time it took in milliseconds. */
function loadOnce(options: Parameters<typeof loadProject>[0]): { outcome: Outcome; ms: number; error?: unknown } {
    const start = process.hrtime.bigint();
    let outcome: Outcome = "loaded";
    let error: unknown;
    try {
        loadProject(options);
    } catch (e) {
        error = e;
        outcome = e instanceof ComposeError ? "rejected" : "crashed";
    }
    return { outcome, ms: Number(process.hrtime.bigint() - start) / 1e6, error };
}

const memory = { rss: 0, heapUsed: 0 };
function sampleMemory(): void {
    const m = process.memoryUsage();
    memory.rss = Math.max(memory.rss, m.rss);
    memory.heapUsed = Math.max(memory.heapUsed, m.heapUsed);
}

function percentile(sorted: number[], p: number): number {
    if (sorted.length === 0) return 0;
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (n: number) => `${n.toFixed(2)} ms`;

/** The first problem of a failed load, on one line. */
function firstLine(e: unknown): string {
    if (e instanceof ComposeError && e.diagnostics.length > 0) {
        const more = e.diagnostics.length > 1 ? ` (+${e.diagnostics.length - 1} more)` : "";
        return formatDiagnostic(e.diagnostics[0], { cwd: CORPUS }) + more;
    }
    return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}

function benchCorpus(files: string[], rounds: number, verbose: boolean): void {
    const stats: FileStats[] = files.map((file) => ({ file, outcome: "loaded", times: [] }));
    // Warm-up round: also decides each file's outcome and reports crashes once.
    for (const s of stats) {
        const r = loadOnce({ files: [s.file] });
        s.outcome = r.outcome;
        if (r.error !== undefined) s.firstError = firstLine(r.error);
        if (r.outcome === "crashed") {
            const err = r.error instanceof Error ? (r.error.stack ?? r.error.message) : String(r.error);
            console.log(`CRASH ${path.relative(CORPUS, s.file)}\n  ${err.split("\n").slice(0, 6).join("\n  ")}`);
        }
        sampleMemory();
    }
    gc?.();
    const start = process.hrtime.bigint();
    for (let round = 0; round < rounds; round++) {
        for (const s of stats) {
            s.times.push(loadOnce({ files: [s.file] }).ms);
            sampleMemory();
        }
    }
    const totalMs = Number(process.hrtime.bigint() - start) / 1e6;
    const all = stats.flatMap((s) => s.times).sort((a, b) => a - b);
    const mean = all.reduce((a, b) => a + b, 0) / Math.max(1, all.length);
    const count = (o: Outcome) => stats.filter((s) => s.outcome === o).length;
    const meanOf = (s: FileStats) => s.times.reduce((a, b) => a + b, 0) / Math.max(1, s.times.length);
    const slowest = stats.reduce<FileStats | undefined>((best, s) => (!best || meanOf(s) > meanOf(best) ? s : best), undefined);

    if (verbose) {
        for (const s of stats.filter((x) => x.outcome === "rejected")) {
            console.log(`rejected ${path.relative(CORPUS, s.file)}: ${s.firstError}`);
        }
    }
    console.log(`corpus:        ${CORPUS}`);
    console.log(`files:         ${files.length} (loaded ${count("loaded")}, rejected ${count("rejected")}, crashed ${count("crashed")})`);
    console.log(`rounds:        1 warm-up + ${rounds} timed`);
    console.log(`throughput:    ${((files.length * rounds) / (totalMs / 1000)).toFixed(1)} files/second`);
    console.log(`per file:      mean ${ms(mean)}, p50 ${ms(percentile(all, 50))}, p95 ${ms(percentile(all, 95))}, max ${ms(all[all.length - 1] ?? 0)}`);
    if (slowest) console.log(`slowest file:  ${path.relative(CORPUS, slowest.file)} (mean ${ms(meanOf(slowest))}, ${slowest.outcome})`);
    console.log(`peak memory:   RSS ${mb(memory.rss)}, heap used ${mb(memory.heapUsed)}`);
}

/** A synthetic project: `count` services, or as many as fit in `bytes` when given. */
function syntheticCompose(count: number, bytes = 0): { text: string; services: number } {
    const parts = ["name: synthetic\nservices:\n"];
    let size = parts[0].length;
    let i = 0;
    for (; bytes > 0 ? size < bytes : i < count; i++) {
        const leader = i - (i % 10);
        const s =
            `  svc${i}:\n` +
            `    image: registry.example.com/team/app-${i % 50}:1.${i % 7}.0\n` +
            `    ports:\n      - target: ${8000 + (i % 100)}\n        mode: ingress\n` +
            `    environment:\n      SERVICE_INDEX: "${i}"\n      LOG_LEVEL: \${LOG_LEVEL:-info}\n      DATABASE_URL: postgres://db-${i % 5}:5432/app\n` +
            `    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:${8000 + (i % 100)}/health"]\n      interval: 30s\n` +
            `    deploy:\n      replicas: ${1 + (i % 3)}\n      resources:\n        reservations:\n          memory: 256M\n          cpus: "0.25"\n` +
            (leader !== i ? `    depends_on:\n      - svc${leader}\n` : "") +
            `    labels:\n      com.example.team: team-${i % 12}\n`;
        parts.push(s);
        size += s.length;
    }
    return { text: parts.join(""), services: i };
}

function benchSynthetic(label: string, text: string, services: number, rounds: number): void {
    const dir = path.join(os.tmpdir(), "pulumi-defang-bench");
    const file = path.join(dir, "compose.yaml");
    const readFile = (p: string) => (p === file ? text : fs.readFileSync(p, "utf8"));
    const options = { files: [file], workingDir: dir, readFile };
    const warm = loadOnce(options);
    sampleMemory();
    if (warm.outcome === "crashed") {
        console.log(`${label}: CRASH ${warm.error instanceof Error ? warm.error.stack : String(warm.error)}`);
        return;
    }
    gc?.();
    const times: number[] = [];
    for (let r = 0; r < rounds; r++) {
        times.push(loadOnce(options).ms);
        sampleMemory();
    }
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    const note = warm.outcome === "rejected" ? `, rejected: ${firstLine(warm.error)}` : "";
    console.log(`${label.padEnd(14)} ${mb(text.length)}, ${services} services: mean ${ms(mean)}, min ${ms(Math.min(...times))} over ${rounds} runs${note}`);
}

function main(): void {
    const argv = process.argv.slice(2);
    const roundsAt = argv.indexOf("--rounds");
    const rounds = roundsAt >= 0 ? Math.max(1, Number(argv[roundsAt + 1]) || 5) : 5;
    const verbose = argv.includes("--verbose");
    if (!gc) console.log("note: run with node --expose-gc for steadier numbers");
    if (!fs.existsSync(CORPUS)) {
        console.log(`no corpus at ${CORPUS}: nothing to benchmark`);
        return;
    }
    const files = findComposeFiles(CORPUS);
    benchCorpus(files, rounds, verbose);
    const many = syntheticCompose(200);
    benchSynthetic("200 services", many.text, many.services, rounds);
    const largest = syntheticCompose(0, YAML_LIMITS.maxBytes - 4096);
    benchSynthetic("largest read", largest.text, largest.services, 3);
    const tooBig = syntheticCompose(0, 10 * 1024 * 1024);
    benchSynthetic("10 MB", tooBig.text, tooBig.services, 3);
    console.log(`peak memory:   RSS ${mb(memory.rss)}, heap used ${mb(memory.heapUsed)} (including synthetic)`);
}

main();
