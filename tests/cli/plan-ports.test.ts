/**
 * `pulumi-defang plan` of compose ports: a public port that is not HTTP shows AWS's network load
 * balancer (with its price) and Google Cloud's and DigitalOcean's refusals with their positions
 * (exit 3); a refusal from AWS's own routing checks has its position too.
 */
import * as assert from "assert";
import * as fs from "fs";
import { PlanReport } from "../../provider/src/plan/types";
import { assertReportShape } from "./plan-report";
import { CLI_FIXTURES, MAIN, assertClean, cli } from "./run-cli";

describe("pulumi-defang plan of compose ports", function () {
    let report: PlanReport;
    let text: string;

    before(function () {
        if (!fs.existsSync(MAIN)) throw new Error(`build first: ${MAIN} is missing`);
        const json = cli(["plan", "ports/compose.yaml", "-p", "all", "--format", "json"], { cwd: CLI_FIXTURES, env: { POSTGRES_PASSWORD: "x" } });
        assertClean(json, 3);
        report = JSON.parse(json.stdout) as PlanReport;
        assertReportShape(report);
        const t = cli(["plan", "ports/compose.yaml", "-p", "aws"], { cwd: CLI_FIXTURES, env: { NO_COLOR: "1" } });
        assertClean(t, 0);
        text = t.stdout;
    });

    it("AWS: the database is on a network load balancer with a TCP listener on 5432, priced per hour and NLCU", function () {
        const aws = report.clouds.find((c) => c.cloud === "aws")!;
        assert.strictEqual(aws.status, "planned");
        const resources = aws.components.flatMap((c) => c.resources);
        const balancers = resources.filter((r) => r.type === "aws:lb/loadBalancer:LoadBalancer");
        assert.deepStrictEqual(balancers.map((b) => b.properties.type).sort(), ["application", "network"]);
        const nlb = balancers.find((b) => b.properties.type === "network")!;
        assert.deepStrictEqual(nlb.cost.prices, ["aws.nlb.hour", "aws.nlb.nlcu-hour", "aws.public-ipv4.hour"]);
        assert.ok(nlb.cost.monthly > 0);
        assert.strictEqual(report.prices["aws.nlb.hour"].source, "https://aws.amazon.com/elasticloadbalancing/pricing/");
        const listeners = resources.filter((r) => r.type === "aws:lb/listener:Listener").map((l) => `${l.properties.port}/${l.properties.protocol}`);
        assert.deepStrictEqual(listeners.sort(), ["5432/TCP", "80/HTTP"]);
        const db = aws.components.find((c) => c.name === "db")!;
        assert.match(db.endpoints[0], /^tcp:\/\/.+:5432$/);
        assert.match(text, /network/);
        assert.match(text, /5432/);
    });

    it("Google Cloud and DigitalOcean: the public database port is refused by name, at its position", function () {
        for (const cloud of ["gcp", "digitalocean"] as const) {
            const plan = report.clouds.find((c) => c.cloud === cloud)!;
            assert.strictEqual(plan.status, "unsupported", cloud);
            assert.deepStrictEqual(
                plan.problems!.map((p) => [p.service, p.field, p.at]),
                [["db", "ports[0]", "ports/compose.yaml:15:13"]],
                cloud,
            );
            assert.match(plan.problems![0].message, /^a public port that does not carry HTTP cannot be served: .*\(port 5432\)$/);
        }
    });

    it("AWS's own routing check (443 without a domain name) exits 3 with the position of the port", function () {
        const r = cli(["plan", "ports-https/compose.yaml", "-p", "aws", "--format", "json"], { cwd: CLI_FIXTURES });
        assertClean(r, 3);
        const aws = (JSON.parse(r.stdout) as PlanReport).clouds[0];
        assert.strictEqual(aws.status, "unsupported");
        assert.deepStrictEqual(
            aws.problems!.map((p) => [p.service, p.field, p.at]),
            [["web", "ports[0]", "ports-https/compose.yaml:6:13"]],
        );
        assert.match(aws.problems![0].message, /public on port 443, the HTTPS port/);
    });
});
