/**
 * `plan` of a project with a one-off job (tests/cli/fixtures/jobs) on every cloud: the job is shown
 * as what it is (an ECS task run, a Cloud Run job, an App Platform job before deployments) and
 * priced by the minutes it runs at deploy, which comes to about nothing a month, and says so.
 */
import * as assert from "assert";
import * as path from "path";
import { PlanReport } from "../../provider/src/plan/types";
import { assertReportShape } from "./plan-report";
import { assertClean, cli, CLI_FIXTURES } from "./run-cli";

describe("plan: one-off jobs", function () {
    let report: PlanReport;

    before(() => {
        const r = cli(["plan", "-f", path.join(CLI_FIXTURES, "jobs/compose.yaml"), "-p", "all", "--format", "json"], { env: { NO_COLOR: "1" } });
        assertClean(r, 0);
        report = JSON.parse(r.stdout) as PlanReport;
        assertReportShape(report);
    });

    const expected: Array<[string, string, RegExp]> = [
        ["aws", "pulumi-nodejs:dynamic/defang:EcsTaskRun", /^ECS task run at deploy \(one-off job\)$/],
        ["gcp", "gcp:cloudrunv2/job:Job", /^Cloud Run job \(one-off, executed at deploy\)$/],
        ["digitalocean", "digitalocean:index/app:App", /^App Platform job \(one-off, at deploy\)$/],
    ];
    for (const [cloud, type, kind] of expected) {
        it(`shows and prices the job on ${cloud}: runs only at deploy, ~nothing a month`, () => {
            const plan = report.clouds.find((c) => c.cloud === cloud)!;
            assert.strictEqual(plan.status, "planned", plan.message);
            const migrate = plan.components.find((c) => c.name === "migrate")!;
            const job = migrate.resources.find((r) => r.type === type && kind.test(r.kind ?? ""));
            assert.ok(job, `${cloud}: a ${type} in ${JSON.stringify(migrate.resources.map((r) => [r.type, r.kind]))}`);
            assert.ok(job.cost.priced);
            assert.match(job.cost.basis, /runs only (at|before) deploy.*\(~nothing a month\)/);
            assert.ok(job.cost.monthly < 0.1, `${cloud}: ${job.cost.monthly} a month`);
            assert.ok(!migrate.resources.some((r) => /service|worker pool/i.test(r.kind ?? "") && !/account/.test(r.kind ?? "")), `${cloud}: no long-running service for the job`);
            assert.ok(
                plan.assumptions.some((a) => /jobs: 50 minutes/.test(a)),
                `${cloud}: the job assumption is stated`,
            );
        });
    }

    it("shows when the DigitalOcean job runs", () => {
        const job = report.clouds.find((c) => c.cloud === "digitalocean")!.components.find((c) => c.name === "migrate")!.resources[0];
        assert.strictEqual(job.properties.runs, "before each deployment");
    });
});
