/**
 * The one `${KEY}` grammar: the keys a value reads, and the value with them filled in. Config
 * values and every cloud's environment use these two, so they cannot drift apart.
 */
import { strict as assert } from "assert";
import { envValueOf, fillTemplate, referencedKeys } from "../../provider/src/model/environment";

describe("environment ${KEY} templates", function () {
    it("finds each key once, in order of first use, and ignores what is not a name", function () {
        assert.deepEqual(referencedKeys("postgres://${USER}:${PW}@db/${USER}"), ["USER", "PW"]);
        assert.deepEqual(referencedKeys("$PLAIN ${1X} ${} ${A-B}"), []);
    });

    it("fills every key it has a value for and leaves the others as written", function () {
        const values = new Map([
            ["USER", "app"],
            ["PW", "s3cret"],
        ]);
        assert.equal(fillTemplate("postgres://${USER}:${PW}@db/${USER}?x=${OTHER}", values), "postgres://app:s3cret@db/app?x=${OTHER}");
    });

    it("fills the keys envValueOf found, so a template round-trips", function () {
        const value = envValueOf("URL", "redis://:${REDIS_PW}@cache:6379");
        assert.equal(value.kind, "template");
        if (value.kind !== "template") return;
        assert.equal(fillTemplate(value.template, new Map(value.keys.map((k) => [k, "pw"]))), "redis://:pw@cache:6379");
    });
});
