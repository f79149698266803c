/**
 * `DefangProject` on AWS over the main compose.yaml of every Defang sample in the shared corpus:
 * each builds a stack, or fails with the named unsupported-features error before creating anything.
 * Prints resource counts.
 */
import { strict as assert } from "assert";
import { awsGuardMissing, evaluate, loadAwsGuard, ResourcePolicy } from "../support/awsguard";
import { describeDefangSamples } from "../support/defang-samples";
import { unwaivedViolations } from "../policy/awsguard-check";

// Pulumi's AWS policies over each sample's resources (see tests/policy/awsguard.test.ts), when policy-tests/ is installed.
const policyMissing = awsGuardMissing();
let policies: ResourcePolicy[] | undefined;

describeDefangSamples({
    cloud: "aws",
    title: "AWS",
    async check({ registrations }) {
        assert.ok(
            registrations.some((r) => r.type === "aws:ecs/service:Service" || r.type === "aws:rds/instance:Instance"),
            "a stack with at least one service",
        );
        const services = registrations.filter((r) => r.type === "aws:ecs/service:Service").length;
        if (policyMissing) return `${registrations.length} resources, ${services} ECS services (${policyMissing})`;
        policies ??= loadAwsGuard();
        const unwaived = unwaivedViolations(await evaluate(policies, registrations));
        assert.deepEqual(unwaived, [], `awsguard findings outside the waiver list (tests/policy/awsguard-waivers.ts):\n${unwaived.join("\n")}`);
        return `${registrations.length} resources, ${services} ECS services, no awsguard finding outside the waivers`;
    },
});
