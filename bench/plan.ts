/**
 * Plan benchmark: times `pulumi-defang plan` of the bundled showcase app (examples/helpdesk) for
 * each cloud, each run in a fresh process as a user runs it: wall time of the command, and the
 * peak memory of the planning child (the embedded engine) and of the command itself. A cloud whose
 * backend is not in this build is reported as such.
 *
 * Run with `npm run bench:plan`. Options: `--runs N` (default 3; the median is shown), `--clouds aws,gcp`.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const REPO = path.resolve(__dirname, "../..");
const MAIN = path.join(REPO, "dist/provider/cmd/pulumi-defang/main.js");
const SHOWCASE = "examples/helpdesk/compose.yaml";

interface Sample {
    wallMs: number;
    status: string;
    resources: number;
    monthly: number;
    engineMs?: number;
    /** Peak RSS of the largest process of the run (the engine child), from GNU time; NaN without it. */
    peakMB: number;
}

/** GNU time: it reports the peak RSS of the command and of the descendants it waited for. */
const GNU_TIME = "/usr/bin/time";

/** One `plan` in a fresh process, under GNU time when the machine has it. */
function once(cloud: string): Sample {
    const argv = [MAIN, "plan", SHOWCASE, "--provider", cloud, "--format", "json"];
    const timed = fs.existsSync(GNU_TIME);
    const started = process.hrtime.bigint();
    const r = timed
        ? spawnSync(GNU_TIME, ["-f", "peak-rss-kb=%M", process.execPath, ...argv], { cwd: REPO, encoding: "utf8", maxBuffer: 1 << 27 })
        : spawnSync(process.execPath, argv, { cwd: REPO, encoding: "utf8", maxBuffer: 1 << 27 });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    const kb = /peak-rss-kb=(\d+)/.exec(r.stderr)?.[1];
    const report = JSON.parse(r.stdout) as { clouds: Array<{ status: string; resourceCount: number; monthly: number; elapsedMs?: number }> };
    // For `all`: every cloud's resources, the slowest cloud's engine time; a total across clouds means nothing.
    const clouds = report.clouds;
    const status = clouds.every((c) => c.status === clouds[0].status) ? clouds[0].status : clouds.map((c) => c.status).join("/");
    const resources = clouds.reduce((n, c) => n + (c.resourceCount ?? 0), 0);
    const monthly = clouds.length === 1 ? clouds[0].monthly : NaN;
    const engineMs = Math.max(...clouds.map((c) => c.elapsedMs ?? 0));
    return { wallMs, status, resources, monthly, engineMs, peakMB: kb ? Number(kb) / 1024 : NaN };
}

function median(xs: number[]): number {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)];
}

function main(): void {
    const args = process.argv.slice(2);
    const runsArg = args.indexOf("--runs");
    const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 3;
    const cloudsArg = args.indexOf("--clouds");
    const clouds = cloudsArg >= 0 ? args[cloudsArg + 1].split(",") : ["aws", "gcp", "digitalocean", "all"];
    console.log(`plan of ${SHOWCASE}, one fresh process per run, median of ${runs}`);
    console.log("cloud           status       resources  USD/month   wall ms  engine ms  peak RSS MB");
    for (const cloud of clouds) {
        const samples = Array.from({ length: runs }, () => once(cloud));
        const s = samples[0];
        const engine = samples.map((x) => x.engineMs).filter((x): x is number => x !== undefined);
        console.log(
            [
                cloud.padEnd(14),
                s.status.padEnd(12),
                String(s.resources).padStart(9),
                (Number.isNaN(s.monthly) ? "-" : s.monthly.toFixed(2)).padStart(10),
                median(samples.map((x) => x.wallMs))
                    .toFixed(0)
                    .padStart(9),
                (engine.length ? median(engine).toFixed(0) : "-").padStart(10),
                (Number.isNaN(s.peakMB) ? "-" : median(samples.map((x) => x.peakMB)).toFixed(0)).padStart(12),
            ].join(" "),
        );
    }
    console.log("peak RSS: the largest process of the run (the engine child that plans one cloud); --provider all runs the clouds two at a time");
}

main();
