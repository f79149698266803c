/**
 * `pulumi-defang plan`, run as a child process on the bundled showcase app (examples/helpdesk),
 * on fixtures and on corpus samples: exit codes, messages with positions, the JSON shape, totals
 * that equal the sum of the lines, the text and Mermaid outputs. Clouds whose backend is not in
 * this build are checked to say so (and their plans are checked the same way once they are).
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CliIO, runCli } from "../../provider/src/cli";
import { PlanReport } from "../../provider/src/plan/types";
import { assertReportShape } from "./plan-report";
import { CLI_FIXTURES, ESC, MAIN, ROOT, SHOWCASE, assertClean, cli } from "./run-cli";
import { corpusAvailable } from "../support/corpus";
import { checkoutSample } from "../support/sample-checkout";

const SHOWCASE_REL = path.relative(ROOT, SHOWCASE);

describe("pulumi-defang plan", function () {
    before(function () {
        if (!fs.existsSync(MAIN)) throw new Error(`build first: ${MAIN} is missing`);
    });

    describe("usage", () => {
        it("plan --help and help plan print the usage, the offline note and the exit codes", () => {
            for (const args of [
                ["plan", "--help"],
                ["help", "plan"],
                ["plan", "-h"],
            ]) {
                const r = cli(args);
                assertClean(r, 0);
                assert.match(r.stdout, /Usage: pulumi-defang plan/);
                assert.match(r.stdout, /--provider/);
                assert.match(r.stdout, /--format/);
                assert.match(r.stdout, /not a diff against a live stack/);
                assert.match(r.stdout, /^ {2}3 {3}validate, plan: a cloud asked for cannot run/m);
                assert.match(r.stdout, /^ {2}4 {3}plan: the backend of the cloud asked for could not be loaded/m);
            }
        });

        it("the top-level help lists plan and convert", () => {
            const r = cli(["--help"]);
            assertClean(r, 0);
            assert.match(r.stdout, /^ {2}plan /m);
            assert.match(r.stdout, /^ {2}convert /m);
        });

        it("a bad --provider or --format exits 2 and lists the choices", () => {
            const p = cli(["plan", SHOWCASE, "--provider", "azure"]);
            assertClean(p, 2);
            assert.match(p.stderr, /aws, gcp, digitalocean, all/);
            const f = cli(["plan", SHOWCASE, "--format", "yaml"]);
            assertClean(f, 2);
            assert.match(f.stderr, /text, json, mermaid/);
            const env = cli(["plan", SHOWCASE], { env: { DEFANG_PROVIDER: "azure" } });
            assertClean(env, 2);
            assert.match(env.stderr, /DEFANG_PROVIDER/);
        });
    });

    describe("the showcase app on AWS", () => {
        let report: PlanReport;
        let text: string;
        before(() => {
            const r = cli(["plan", SHOWCASE_REL, "--provider", "aws", "--format", "json"]);
            assertClean(r, 0);
            report = JSON.parse(r.stdout) as PlanReport;
            const t = cli(["plan", SHOWCASE_REL, "-p", "aws"], { env: { NO_COLOR: "1" } });
            assertClean(t, 0);
            text = t.stdout;
        });

        it("prints a JSON report whose totals are the sums of their lines", () => {
            assertReportShape(report);
            assert.strictEqual(report.project, "helpdesk");
            assert.deepStrictEqual(report.files, [SHOWCASE_REL]);
            const aws = report.clouds[0];
            assert.strictEqual(aws.cloud, "aws");
            assert.strictEqual(aws.status, "planned");
            assert.ok(aws.monthly > 50 && aws.monthly < 1000, `a plausible monthly total: ${aws.monthly}`);
        });

        it("has one tree per compose service plus the shared infrastructure", () => {
            const names = report.clouds[0].components.map((c) => c.name).sort();
            assert.deepStrictEqual(names, ["(shared)", "api", "cache", "db", "llm", "web", "worker"]);
            const kinds = Object.fromEntries(report.clouds[0].components.map((c) => [c.name, c.component]));
            assert.strictEqual(kinds.db, "defang:index:DefangPostgres");
            assert.strictEqual(kinds.cache, "defang:index:DefangRedis");
            assert.strictEqual(kinds.llm, "defang:index:DefangLLM");
            assert.strictEqual(kinds.worker, "defang:index:DefangService");
        });

        it("shows the properties that matter: sizes, replicas, engine and version, public or private", () => {
            const component = (n: string) => report.clouds[0].components.find((c) => c.name === n)!;
            const one = (n: string, type: string) => {
                const found = component(n).resources.filter((r) => r.type === type);
                assert.strictEqual(found.length, 1, `${n}: one ${type}`);
                return found[0];
            };
            const web = one("web", "aws:ecs/service:Service");
            assert.strictEqual(web.properties.replicas, 2);
            assert.ok(web.cost.monthly > 0);
            const webTask = one("web", "aws:ecs/taskDefinition:TaskDefinition");
            assert.strictEqual(webTask.properties.vcpu, 0.25);
            assert.strictEqual(webTask.properties.memoryMiB, 512);
            assert.strictEqual(webTask.properties.ports, "3000/tcp");
            const db = one("db", "aws:rds/instance:Instance");
            assert.strictEqual(db.properties.engine, "postgres");
            assert.strictEqual(db.properties.version, "17");
            assert.strictEqual(db.properties.public, false);
            assert.match(String(db.properties.class), /^db\./);
            const cache = one("cache", "aws:elasticache/replicationGroup:ReplicationGroup");
            assert.match(String(cache.properties.nodeType), /^cache\./);
            assert.strictEqual(cache.properties.tls, true);
            const lb = one("(shared)", "aws:lb/loadBalancer:LoadBalancer");
            assert.strictEqual(lb.properties.public, true);
            assert.ok(lb.cost.monthly > 16, "an ALB costs at least its hourly charge");
            assert.ok(
                component("worker").resources.every((r) => r.type !== "aws:lb/targetGroup:TargetGroup"),
                "the worker has no ingress",
            );
        });

        it("lists each service's endpoints: the custom domain, CloudFront's https:// name, private names", () => {
            const endpoints = Object.fromEntries(report.clouds[0].components.map((c) => [c.name, c.endpoints]));
            assert.deepStrictEqual(endpoints.web, ["https://help.example.com"]);
            assert.match(endpoints.api[0], /^https:\/\/d[0-9a-f]+\.cloudfront\.net$/);
            assert.deepStrictEqual(endpoints.db, ["db:5432"]);
            assert.deepStrictEqual(endpoints.llm, ["llm:80"]);
            assert.deepStrictEqual(endpoints.worker, []);
        });

        it("never prints a secret: sensitive config is redacted", () => {
            const params = report.clouds[0].components.flatMap((c) => c.resources).filter((r) => r.type === "aws:ssm/parameter:Parameter");
            assert.ok(params.length >= 3, "sensitive config becomes SSM parameters");
            assert.ok(!text.includes("placeholder"));
        });

        it("prints text that says it is offline, with a total equal to the sum of the services", () => {
            assert.match(text, /Offline plan of "helpdesk"/);
            assert.match(text, /not a diff against a live stack/);
            assert.ok(!text.includes(ESC), "no colour off a terminal");
            const rows = [...text.matchAll(/^ {2}(\S+) +\$(\d+\.\d\d)$/gm)].map((m) => [m[1], Number(m[2])] as const);
            assert.deepStrictEqual(rows.map(([n]) => n).sort(), ["api", "cache", "db", "llm", "shared", "web", "worker"]);
            const total = Number(/^ {2}total +\$(\d+\.\d\d) {2}a month$/m.exec(text)?.[1]);
            assert.strictEqual(
                Math.round(total * 100),
                rows.reduce((t, [, v]) => t + Math.round(v * 100), 0),
            );
            assert.strictEqual(total, report.clouds[0].monthly, "text and JSON agree");
            assert.match(text, /├─ ECS Fargate service helpdesk-web-service .*replicas=2/);
            assert.match(text, /assumptions:/);
            assert.match(text, /us-east-1/);
        });

        it("--verbose lists every resource, each with the arithmetic of its cost", () => {
            const r = cli(["plan", SHOWCASE_REL, "-p", "aws", "--verbose"], { env: { NO_COLOR: "1" } });
            assertClean(r, 0);
            const rows = r.stdout.split("\n").filter((l) => /^ {4}[├└]─ /.test(l));
            assert.strictEqual(rows.length, report.clouds[0].resourceCount, "one row per resource");
            assert.ok(!r.stdout.includes("supporting resource"), "nothing is folded");
            assert.match(r.stdout, /├─ IAM role helpdesk-web-task-role[^\n]*\n│? *│? +no charge/);
        });

        it("draws the services, databases and how they connect as Mermaid", () => {
            const r = cli(["plan", SHOWCASE_REL, "-p", "aws", "--format", "mermaid"]);
            assertClean(r, 0);
            const lines = r.stdout.trim().split("\n");
            assert.strictEqual(lines[0], "flowchart LR");
            assert.ok(
                lines.some((l) => /n_db\[\("db<br\/>PostgreSQL 17/.test(l)),
                "the database is a cylinder",
            );
            assert.ok(lines.some((l) => /n_cache\[\("cache<br\/>Redis/.test(l)));
            assert.ok(lines.includes(`  internet -->|"https help.example.com"| n_web`));
            assert.ok(lines.includes(`  n_api -->|"5432"| n_db`));
            assert.ok(lines.includes(`  n_worker -->|"80"| n_llm`));
            assert.ok(!lines.some((l) => /internet -->.*n_worker/.test(l)), "the worker is not public");
        });
    });

    describe("every cloud side by side", () => {
        const LOCAL_DO_BUILDS = { DEFANG_DO_BUILDER: "local" };
        it("--provider all plans each cloud", () => {
            // DigitalOcean builds the showcase's local contexts with this machine's Docker on request only.
            const r = cli(["plan", SHOWCASE_REL, "--provider", "all", "--format", "json"], { env: LOCAL_DO_BUILDS });
            assert.ok(r.code === 0, `exit 0 expected, got ${r.code}: ${r.stderr}`);
            const report = JSON.parse(r.stdout) as PlanReport;
            assertReportShape(report);
            assert.deepStrictEqual(
                report.clouds.map((c) => c.cloud),
                ["aws", "gcp", "digitalocean"],
            );
            for (const c of report.clouds) assert.strictEqual(c.status, "planned", `${c.cloud}: ${c.message}`);
            const text = cli(["plan", SHOWCASE_REL, "--provider", "all"], { env: LOCAL_DO_BUILDS });
            assertClean(text, 0);
            assert.match(text.stdout, /Side by side \(estimated USD a month\)/);
            assert.match(text.stdout, /^ {2}service +AWS +Google Cloud +DigitalOcean$/m);
        });

        it("Google Cloud and DigitalOcean each plan on their own, with their own resource types", function () {
            for (const [cloud, type] of [
                ["gcp", "gcp:cloudrunv2/service:Service"],
                ["digitalocean", "digitalocean:index/app:App"],
            ]) {
                const r = cli(["plan", SHOWCASE_REL, "--provider", cloud, "--format", "json"], { env: LOCAL_DO_BUILDS });
                assertClean(r, 0);
                const report = JSON.parse(r.stdout) as PlanReport;
                assertReportShape(report);
                assert.deepStrictEqual(
                    report.clouds.map((c) => [c.cloud, c.status]),
                    [[cloud, "planned"]],
                );
                assert.ok(JSON.stringify(report).includes(type), `${cloud}: a ${type}`);
                assert.ok(!JSON.stringify(report).includes('"aws:'), `${cloud}: no AWS resources`);
            }
        });
    });

    describe("projects a cloud cannot run, and invalid ones", () => {
        it("unsupported features exit 3, each with file:line:column and a fix, for every cloud", () => {
            const r = cli(["plan", "unsupported/compose.yaml", "--provider", "all"], { cwd: CLI_FIXTURES, env: { NO_COLOR: "1" } });
            assertClean(r, 3);
            for (const cloud of ["AWS", "Google Cloud", "DigitalOcean"]) assert.match(r.stdout, new RegExp(`^${cloud}: not supported: 2 features`, "m"));
            assert.match(r.stdout, /^ {2}unsupported\/compose\.yaml:5:\d+: service "app", privileged: /m);
            assert.match(r.stdout, /^ {2}unsupported\/compose\.yaml:11:\d+: service "tools", network_mode: /m);
            assert.match(r.stdout, /fix: remove `privileged: true`/);
        });

        it("what a cloud's own tables refuse (routing, engine versions) exits 3 with positions, not as a bug", () => {
            const r = cli(["plan", "backend-limits/compose.yaml", "-p", "aws"], { cwd: path.join(ROOT, "tests/fixtures"), env: { NO_COLOR: "1" } });
            assertClean(r, 3);
            assert.match(r.stdout, /^AWS: not supported: 5 features/m);
            assert.match(r.stdout, /^ {2}backend-limits\/compose\.yaml:16:7: service "gateway", ports: has 6 public ports; ECS attaches at most 5/m);
            assert.match(r.stdout, /^ {2}backend-limits\/compose\.yaml:37:12: service "db", image: Postgres 9\.6 is past the end of standard support/m);
        });

        it("JSON output lists the unsupported features with their positions", () => {
            const r = cli(["plan", "unsupported/compose.yaml", "-p", "aws", "--format", "json"], { cwd: CLI_FIXTURES });
            assertClean(r, 3);
            const report = JSON.parse(r.stdout) as PlanReport;
            assertReportShape(report);
            assert.strictEqual(report.clouds[0].status, "unsupported");
            assert.deepStrictEqual(
                report.clouds[0].problems!.map((p) => [p.service, p.at?.replace(/:\d+$/, "")]),
                [
                    ["app", "unsupported/compose.yaml:5"],
                    ["tools", "unsupported/compose.yaml:11"],
                ],
            );
        });

        it("an invalid compose file exits 2 with file:line:column and plans nothing", () => {
            const r = cli(["plan", "-f", "../../fixtures/cli/error/compose.yaml", "-p", "aws"], { cwd: CLI_FIXTURES });
            assertClean(r, 2);
            assert.strictEqual(r.stdout, "");
            assert.match(r.stderr, /compose\.yaml:7:\d+: error: /);
            assert.match(r.stderr, /nothing was planned/);
        });

        it("a missing build context is reported as invalid input (exit 2), not as a bug", () => {
            const r = cli(["plan", "missing-context/compose.yaml", "-p", "aws"], { cwd: CLI_FIXTURES });
            assertClean(r, 2);
            assert.match(r.stdout + r.stderr, /nowhere/);
        });
    });

    describe("colour and progress (in-process, as on a terminal)", () => {
        async function run(argv: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
            let out = "";
            const sink = { write: (s: string) => (out += s) };
            const io: CliIO = { stdout: sink, stderr: sink, env, isTTY: true, cwd: CLI_FIXTURES };
            return { code: await runCli(argv, io), out };
        }

        it("colours on a terminal, never with NO_COLOR or --no-color", async () => {
            const args = ["plan", "unsupported/compose.yaml", "-p", "aws"];
            const coloured = await run(args, {});
            assert.strictEqual(coloured.code, 3);
            assert.ok(coloured.out.includes(ESC), "escape codes on a terminal");
            assert.ok(!(await run(args, { NO_COLOR: "1" })).out.includes(`${ESC}3`), "no colour with NO_COLOR");
            assert.ok(!(await run([...args, "--no-color"], {})).out.includes(`${ESC}3`), "no colour with --no-color");
        });
    });

    describe("corpus samples on AWS", () => {
        const samples = ["django-postgres", "bullmq-bullboard-redis", "managed-llm", "fastapi"];
        let tmp: string;
        before(function () {
            tmp = fs.mkdtempSync(path.join(os.tmpdir(), "plan-corpus-"));
        });
        after(() => fs.rmSync(tmp, { recursive: true, force: true }));
        for (const sample of samples) {
            it(`${sample}: plans with totals equal to the sums, or is refused with positions`, function () {
                if (!corpusAvailable()) return this.skip();
                const dir = checkoutSample(sample, tmp);
                const r = cli(["plan", "compose.yaml", "-p", "aws", "--format", "json"], { cwd: dir });
                assert.ok(r.code === 0 || r.code === 3, `exit ${r.code}: ${r.stderr}`);
                assertClean(r, r.code!);
                const report = JSON.parse(r.stdout) as PlanReport;
                assertReportShape(report);
                if (r.code === 3) for (const p of report.clouds[0].problems!) assert.match(p.at ?? "", /^compose\.yaml:\d+:\d+$/);
                else assert.ok(report.clouds[0].resourceCount > 0);
            });
        }
    });
});
