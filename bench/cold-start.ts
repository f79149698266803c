/**
 * Cold-start benchmark: the CPU time of a fresh process that runs an AWS stack of one service
 * (this package's `DefangService` under Pulumi's mocks, until its registrations are done) against
 * a fresh process that only imports `@pulumi/pulumi` and `@pulumi/aws`. Runs both, interleaved,
 * several times, and prints the median of each and their ratio (target: at most 1.15).
 *
 * Run with `npm run bench:start`. Option: `--runs N` (default 7).
 */
import { execFileSync } from "child_process";
import * as path from "path";

const REPO = path.resolve(__dirname, "../..");
const ENTRY = path.join(REPO, "dist/sdk/nodejs/index.js");
/** Plausible cloud outputs for the mocks (the ones `plan` uses). */
const CANNED = path.join(REPO, "dist/provider/src/offline/canned.js");
const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 7;

/** Prints the process's CPU milliseconds (user + system) since it started. */
const PRINT_CPU = `const u = process.cpuUsage(); process.stdout.write(String((u.user + u.system) / 1000));`;

const BARE = `require("@pulumi/pulumi"); require("@pulumi/aws"); ${PRINT_CPU}`;

const STACK = `
const pulumi = require("@pulumi/pulumi");
const { cannedCall, cannedState } = require(${JSON.stringify(CANNED)});
const mocks = { newResource: (a) => ({ id: a.name + "-id", state: cannedState(a.type, a.name, a.inputs) }), call: (a) => cannedCall(a.token, a.inputs) };
pulumi.runtime.setAllConfig({ "aws:region": "us-east-1" }, []);
pulumi.runtime.setMocks(mocks, "bench", "dev", false).then(async () => {
    const defang = require(${JSON.stringify(ENTRY)});
    new defang.DefangService("web", { provider: "aws", image: "nginx", ports: [{ target: 80, mode: "ingress" }] });
    await pulumi.runtime.waitForRPCs();
    ${PRINT_CPU}
});`;

function cpuMs(script: string): number {
    return Number(execFileSync(process.execPath, ["-e", script], { cwd: REPO, encoding: "utf8", env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "1" } }));
}

function median(xs: number[]): number {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const bare: number[] = [];
const stack: number[] = [];
for (let i = 0; i < runs; i++) {
    // Interleaved, alternating which goes first, so that load on the machine falls on both alike.
    if (i % 2 === 0) {
        bare.push(cpuMs(BARE));
        stack.push(cpuMs(STACK));
    } else {
        stack.push(cpuMs(STACK));
        bare.push(cpuMs(BARE));
    }
}
const ratio = median(stack) / median(bare);
console.log(`bare @pulumi/pulumi + @pulumi/aws import: median ${median(bare).toFixed(0)} ms CPU (${bare.map((x) => x.toFixed(0)).join(", ")})`);
console.log(`AWS stack with one DefangService:        median ${median(stack).toFixed(0)} ms CPU (${stack.map((x) => x.toFixed(0)).join(", ")})`);
console.log(`ratio: ${ratio.toFixed(2)}x (target <= 1.15x) over ${runs} runs each, fresh processes, interleaved`);
