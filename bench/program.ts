/**
 * Program benchmark: evaluates a `DefangProject` under Pulumi's mocks for generated compose
 * projects of 10, 50 and 100 services on each cloud, each size and cloud in a fresh process (time
 * to the last registration, resources registered, peak memory), and the cold import time of this
 * package against bare `require("@pulumi/pulumi")` and each cloud's SDK.
 *
 * Run with `npm run bench:program`. Options: `--sizes 10,50,100`, `--clouds aws,gcp,digitalocean`,
 * `--imports N` (runs per import measurement, default 5).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const REPO = path.resolve(__dirname, "../..");

/** A compose project of `n` components: one database, one cache, the rest services (half public). */
export function generatedCompose(n: number): string {
    const lines = ["name: bench", "services:"];
    lines.push(
        "  db:",
        "    image: postgres:17",
        "    x-defang-postgres: true",
        "    environment:",
        "      POSTGRES_PASSWORD:",
        "    ports: [{ target: 5432, mode: host }]",
        "    deploy: { resources: { reservations: { memory: 1G } } }",
    );
    lines.push("  cache:", "    image: redis:7", "    x-defang-redis: true", "    ports: [{ target: 6379, mode: host }]", "    deploy: { resources: { reservations: { memory: 512M } } }");
    for (let i = 0; i < n - 2; i++) {
        const mode = i % 2 === 0 ? "ingress" : "host";
        lines.push(
            `  svc${i}:`,
            `    image: example/svc${i}:1.0`,
            `    ports: [{ target: ${8000 + i}, mode: ${mode} }]`,
            "    environment:",
            "      NODE_ENV: production",
            "      API_KEY:",
            "      DATABASE_URL: postgres://postgres:${POSTGRES_PASSWORD}@db:5432/postgres",
            "    healthcheck:",
            `      test: ["CMD", "curl", "-f", "http://localhost:${8000 + i}/health"]`,
            "    deploy:",
            "      replicas: 2",
            "      resources: { reservations: { cpus: '0.5', memory: 1G } }",
            "    depends_on: [db, cache]",
        );
    }
    return lines.join("\n") + "\n";
}

type Cloud = "aws" | "gcp" | "digitalocean";

/** The stack config each cloud's program needs, besides the project's secrets. */
const CLOUD_CONFIG: Record<Cloud, Record<string, string>> = {
    aws: { "aws:region": "us-west-2" },
    gcp: { "gcp:project": "bench-project", "gcp:region": "us-central1" },
    digitalocean: { "defang:region": "nyc3" },
};

/** The SDK package of each cloud, for the cold-import comparison. */
const CLOUD_SDK: Record<Cloud, string> = { aws: "@pulumi/aws", gcp: "@pulumi/gcp", digitalocean: "@pulumi/digitalocean" };

async function child(n: number, cloud: Cloud): Promise<void> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "defang-bench-"));
    fs.writeFileSync(path.join(dir, "compose.yaml"), generatedCompose(n));
    const { useMocks } = await import("../tests/support/pulumi-mocks");
    const recorder = await useMocks({ "defang:provider": cloud, ...CLOUD_CONFIG[cloud], API_KEY: "k", POSTGRES_PASSWORD: "p" }, ["API_KEY", "POSTGRES_PASSWORD"]);
    const start = process.hrtime.bigint();
    const { DefangProject } = await import("../sdk/nodejs/index");
    const loaded = process.hrtime.bigint();
    new DefangProject("bench", { composeFile: path.join(dir, "compose.yaml") });
    const constructed = process.hrtime.bigint();
    await recorder.settle();
    const settled = process.hrtime.bigint();
    const ms = (a: bigint, b: bigint) => Number(b - a) / 1e6;
    const result = {
        cloud,
        services: n,
        resources: recorder.registrations.length,
        importMs: ms(start, loaded),
        // Includes the first load of the cloud's SDK, which happens when the first component deploys.
        constructMs: ms(loaded, constructed),
        totalMs: ms(loaded, settled),
        peakRssMB: process.resourceUsage().maxRSS / 1024,
        heapMB: process.memoryUsage().heapUsed / 1024 / 1024,
    };
    fs.rmSync(dir, { recursive: true, force: true });
    process.stdout.write(JSON.stringify(result) + "\n");
    process.exit(0);
}

function importTime(target: string, runs: number): number {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
        const script = `const t = process.hrtime.bigint(); require(${JSON.stringify(target)}); process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));`;
        times.push(Number(execFileSync(process.execPath, ["-e", script], { cwd: REPO, encoding: "utf8" })));
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
}

function main(): void {
    const args = process.argv.slice(2);
    const childIndex = args.indexOf("--child");
    if (childIndex >= 0) {
        void child(Number(args[childIndex + 1]), args[childIndex + 2] as Cloud);
        return;
    }
    const sizesArg = args.indexOf("--sizes");
    const sizes = sizesArg >= 0 ? args[sizesArg + 1].split(",").map(Number) : [10, 50, 100];
    const importsArg = args.indexOf("--imports");
    const runs = importsArg >= 0 ? Number(args[importsArg + 1]) : 5;
    const cloudsArg = args.indexOf("--clouds");
    const clouds = (cloudsArg >= 0 ? args[cloudsArg + 1].split(",") : ["aws", "gcp", "digitalocean"]) as Cloud[];

    console.log("program evaluation under mocks (one fresh process per cloud and size)");
    console.log("cloud          services  resources  construct ms  total ms  ms/service  peak RSS MB  heap MB");
    for (const cloud of clouds) {
        const results: Array<{ services: number; totalMs: number; peakRssMB: number }> = [];
        for (const n of sizes) {
            const out = execFileSync(process.execPath, [__filename, "--child", String(n), cloud], { cwd: REPO, encoding: "utf8", maxBuffer: 1 << 26 });
            const r = JSON.parse(out.trim().split("\n").pop()!) as { services: number; resources: number; constructMs: number; totalMs: number; peakRssMB: number; heapMB: number };
            results.push(r);
            console.log(
                cloud.padEnd(13) +
                    [r.services, r.resources, r.constructMs.toFixed(0), r.totalMs.toFixed(0), (r.totalMs / r.services).toFixed(1), r.peakRssMB.toFixed(0), r.heapMB.toFixed(0)]
                        .map((v, i) => String(v).padStart([9, 11, 14, 10, 12, 13, 9][i]))
                        .join(""),
            );
        }
        if (results.length >= 2) {
            const [a, b] = [results[0], results[results.length - 1]];
            console.log(
                `${cloud}: growth ${a.services} -> ${b.services} services: time x${(b.totalMs / a.totalMs).toFixed(1)}, peak RSS x${(b.peakRssMB / a.peakRssMB).toFixed(1)} (services x${(b.services / a.services).toFixed(0)})`,
            );
        }
    }
    console.log(`\ncold import, median of ${runs} fresh processes`);
    for (const [label, target] of [["@defang-io/pulumi-defang (this package)", path.join(REPO, "dist/sdk/nodejs/index.js")], ["@pulumi/pulumi", "@pulumi/pulumi"], ...clouds.map((c) => [CLOUD_SDK[c], CLOUD_SDK[c]])]) {
        console.log(`${label.padEnd(42)} ${importTime(target, runs).toFixed(0).padStart(6)} ms`);
    }
}

main();
