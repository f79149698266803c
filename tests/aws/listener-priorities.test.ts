/** Listener rule priorities: 1, 2, 3... per counter, and an error past the AWS maximum. */
import { strict as assert } from "assert";
import { MAX_RULE_PRIORITY, priorityCounter } from "../../provider/src/clouds/aws/ingress/listener-priorities";

describe("aws listener priorities", () => {
    it("counts from 1, independently per listener", () => {
        const a = priorityCounter(80);
        const b = priorityCounter(8080);
        assert.deepEqual([a(), a(), b(), a()], [1, 2, 1, 3]);
    });

    it("stops at the maximum AWS accepts", () => {
        const next = priorityCounter(80);
        for (let i = 1; i < MAX_RULE_PRIORITY; i++) next();
        assert.equal(next(), MAX_RULE_PRIORITY);
        assert.throws(() => next(), /port 80 has no rule priority left/);
    });
});
