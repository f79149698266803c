/**
 * The values of non-literal environment variables, the same on every cloud: config keys,
 * templates over config, and a program's inputs, each a secret.
 */
import { strict as assert } from "assert";
import { ConfigValues } from "../../provider/src/clouds/config-values";
import { programValue, sensitiveEnvValue } from "../../provider/src/clouds/common/environment-values";
import { MissingConfigError } from "../../provider/src/model/errors";
import { isSecretOutput, useMocks, valueOf } from "../support/pulumi-mocks";

describe("sensitive environment values", function () {
    let config: ConfigValues;
    before(async () => {
        await useMocks();
    });
    beforeEach(() => {
        config = new ConfigValues();
        config.provide("PW", "s3cret");
        config.provide("USER", "app");
    });

    it("leaves a literal to the cloud", function () {
        assert.equal(sensitiveEnvValue({ kind: "literal", value: "x" }, config, "api"), undefined);
    });

    it("reads a config key and fills a template's keys, as secrets", async function () {
        const key = sensitiveEnvValue({ kind: "config", key: "PW" }, config, "api")!;
        const template = sensitiveEnvValue({ kind: "template", template: "postgres://${USER}:${PW}@db", keys: ["USER", "PW"] }, config, "api")!;
        assert.equal(await valueOf(key), "s3cret");
        assert.equal(await valueOf(template), "postgres://app:s3cret@db");
        assert.ok(await isSecretOutput(key));
        assert.ok(await isSecretOutput(template));
    });

    it("refuses a missing key at once, naming it and the service", function () {
        assert.throws(
            () => sensitiveEnvValue({ kind: "template", template: "${NOPE}", keys: ["NOPE"] }, config, "api"),
            (e: unknown) => e instanceof MissingConfigError && /NOPE/.test(e.message) && /api/.test(e.message),
        );
    });

    it("gives a program's input as text, a secret: strings as they are, anything else as JSON", async function () {
        assert.equal(await valueOf(programValue("plain")), "plain");
        assert.equal(await valueOf(programValue(5432)), "5432");
        assert.equal(await valueOf(programValue({ a: [1] })), '{"a":[1]}');
        assert.ok(await isSecretOutput(programValue("plain")));
        assert.equal(await valueOf(sensitiveEnvValue({ kind: "input", value: 7 }, config, "api")!), "7");
    });
});
