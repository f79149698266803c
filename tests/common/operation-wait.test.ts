/**
 * Waiting for a cloud operation: it asks for the state at the clock's interval until the operation
 * has ended, and gives up at the limit with an error that names the run, the operation and the note.
 */
import { strict as assert } from "assert";
import { realPollClock, stillRunningMessage, waitForOperation } from "../../provider/src/clouds/common/operation-wait";
import { fakeClock } from "./fake-clock";

describe("waiting for a cloud operation", function () {
    it("reads the state at each interval and returns the ended operation, with no sleep after it", async function () {
        const clock = fakeClock(1000);
        const states = [undefined, undefined, "ended"];
        let reads = 0;
        const ended = await waitForOperation(async () => states[reads++], clock, { subject: "building x", operation: "build 1" });
        assert.equal(ended, "ended");
        assert.equal(reads, 3);
        assert.deepEqual(clock.sleeps, [1000, 1000]);
    });

    it("returns at once when the operation has already ended", async function () {
        const clock = fakeClock();
        assert.equal(await waitForOperation(async () => 0, clock, { subject: "s", operation: "o" }), 0, "a falsy value that is not undefined has ended");
        assert.deepEqual(clock.sleeps, []);
    });

    it("gives up once the limit has passed, naming the run, the operation, the limit in minutes and the note", async function () {
        const clock = fakeClock(10_000, 90_000);
        let reads = 0;
        await assert.rejects(
            waitForOperation(
                async () => {
                    reads++;
                    return undefined;
                },
                clock,
                { subject: "one-off job migrate", operation: "ECS task(s) t1", note: "logs: group g" },
            ),
            { message: "one-off job migrate: ECS task(s) t1 still running after 2 minutes; logs: group g" },
        );
        assert.equal(reads, 10, "reads at 0, 10 s, ..., 90 s");
        assert.equal(
            clock.sleeps.reduce((a, b) => a + b, 0),
            90_000,
        );
    });

    it("says nothing after the minutes when there is no note", function () {
        assert.equal(stillRunningMessage({ subject: "building x", operation: "Cloud Build build b" }, 40), "building x: Cloud Build build b still running after 40 minutes");
    });

    it("has a real clock with the interval and the limit it is given", function () {
        const clock = realPollClock(10, 45);
        assert.deepEqual([clock.pollIntervalMs, clock.maxWaitMs], [10_000, 2_700_000]);
        assert.ok(Math.abs(clock.now() - Date.now()) < 1000);
    });
});
