/**
 * `DefangProject` on AWS over the main compose.yaml of every Defang sample in the shared corpus:
 * each builds a stack, or fails with the named unsupported-features error before creating anything.
 * Prints resource counts.
 */
import { strict as assert } from "assert";
import { describeDefangSamples } from "../support/defang-samples";

describeDefangSamples({
    cloud: "aws",
    title: "AWS",
    check({ registrations }) {
        assert.ok(registrations.some((r) => r.type === "aws:ecs/service:Service" || r.type === "aws:rds/instance:Instance"), "a stack with at least one service");
        const services = registrations.filter((r) => r.type === "aws:ecs/service:Service").length;
        return `${registrations.length} resources, ${services} ECS services`;
    },
});
