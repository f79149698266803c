/**
 * The error of a failed cloud operation: one form on every cloud, the log's end after it, and no
 * secret of the run in it, not even part of one cut by the log's end.
 */
import { strict as assert } from "assert";
import { describeOperationFailure, FAILURE_LOG_CHARS, logTail, redactSecrets } from "../../provider/src/clouds/common/operation-failure";

const SECRET = "s3cret-token-value";

describe("the error of a failed cloud operation", function () {
    it("names the run, the operation, how it ended and where its logs are", function () {
        assert.equal(
            describeOperationFailure({ subject: "building img:1", operation: "CodeBuild build p:b-1", outcome: "FAILED in phase BUILD", logs: "https://console/logs" }),
            "building img:1 failed: CodeBuild build p:b-1 FAILED in phase BUILD; logs: https://console/logs",
        );
        assert.equal(describeOperationFailure({ subject: "one-off job m", operation: "ECS task t", outcome: "stopped" }), "one-off job m failed: ECS task t stopped");
    });

    it("adds the end of the log, and replaces the run's secrets in the message and the log", function () {
        const message = describeOperationFailure({ subject: "building img:1", operation: "the build job's deployment d", outcome: `ended ERROR at step build: ${SECRET}`, log: `step 1\ntoken=${SECRET}\nexit 1\n` }, [
            SECRET,
        ]);
        assert.equal(message, "building img:1 failed: the build job's deployment d ended ERROR at step build: [secret]\n--- end of the log ---\nstep 1\ntoken=[secret]\nexit 1\n");
    });

    it("shows no log part for an empty log", function () {
        assert.equal(describeOperationFailure({ subject: "s", operation: "o", outcome: "ended", log: "  \n" }), "s failed: o ended");
    });

    it("keeps only the last characters of a long log, with no piece of a secret the cut would leave", function () {
        const log = `${"x".repeat(FAILURE_LOG_CHARS - 4)}${SECRET}\nend\n`;
        const tail = logTail(log, [SECRET]);
        assert.ok(tail.endsWith("[secret]\nend\n"));
        assert.ok(!tail.includes(SECRET.slice(-6)), "no end of the secret");
        const cut = logTail(`${SECRET}${"y".repeat(FAILURE_LOG_CHARS - 5)}`, [SECRET]);
        assert.equal(cut.length, FAILURE_LOG_CHARS);
        assert.ok(!cut.includes(SECRET.slice(-5)), "a secret at the cut is replaced before the cut");
    });

    it("leaves values shorter than 8 characters, which would blank out ordinary words", function () {
        assert.equal(redactSecrets("user app in the app", ["app", "in the app"]), "user app [secret]");
    });
});
