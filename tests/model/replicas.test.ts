/**
 * What `deploy.replicas` asks of every cloud: the instances to run at once, 0 meaning none, and
 * at least one where a cloud cannot keep zero (or a job, which exists to run).
 */
import { strict as assert } from "assert";
import { instancesAtLeastOne, requestedInstances } from "../../provider/src/model/replicas";

const autoscaling = (minReplicas: number) => ({ minReplicas, maxReplicas: 10, targetCpuPercent: 70 });

describe("replica counts", function () {
    it("asks for deploy.replicas instances, and none for 0, as docker compose runs none", function () {
        assert.equal(requestedInstances({ replicas: 3 }), 3);
        assert.equal(requestedInstances({ replicas: 0 }), 0);
    });

    it("asks for the low end of an autoscaling range over deploy.replicas", function () {
        assert.equal(requestedInstances({ replicas: 5, autoscaling: autoscaling(2) }), 2);
    });

    it("runs one where zero is not possible, and otherwise what was asked", function () {
        assert.equal(instancesAtLeastOne({ replicas: 0 }), 1);
        assert.equal(instancesAtLeastOne({ replicas: 4 }), 4);
        assert.equal(instancesAtLeastOne({ replicas: 0, autoscaling: autoscaling(3) }), 3);
    });
});
