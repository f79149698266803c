/**
 * Construct inputs are held to the schema: only its own properties are fields (`constructor`,
 * `toString` and `__proto__` are unknown arguments like any other, at any depth), keys every
 * JavaScript object reserves are refused in maps and in values of any shape, and strings, lists,
 * maps and replica counts keep to the bounds schema.json carries from `input-limits.ts`.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { FIELD_BOUNDS, MAX_ITEMS, MAX_REPLICAS, MAX_STRING_LENGTH, MAX_TEXT_LENGTH } from "../../provider/src/plugin/input-limits";
import { componentArgs } from "../../provider/src/plugin/inputs";
import { isEnumType, PackageSchema, TypeSpec } from "../../provider/src/plugin/package-schema";
import { REPO_ROOT } from "../support/corpus";

const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "schema.json"), "utf8")) as PackageSchema;
const SERVICE = "defang:index:DefangService";
const PROJECT = "defang:index:DefangProject";
const RESERVED = "is a name every JavaScript object reserves";

async function problems(token: string, inputs: Record<string, unknown>): Promise<string[]> {
    try {
        await componentArgs(schema, token, "X", inputs);
        return [];
    } catch (e) {
        assert.ok(pulumi.InputPropertiesError.isInstance(e), String(e));
        return e.errors.map((p) => `${p.propertyPath}: ${p.reason}`);
    }
}

describe("plugin inputs: own properties only", function () {
    it("refuses `constructor`, `toString` and `hasOwnProperty` as arguments, like any unknown argument", async function () {
        const found = await problems(SERVICE, { image: "nginx", constructor: { name: "x" }, toString: "y", hasOwnProperty: true });
        assert.deepStrictEqual(
            found.map((p) => p.split(";")[0]),
            ["constructor: is not an argument of X", "toString: is not an argument of X", "hasOwnProperty: is not an argument of X"],
        );
    });

    it("refuses an own `__proto__` argument (as JSON.parse makes it) instead of taking its fields", async function () {
        const inputs = JSON.parse('{"image": "nginx", "__proto__": {"user": "root"}}') as Record<string, unknown>;
        assert.ok(Object.prototype.hasOwnProperty.call(inputs, "__proto__"));
        const found = await problems(SERVICE, inputs);
        assert.strictEqual(found.length, 1);
        assert.match(found[0], /^__proto__: is not an argument of X/);
    });

    it("refuses them as fields of a typed object, at any depth", async function () {
        const inputs = JSON.parse('{"image": "n", "ports": [{"target": 80, "constructor": 1}], "deploy": {"resources": {"limits": {"toString": "1"}}}, "build": {"context": ".", "__proto__": {"target": "x"}}}');
        assert.deepStrictEqual(
            (await problems(SERVICE, inputs)).map((p) => p.split(";")[0]),
            ["ports[0].constructor: is not a field here", "deploy.resources.limits.toString: is not a field here", "build.__proto__: is not a field here"],
        );
    });

    it("refuses reserved keys in maps and in a value of any shape (the compose project)", async function () {
        const inputs = JSON.parse('{"env": {"A": "1", "hasOwnProperty": "x", "__proto__": "y"}, "project": {"services": {"web": {"image": "n", "environment": {"valueOf": "1"}}}, "__proto__": {}}}');
        assert.deepStrictEqual(await problems(PROJECT, inputs), [
            `env.hasOwnProperty: ${RESERVED} (Object.prototype.hasOwnProperty), so it cannot be a key here; rename it`,
            `env.__proto__: ${RESERVED} (Object.prototype.__proto__), so it cannot be a key here; rename it`,
            `project.services.web.environment.valueOf: ${RESERVED} (Object.prototype.valueOf), so it cannot be a key here; rename it`,
            `project.__proto__: ${RESERVED} (Object.prototype.__proto__), so it cannot be a key here; rename it`,
        ]);
        assert.deepStrictEqual(await problems(PROJECT, { env: { A: "1", VALUE_OF: "2" } }), [], "ordinary keys pass");
    });
});

describe("plugin inputs: bounds", function () {
    it("refuses a string past its length, counting characters, not UTF-16 units", async function () {
        const long = "a".repeat(MAX_STRING_LENGTH + 1);
        assert.deepStrictEqual(await problems(SERVICE, { image: long }), [`image: is ${MAX_STRING_LENGTH + 1} characters long; the most is ${MAX_STRING_LENGTH}`]);
        assert.deepStrictEqual(await problems(SERVICE, { image: "a".repeat(MAX_STRING_LENGTH) }), [], "the bound itself passes");
        assert.deepStrictEqual(await problems(SERVICE, { image: "😀".repeat(MAX_STRING_LENGTH) }), [], "4096 characters of two UTF-16 units each pass");
    });

    it("gives text that reaches the container the larger bound, also when it is secret", async function () {
        const text = "x".repeat(MAX_TEXT_LENGTH);
        assert.deepStrictEqual(await problems(SERVICE, { image: "n", command: ["sh", "-c", text], environment: [{ name: "A", value: text }], build: { context: ".", args: { B: text } } }), []);
        const over = "x".repeat(MAX_TEXT_LENGTH + 1);
        const reason = `is ${MAX_TEXT_LENGTH + 1} characters long; the most is ${MAX_TEXT_LENGTH}`;
        assert.deepStrictEqual(
            await problems(SERVICE, { image: "n", build: { context: ".", args: { B: over } }, command: over, entrypoint: [over], environment: [{ name: "A", value: over }], healthcheck: { test: ["CMD-SHELL", over] } }),
            [`build.args.B: ${reason}`, `command: ${reason}`, `entrypoint[0]: ${reason}`, `environment[0].value: ${reason}`, `healthcheck.test[1]: ${reason}`],
        );
        assert.deepStrictEqual(await problems(SERVICE, { image: "n", environment: pulumi.secret([{ name: "A", value: over }]) }), [`environment[0].value: ${reason}`]);
        assert.deepStrictEqual(await problems(PROJECT, { env: { A: over } }), [`env.A: ${reason}`]);
    });

    it("refuses a list or map with too many entries, without walking them", async function () {
        const ports = Array.from({ length: MAX_ITEMS + 1 }, () => ({ target: "not a number" }));
        assert.deepStrictEqual(await problems(SERVICE, { image: "n", ports }), [`ports: has ${MAX_ITEMS + 1} entries; the most is ${MAX_ITEMS}`]);
        const args = Object.fromEntries(Array.from({ length: MAX_ITEMS + 1 }, (_, i) => [`A${i}`, "v"]));
        assert.deepStrictEqual(await problems(SERVICE, { image: "n", build: { context: ".", args } }), [`build.args: has ${MAX_ITEMS + 1} entries; the most is ${MAX_ITEMS}`]);
        assert.deepStrictEqual(await problems(PROJECT, { composeFiles: Array.from({ length: MAX_ITEMS }, () => "c.yaml") }), [], "the bound itself passes");
    });

    it("refuses replica counts past the bound, and below zero", async function () {
        assert.deepStrictEqual(await problems(SERVICE, { image: "n", deploy: { replicas: MAX_REPLICAS + 1 }, autoscaling: { minReplicas: -1, maxReplicas: 0 } }), [
            `deploy.replicas: is ${MAX_REPLICAS + 1}; the most is ${MAX_REPLICAS}`,
            "autoscaling.minReplicas: is -1; the least is 0",
            "autoscaling.maxReplicas: is 0; the least is 1",
        ]);
        assert.deepStrictEqual(await problems(SERVICE, { image: "n", deploy: { replicas: MAX_REPLICAS }, autoscaling: { minReplicas: 0, maxReplicas: MAX_REPLICAS } }), []);
        assert.deepStrictEqual(await problems("defang:index:DefangRedis", { deploy: { replicas: 10_000 } }), [`deploy.replicas: is 10000; the most is ${MAX_REPLICAS}`]);
    });

    it("lists bound and shape problems together", async function () {
        assert.deepStrictEqual(await problems(SERVICE, { image: "a".repeat(MAX_STRING_LENGTH + 1), user: 0, deploy: { replicas: MAX_REPLICAS + 1 }, constructor: 1 }), [
            `image: is ${MAX_STRING_LENGTH + 1} characters long; the most is ${MAX_STRING_LENGTH}`,
            "user: must be a string, got number 0",
            `deploy.replicas: is ${MAX_REPLICAS + 1}; the most is ${MAX_REPLICAS}`,
            "constructor: is not an argument of X; the arguments are image, build, command, entrypoint, workingDir, user, environment, ports, healthcheck, deploy, platform, domainname, aliases, stopGracePeriod, autoscaling, cloud, provider",
        ]);
    });
});

describe("schema.json bounds", function () {
    /** Every input type spec of the schema, with its path. */
    function inputSpecs(): Array<[string, TypeSpec]> {
        const out: Array<[string, TypeSpec]> = [];
        const walk = (at: string, s: TypeSpec): void => {
            out.push([at, s]);
            if (s.items) walk(`${at}[]`, s.items);
            if (s.additionalProperties) walk(`${at}{}`, s.additionalProperties);
            s.oneOf?.forEach((alt, i) => walk(`${at}|${i}`, alt));
        };
        for (const [token, r] of Object.entries(schema.resources)) for (const [k, p] of Object.entries(r.inputProperties)) walk(`${token}.${k}`, p);
        for (const [token, t] of Object.entries(schema.types)) if (!isEnumType(t)) for (const [k, p] of Object.entries(t.properties)) walk(`${token}.${k}`, p);
        return out;
    }

    it("bounds every input string, list and map", function () {
        const unbounded = inputSpecs().filter(([, s]) => (s.type === "string" && !s.maxLength) || (s.type === "array" && !s.maxItems) || (s.type === "object" && !s.maxProperties));
        assert.deepStrictEqual(
            unbounded.map(([at]) => at),
            [],
        );
    });

    it("carries each field's own bounds, and every entry of the table names a field", function () {
        const specs = inputSpecs();
        const byField = (key: string) =>
            specs.filter(([at]) => {
                const [owner, field] = key.split(".");
                const name = at.split(":")[2]?.replace(/[[\]{}|0-9]+$/, "") ?? "";
                return owner === "*" ? name.endsWith(`.${field}`) : name === key;
            });
        for (const key of Object.keys(FIELD_BOUNDS)) assert.ok(byField(key).length > 0, `${key} is a field of the schema`);
        const replicas = specs.find(([at]) => at === "defang:index:Deploy.replicas")![1];
        assert.deepStrictEqual([replicas.minimum, replicas.maximum], [0, MAX_REPLICAS]);
        const value = specs.find(([at]) => at === "defang:index:EnvironmentVariable.value")![1];
        assert.strictEqual(value.maxLength, MAX_TEXT_LENGTH);
        const image = specs.find(([at]) => at === `${SERVICE}.image`)![1];
        assert.strictEqual(image.maxLength, MAX_STRING_LENGTH);
    });
});
