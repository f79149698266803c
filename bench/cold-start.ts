/**
 * Cold-start benchmark: the CPU time of a fresh process that runs an AWS stack of one service
 * (this package's `DefangService` under Pulumi's mocks, until its registrations are done) against
 * a fresh process that uses bare `@pulumi/pulumi` and `@pulumi/aws` to register the same native
 * resources and make the same calls by hand, under the same mocks. Like is compared with like: the
 * Pulumi runtime's cost per registered resource is paid on both sides, and the ratio is the cost of
 * this package (its modules, the compose model, the planning). Runs both, interleaved, several
 * times, and prints the median of each and their ratio (target: at most 1.15).
 *
 * Run with `npm run bench:start`. Option: `--runs N` (default 7).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const REPO = path.resolve(__dirname, "../..");
const ENTRY = path.join(REPO, "dist/sdk/nodejs/index.js");
/** Plausible cloud outputs for the mocks (the ones `plan` uses). */
const CANNED = path.join(REPO, "dist/provider/src/offline/canned.js");
const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 7;

/** Prints the process's CPU milliseconds (user + system) since it started. */
const PRINT_CPU = `const u = process.cpuUsage(); process.stdout.write(String((u.user + u.system) / 1000));`;

/** The mocks of both sides; `RECORD` (set only for the recording run) keeps what was asked of them. */
const MOCKS = `
const pulumi = require("@pulumi/pulumi");
const { cannedCall, cannedState } = require(${JSON.stringify(CANNED)});
const asked = [];
const mocks = {
    newResource: (a) => { asked.push({ kind: "resource", type: a.type, name: a.name, inputs: a.inputs }); return { id: a.name + "-id", state: cannedState(a.type, a.name, a.inputs) }; },
    call: (a) => { asked.push({ kind: "call", token: a.token, inputs: a.inputs }); return cannedCall(a.token, a.inputs); },
};
const record = () => { if (process.env.RECORD) require("fs").writeFileSync(process.env.RECORD, JSON.stringify(asked)); };
`;

const STACK = `${MOCKS}
pulumi.runtime.setAllConfig({ "aws:region": "us-east-1" }, []);
pulumi.runtime.setMocks(mocks, "bench", "dev", false).then(async () => {
    const defang = require(${JSON.stringify(ENTRY)});
    new defang.DefangService("web", { cloud: "aws", image: "nginx", ports: [{ target: 80, mode: "ingress" }] });
    await pulumi.runtime.waitForRPCs();
    record();
    ${PRINT_CPU}
});`;

/**
 * The bare side: `@pulumi/aws`'s own classes and functions, called by hand with the inputs the
 * stack registered (read from `recorded`), so both sides make the same registrations and calls.
 */
function bareScript(recorded: string): string {
    return `${MOCKS}
pulumi.runtime.setAllConfig({ "aws:region": "us-east-1" }, []);
pulumi.runtime.setMocks(mocks, "bench", "dev", false).then(async () => {
    const aws = require("@pulumi/aws");
    // "aws:ec2/subnet:Subnet" -> aws.ec2.Subnet; "aws:index/getRegion:getRegion" -> aws.getRegion.
    const member = (token) => { const [, mod, name] = token.split(":"); const ns = mod.split("/")[0]; return (ns === "index" ? aws : aws[ns])[name]; };
    for (const r of JSON.parse(require("fs").readFileSync(${JSON.stringify(recorded)}, "utf8"))) {
        if (r.kind === "call") member(r.token)(r.inputs);
        else if (r.type.startsWith("aws:")) new (member(r.type))(r.name, r.inputs);
    }
    await pulumi.runtime.waitForRPCs();
    ${PRINT_CPU}
});`;
}

function cpuMs(script: string, env: Record<string, string> = {}): number {
    return Number(execFileSync(process.execPath, ["-e", script], { cwd: REPO, encoding: "utf8", env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "1", ...env } }));
}

// One unmeasured run of the stack records the registrations and calls the bare side repeats.
const recorded = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cold-start-")), "asked.json");
cpuMs(STACK, { RECORD: recorded });
const asked = JSON.parse(fs.readFileSync(recorded, "utf8")) as Array<{ kind: string; type?: string }>;
const nativeResources = asked.filter((a) => a.kind === "resource" && a.type?.startsWith("aws:")).length;
const calls = asked.filter((a) => a.kind === "call").length;
const BARE = bareScript(recorded);

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
console.log(`bare @pulumi/pulumi + @pulumi/aws, ${nativeResources} resources and ${calls} calls by hand: median ${median(bare).toFixed(0)} ms CPU (${bare.map((x) => x.toFixed(0)).join(", ")})`);
console.log(`AWS stack with one DefangService: median ${median(stack).toFixed(0)} ms CPU (${stack.map((x) => x.toFixed(0)).join(", ")})`);
console.log(`ratio: ${ratio.toFixed(2)}x (target <= 1.15x) over ${runs} runs each, fresh processes, interleaved`);
fs.rmSync(path.dirname(recorded), { recursive: true, force: true });
