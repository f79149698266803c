/**
 * The built plugin refuses a bad Construct cleanly, as the engine sees it: an input error naming
 * every field (a `__proto__` key sent over the wire included, which the SDK would otherwise turn
 * into a prototype), no RegisterResource reaching the monitor, nothing logged as an error, and a
 * process that serves on and still exits with 0 when the engine releases it.
 */
import * as assert from "assert";
import { MAX_REPLICAS, MAX_STRING_LENGTH } from "../../provider/src/plugin/input-limits";
import { FakeEngine } from "./fake-engine";
import { PluginProcess, wireSecret } from "./plugin-process";

const PROJECT = "shop";
const CONFIG = { "defang:provider": "aws" };

function grpcError(e: unknown): { code: number; details: string } {
    return { code: (e as { code: number }).code, details: String((e as { details?: string }).details ?? (e as Error).message) };
}

/** gRPC's INVALID_ARGUMENT: what the engine shows as an input error of the resource. */
const INVALID_ARGUMENT = 3;

describe("provider plugin: a refused Construct", function () {
    let engine: FakeEngine;
    let plugin: PluginProcess;

    before(async function () {
        engine = new FakeEngine(PROJECT, "dev", false);
        await engine.start();
        ({ plugin } = await PluginProcess.start(engine.address));
    });

    after(async function () {
        if (plugin && plugin.child.exitCode === null) await plugin.release();
        engine?.stop();
    });

    /** `__PROTO__` in `inputs` goes over the wire as `__proto__`, a key no JavaScript object can hold as an entry. */
    const attempt = (type: string, name: string, inputs: Record<string, unknown>) =>
        plugin.construct(engine, { type, name, inputs, config: CONFIG, wireKeys: { __PROTO__: "__proto__" } }).then(
            () => assert.fail(`${name} was constructed`),
            (e: unknown) => grpcError(e),
        );

    it("refuses a `__proto__` key sent over the wire, at any depth, instead of dropping it", async function () {
        const inputs = { image: "nginx", __PROTO__: { user: "root" }, ports: [{ target: 80, __PROTO__: { mode: "host" } }], build: { context: ".", args: { __PROTO__: "x" } } };
        const e = await attempt("defang:index:DefangService", "proto", inputs);
        assert.strictEqual(e.code, INVALID_ARGUMENT);
        const reason = "is a name every JavaScript object reserves (Object.prototype.__proto__), so it cannot be a key here; rename it";
        assert.match(e.details, /DefangService "proto": 3 arguments are not valid; nothing was created/);
        for (const at of ["__proto__", "ports[0].__proto__", "build.args.__proto__"]) assert.ok(e.details.includes(`${at}: ${reason}`), `${at} in ${e.details}`);
    });

    it("finds a `__proto__` key inside a secret", async function () {
        const e = await attempt("defang:index:DefangService", "secretproto", { image: "nginx", environment: wireSecret([{ name: "A", value: "1", __PROTO__: "x" }]) });
        assert.strictEqual(e.code, INVALID_ARGUMENT);
        assert.match(e.details, /\n {2}environment\[0\]\.__proto__: is a name every JavaScript object reserves/);
    });

    it("refuses `constructor` and `toString` like any unknown argument", async function () {
        const e = await attempt("defang:index:DefangService", "ctor", { image: "nginx", constructor: { name: "x" }, deploy: { toString: "1" } });
        assert.strictEqual(e.code, INVALID_ARGUMENT);
        assert.match(e.details, /constructor: is not an argument of DefangService "ctor"/);
        assert.match(e.details, /deploy\.toString: is not a field here/);
    });

    it("refuses inputs past their bounds", async function () {
        const e = await attempt("defang:index:DefangService", "big", { image: "n".repeat(MAX_STRING_LENGTH + 1), deploy: { replicas: MAX_REPLICAS * 10 } });
        assert.strictEqual(e.code, INVALID_ARGUMENT);
        assert.match(e.details, new RegExp(`image: is ${MAX_STRING_LENGTH + 1} characters long; the most is ${MAX_STRING_LENGTH}`));
        assert.match(e.details, new RegExp(`deploy\\.replicas: is ${MAX_REPLICAS * 10}; the most is ${MAX_REPLICAS}`));
    });

    it("refuses a project the cloud cannot run, and one whose compose file is missing", async function () {
        const unsupported = await attempt("defang:index:DefangProject", "unsupported", { composeFile: "tests/cli/fixtures/unsupported/compose.yaml" });
        assert.match(unsupported.details, /privileged/);
        assert.match(unsupported.details, /network_mode/);
        const missing = await attempt("defang:index:DefangProject", "missing", { composeFile: "no/such/compose.yaml" });
        assert.match(missing.details, /no\/such\/compose\.yaml/);
    });

    it("no RegisterResource of a refused Construct reached the monitor, and nothing was logged as an error", function () {
        assert.deepStrictEqual(
            engine.registrations.map((r) => `${r.type} ${r.name}`),
            [],
        );
        assert.deepStrictEqual(
            engine.logs.filter((l) => l.severity >= 3).map((l) => l.message),
            [],
        );
    });

    it("serves on, and exits with 0 when the engine releases it", async function () {
        const ok = await plugin.construct(engine, { type: "defang:index:DefangRedis", name: "cache", inputs: { image: "valkey/valkey:8" }, config: CONFIG });
        assert.match(ok.urn, /DefangRedis::cache$/);
        assert.deepStrictEqual(await plugin.release(), { code: 0, signal: null });
        assert.strictEqual(plugin.stderr.join(""), "");
    });
});
