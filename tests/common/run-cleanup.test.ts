/** What a run creates for its own use is removed last first, after a success or a failure, even when one removal fails. */
import { strict as assert } from "assert";
import { withCleanup } from "../../provider/src/clouds/common/run-cleanup";

describe("the cleanup of a run", function () {
    it("undoes the steps last first after the run, and returns its value", async function () {
        const done: string[] = [];
        const value = await withCleanup(async (defer) => {
            defer(async () => done.push("key"));
            defer(async () => done.push("upload"));
            defer(async () => done.push("app"));
            done.push("built");
            return "app-1";
        });
        assert.equal(value, "app-1");
        assert.deepEqual(done, ["built", "app", "upload", "key"]);
    });

    it("undoes the steps made before a failure, and reports the failure, not a failed undo", async function () {
        const done: string[] = [];
        await assert.rejects(
            withCleanup(async (defer) => {
                defer(async () => done.push("key"));
                defer(async () => {
                    throw new Error("the upload is gone already");
                });
                throw new Error("the build failed");
            }),
            { message: "the build failed" },
        );
        assert.deepEqual(done, ["key"], "a failed undo does not stop the next");
    });
});
