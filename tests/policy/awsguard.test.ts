/**
 * Pulumi's AWS policy pack (`@pulumi/awsguard`, from the test-only `policy-tests/` folder) over the
 * resources the bundled example `examples/helpdesk` registers on AWS under mocks: every finding must
 * be in the commented waiver list. The corpus Defang samples get the same check in
 * `tests/components/defang-samples-aws.test.ts`. Skipped, saying so, when `policy-tests/` is not installed.
 */
import { strict as assert } from "assert";
import * as path from "path";
import { DefangProject } from "../../provider/src/components/defang-project";
import { loadProject } from "../../provider/src/compose/load";
import { projectFromCompose } from "../../provider/src/model/from-compose";
import { awsGuardMissing, evaluate, loadAwsGuard, ResourcePolicy } from "../support/awsguard";
import { REPO_ROOT } from "../support/corpus";
import { MockRecorder, setConfig, useMocks } from "../support/pulumi-mocks";
import { unwaivedViolations } from "./awsguard-check";

describe("awsguard policies on AWS", function () {
    this.timeout(120000);
    const missing = awsGuardMissing();
    if (missing) {
        it(`skipped: ${missing}`, function () {
            this.skip();
        });
        return;
    }
    let recorder: MockRecorder;
    let policies: ResourcePolicy[];
    before(async function () {
        recorder = await useMocks();
        policies = loadAwsGuard();
    });

    it("loads the pack's resource policies, the load balancer ones included", function () {
        const names = policies.map((p) => p.name);
        for (const name of ["alb-http-to-https-redirection", "rds-instance-public-access", "rds-storage-encrypted", "elb-logging-enabled"]) assert.ok(names.includes(name), `${name} in ${names.join(", ")}`);
    });

    it("finds a plain-HTTP listener whose default action is not a redirect (the check can fail)", async function () {
        const violations = await evaluate(policies, [{ type: "aws:lb/listener:Listener", name: "x", custom: true, inputs: { protocol: "HTTP", defaultActions: [{ type: "fixed-response" }] } }]);
        assert.deepEqual(
            violations.map((v) => v.policy),
            ["alb-http-to-https-redirection"],
        );
    });

    for (const ingress of ["cloudfront", "apigateway"]) {
        it(`examples/helpdesk (defang:ingress ${ingress === "cloudfront" ? "default" : ingress}): no finding outside the waiver list`, async function () {
            const file = path.join(REPO_ROOT, "examples", "helpdesk", "compose.yaml");
            const model = projectFromCompose(loadProject({ files: [file] }).project);
            const keys = model.configKeys;
            setConfig({ "defang:provider": "aws", "aws:region": "us-west-2", ...(ingress === "cloudfront" ? {} : { "defang:ingress": ingress }), ...Object.fromEntries(keys.map((k) => [k, `value-of-${k}`])) }, keys);
            recorder.reset();
            try {
                new DefangProject("helpdesk", { composeFile: file });
            } catch (e) {
                // The API Gateway door refuses the example's domain name by name; that is its verdict, not a policy finding.
                assert.equal(ingress, "apigateway", (e as Error).message);
                return;
            }
            const registrations = await recorder.settle();
            assert.ok(registrations.length > 50, `${registrations.length} resources`);
            const violations = await evaluate(policies, registrations);
            console.log(`        waived: ${[...new Set(violations.map((v) => `${v.policy} (${violations.filter((x) => x.policy === v.policy).length})`))].join(", ") || "none"}`);
            const unwaived = unwaivedViolations(violations);
            assert.deepEqual(unwaived, [], `findings outside the waiver list:\n${unwaived.join("\n")}`);
        });
    }
});
