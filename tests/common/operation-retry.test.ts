/**
 * Starting an operation again: only after a failure marked retryable, only while retries are left,
 * after the policy's delay; the last failure's error is the one thrown.
 */
import { strict as assert } from "assert";
import { AttemptOutcome, attemptWithRetries, realRetryPolicy } from "../../provider/src/clouds/common/operation-retry";

function policy(retries: number) {
    const sleeps: number[] = [];
    return { sleeps, policy: { retries, retryDelayMs: 5000, sleep: async (ms: number) => void sleeps.push(ms) } };
}

const failed = (error: string, retryable: boolean): AttemptOutcome<string> => ({ ok: false, error, retryable });

describe("retrying a cloud operation", function () {
    it("returns the first success, after the delay between attempts", async function () {
        const { policy: p, sleeps } = policy(2);
        const outcomes = [failed("early 1", true), { ok: true, value: "done" } as const];
        const indexes: number[] = [];
        const value = await attemptWithRetries(async (i) => {
            indexes.push(i);
            return outcomes[i] ?? failed("none", false);
        }, p);
        assert.equal(value, "done");
        assert.deepEqual(indexes, [0, 1]);
        assert.deepEqual(sleeps, [5000]);
    });

    it("throws the last error once the retries are spent", async function () {
        const { policy: p, sleeps } = policy(2);
        let attempts = 0;
        await assert.rejects(
            attemptWithRetries(async (i) => {
                attempts++;
                return failed(`early ${i}`, true);
            }, p),
            { message: "early 2" },
        );
        assert.equal(attempts, 3, "the first attempt and two retries");
        assert.deepEqual(sleeps, [5000, 5000]);
    });

    it("does not try again after a failure that is not retryable", async function () {
        const { policy: p, sleeps } = policy(5);
        let attempts = 0;
        await assert.rejects(
            attemptWithRetries(async () => {
                attempts++;
                return failed("the source does not compile", false);
            }, p),
            { message: "the source does not compile" },
        );
        assert.equal(attempts, 1);
        assert.deepEqual(sleeps, []);
    });

    it("has a real policy with the retries and delay it is given", function () {
        const p = realRetryPolicy(2, 20);
        assert.deepEqual([p.retries, p.retryDelayMs], [2, 20_000]);
    });
});
