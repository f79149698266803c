/**
 * `validate --provider X` gives the verdict `plan --provider X` gives: the same exit code (0, 2 or
 * 3) and the same service, field and position for every problem, because both ask the one verdict
 * (`clouds/verdict.ts`). With `--provider all`, validate says which clouds refuse what.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { PlanReport } from "../../provider/src/plan/types";
import { CLI_FIXTURES, MAIN, assertClean, cli } from "./run-cli";

const VERDICT = path.join(CLI_FIXTURES, "verdict");

/** One refusal or error as both commands name it: `file:line:column service field`. */
type Named = string;

/** validate's error lines, as `at service field` (and, for a refusal, the clouds that refuse it). */
function validateErrors(stdout: string): Array<{ named: Named; clouds?: string }> {
    const out: Array<{ named: Named; clouds?: string }> = [];
    for (const line of stdout.split("\n")) {
        const m = /^(\S+:\d+:\d+): error: service "([^"]+)": (\S+): (?:not supported on ([^:]+): )?/.exec(line);
        if (m) out.push({ named: `${m[1]} ${m[2]} ${m[3]}`, ...(m[4] ? { clouds: m[4] } : {}) });
    }
    return out;
}

/** What plan refuses on its one cloud (JSON report), as `at service field`. */
function planRefusals(stdout: string): Named[] {
    const report = JSON.parse(stdout) as PlanReport;
    assert.strictEqual(report.clouds.length, 1);
    return (report.clouds[0].problems ?? []).map((p) => `${p.at} ${p.service} ${p.field}`);
}

/** plan's error lines on stderr (a project that is invalid on every cloud), as `at service field`. */
function planErrors(stderr: string): Named[] {
    return validateErrors(stderr).map((e) => e.named);
}

function run(fixture: string, command: "validate" | "plan", provider: string, extra: string[] = []) {
    return cli([command, "--provider", provider, "--no-color", ...extra], { cwd: path.join(VERDICT, fixture) });
}

describe("validate and plan give the same verdict", function () {
    before(function () {
        if (!fs.existsSync(MAIN)) throw new Error(`build first: ${MAIN} is missing`);
    });

    const refused: Array<{ fixture: string; provider: string; expected: Named[] }> = [
        { fixture: "gpu", provider: "aws", expected: ["compose.yaml:11:15 trainer deploy.resources.reservations.devices[0]"] },
        { fixture: "gpu", provider: "digitalocean", expected: ["compose.yaml:11:15 trainer deploy.resources.reservations.devices[0]"] },
        { fixture: "file-secret", provider: "digitalocean", expected: ["compose.yaml:8:9 app secrets[0].source"] },
        // Refused by AWS's own routing table (its preflight), not by the capability table.
        { fixture: "grpc", provider: "aws", expected: ["compose.yaml:7:9 rpc ports[0]"] },
    ];
    for (const { fixture, provider, expected } of refused) {
        it(`${fixture} on ${provider}: both exit 3 and name ${expected.join(", ")}`, () => {
            const v = run(fixture, "validate", provider);
            assertClean(v, 3);
            assert.deepStrictEqual(
                validateErrors(v.stdout).map((e) => e.named),
                expected,
            );
            const p = run(fixture, "plan", provider, ["--format", "json"]);
            assertClean(p, 3);
            assert.deepStrictEqual(planRefusals(p.stdout), expected);
            for (const problem of (JSON.parse(p.stdout) as PlanReport).clouds[0].problems ?? []) {
                assert.ok(v.stdout.includes(`${problem.message} (${problem.hint})`), `validate gives the message and fix plan gives: ${problem.message}`);
            }
        });
    }

    const invalid: Array<{ fixture: string; expected: Named[]; says: RegExp }> = [
        { fixture: "missing-context", expected: ["compose.yaml:5:12 web build.context"], says: /the build context \S+\/missing-context\/nowhere does not exist/ },
        { fixture: "missing-dockerfile", expected: ["compose.yaml:7:19 api build.dockerfile"], says: /the Dockerfile \S+\/app\/Dockerfile\.prod does not exist/ },
        { fixture: "no-builder", expected: ["compose.yaml:6:7 web build"], says: /the build context \S+\/no-builder\/app has no Dockerfile, and no file a buildpack recognises/ },
        { fixture: "port-zero", expected: ["compose.yaml:7:9 web ports[0]", "compose.yaml:9:9 web expose[0]"], says: /port 0 is not a port a container can listen on/ },
    ];
    for (const { fixture, expected, says } of invalid) {
        for (const provider of ["aws", "gcp", "digitalocean"]) {
            it(`${fixture} on ${provider}: both exit 2 and name ${expected.join(", ")}`, () => {
                const v = run(fixture, "validate", provider);
                assertClean(v, 2);
                assert.deepStrictEqual(
                    validateErrors(v.stdout).map((e) => e.named),
                    expected,
                );
                assert.match(v.stdout, says);
                const p = run(fixture, "plan", provider);
                assertClean(p, 2);
                assert.strictEqual(p.stdout, "", "nothing planned");
                assert.deepStrictEqual(planErrors(p.stderr), expected);
                assert.match(p.stderr, says);
            });
        }
    }

    it("an accepted project exits 0 from both", () => {
        const v = run("grpc", "validate", "gcp");
        assertClean(v, 0);
        assert.match(v.stdout, /^compose\.yaml is valid on Google Cloud \(1 service(, \d+ warnings?)?\)$/m);
        const p = run("grpc", "plan", "gcp", ["--format", "json"]);
        assertClean(p, 0);
        assert.strictEqual((JSON.parse(p.stdout) as PlanReport).clouds[0].status, "planned");
    });

    it("a context without a Dockerfile is built with buildpacks, and validate says so and why", () => {
        for (const provider of ["aws", "gcp", "digitalocean"]) {
            const v = run("buildpacks", "validate", provider);
            assertClean(v, 0);
            assert.match(v.stdout, /^compose\.yaml:6:7: info: service "web": built with buildpacks \(no Dockerfile; package\.json found \(Node\.js\)\)$/m);
            const p = run("buildpacks", "plan", provider, ["--format", "json"]);
            assertClean(p, 0);
            // plan names the builder of the image build and prices its build minutes.
            const report = JSON.parse(p.stdout) as PlanReport;
            const web = report.clouds[0].components.find((c) => c.name === "web");
            const runs = (web?.resources ?? []).filter((r) => r.kind === "image build run");
            assert.deepStrictEqual(
                runs.map((r) => r.properties.builder),
                ["buildpacks"],
                provider,
            );
            const minutes = (web?.resources ?? []).filter((r) => /^60 build minutes x \$0\.00\d+\/build-minute$/.test(r.cost.basis));
            assert.strictEqual(minutes.length, 1, `${provider}: one build cost line`);
            assert.ok(minutes[0].cost.monthly > 0);
            assert.ok(
                report.clouds[0].assumptions.some((a) => a.includes("builds: 60 minutes a month per service built from source")),
                provider,
            );
        }
    });

    it("DigitalOcean builds a local context in the account by default, on this machine with defang:doBuilder local, and refuses it with none, saying how", () => {
        const NONE = { DEFANG_DO_BUILDER: "none" };
        const v = cli(["validate", "--provider", "digitalocean", "--no-color"], { cwd: path.join(VERDICT, "buildpacks"), env: NONE });
        assertClean(v, 3);
        assert.deepStrictEqual(
            validateErrors(v.stdout).map((e) => e.named),
            ["compose.yaml:6:16 web build.context"],
        );
        assert.match(
            v.stdout,
            /defang:doBuilder none forbids \(run `pulumi config set defang:doBuilder remote` \(or set DEFANG_DO_BUILDER=remote\) to build it in your account, or local to build with this machine's Docker, or use a git context/,
        );
        const buildRuns = (env: Record<string, string>) => {
            const plan = cli(["plan", "--provider", "digitalocean", "--format", "json"], { cwd: path.join(VERDICT, "buildpacks"), env });
            assertClean(plan, 0);
            const web = (JSON.parse(plan.stdout) as PlanReport).clouds[0].components.find((c) => c.name === "web");
            return (web?.resources ?? []).filter((r) => r.kind === "image build run").map((r) => [r.properties.builder, r.cost.monthly, r.cost.basis]);
        };
        assert.deepStrictEqual(buildRuns({}), [["buildpacks", 0.07, "60 build minutes x $0.0011415525/build-minute"]], "the default: a build job in the account");
        assert.deepStrictEqual(buildRuns({ DEFANG_DO_BUILDER: "local" }), [["buildpacks", 0, "built on the deploying machine (defang:doBuilder local): no charge"]]);
        assertClean(cli(["plan", "--provider", "digitalocean"], { cwd: path.join(VERDICT, "buildpacks"), env: NONE }), 3);
    });

    it("--provider all names the clouds that refuse each feature, and the ones that accept the project", () => {
        const gpu = run("gpu", "validate", "all");
        assertClean(gpu, 3);
        // Each cloud without GPUs says why in its own words; Cloud Run runs the GPU.
        assert.deepStrictEqual(validateErrors(gpu.stdout), [
            { named: "compose.yaml:11:15 trainer deploy.resources.reservations.devices[0]", clouds: "AWS" },
            { named: "compose.yaml:11:15 trainer deploy.resources.reservations.devices[0]", clouds: "DigitalOcean" },
        ]);
        assert.match(gpu.stdout, /^compose\.yaml \(1 service, \d+ warnings?\): not supported on AWS \(1 feature\), DigitalOcean \(1 feature\); valid on Google Cloud$/m);

        const grpc = run("grpc", "validate", "all");
        assertClean(grpc, 3);
        // AWS serves gRPC over HTTPS only (no domain here); App Platform forwards HTTP/1.1 only.
        assert.deepStrictEqual(validateErrors(grpc.stdout), [
            { named: "compose.yaml:7:9 rpc ports[0]", clouds: "AWS" },
            { named: "compose.yaml:7:9 rpc ports[0]", clouds: "DigitalOcean" },
        ]);
        assert.match(grpc.stdout, /not supported on AWS \(1 feature\), DigitalOcean \(1 feature\); valid on Google Cloud$/m);
    });

    it("without --provider: DEFANG_PROVIDER, else every cloud", () => {
        const one = cli(["validate", "--no-color"], { cwd: path.join(VERDICT, "grpc"), env: { DEFANG_PROVIDER: "gcp" } });
        assertClean(one, 0);
        assert.match(one.stdout, /is valid on Google Cloud \(/);
        const all = cli(["validate", "--no-color"], { cwd: path.join(VERDICT, "grpc") });
        assertClean(all, 3);
        assert.match(all.stdout, /; valid on Google Cloud$/m);
        const bad = cli(["validate"], { cwd: path.join(VERDICT, "grpc"), env: { DEFANG_PROVIDER: "azure" } });
        assertClean(bad, 2);
        assert.match(bad.stderr, /DEFANG_PROVIDER must be one of aws, gcp, digitalocean, all/);
    });

    it("file secrets: validate and plan both run them on AWS and Google Cloud, and promise no environment variable", () => {
        for (const provider of ["aws", "gcp"]) {
            const v = run("file-secret", "validate", provider);
            assertClean(v, 0);
            assert.doesNotMatch(v.stdout, /environment variable/);
            const p = run("file-secret", "plan", provider, ["--format", "json"]);
            assertClean(p, 0);
            assert.deepStrictEqual(planRefusals(p.stdout), []);
        }
    });

    it("validate --help documents --provider and exit code 3", () => {
        const r = cli(["validate", "--help"]);
        assertClean(r, 0);
        assert.match(r.stdout, /--provider/);
        assert.match(r.stdout, /DEFANG_PROVIDER/);
        assert.match(r.stdout, /^ {2}3 {3}validate, plan: a cloud asked for cannot run a feature/m);
        assert.doesNotMatch(r.stdout, /^ {2}4 /m, "validate loads no backend, so it cannot exit 4");
    });
});
