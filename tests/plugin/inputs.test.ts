/**
 * Construct inputs -> component arguments, in process: outputs are kept where the schema takes
 * them (environment values), resolved or refused where it does not, and secrecy that the wire
 * format lifted to a whole argument goes back to the values that can carry it.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { componentArgs } from "../../provider/src/plugin/inputs";
import { outputIsSecret, outputValue } from "../../provider/src/util/output-state";
import { PackageSchema } from "../../provider/src/plugin/package-schema";
import { REPO_ROOT } from "../support/corpus";

const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "schema.json"), "utf8")) as PackageSchema;
const SERVICE = "defang:index:DefangService";

function outputState(o: unknown): { isSecret: Promise<boolean>; promise(): Promise<unknown> } {
    assert.ok(pulumi.Output.isInstance(o), "an output");
    return { isSecret: outputIsSecret(o), promise: () => outputValue(o) };
}

async function problems(token: string, inputs: Record<string, unknown>): Promise<string[]> {
    try {
        await componentArgs(schema, token, "X", inputs);
        return [];
    } catch (e) {
        assert.ok(pulumi.InputPropertiesError.isInstance(e), String(e));
        return e.errors.map((p) => `${p.propertyPath}: ${p.reason}`);
    }
}

describe("plugin inputs", function () {
    it("puts the secrecy of a whole environment back on each value; names stay plain", async function () {
        const args = await componentArgs(schema, SERVICE, "X", { image: "nginx", environment: pulumi.secret([{ name: "A", value: "x" }, { name: "B" }]) });
        const env = args.environment as Array<{ name: string; value?: unknown }>;
        assert.deepStrictEqual(
            env.map((e) => e.name),
            ["A", "B"],
        );
        assert.strictEqual(await outputState(env[0].value).isSecret, true);
        assert.strictEqual(await outputState(env[0].value).promise(), "x");
        assert.strictEqual(env[1].value, undefined, "an entry without a value stays sensitive config");
    });

    it("keeps an output in an environment value as it came", async function () {
        const value = pulumi.output("from another resource");
        const args = await componentArgs(schema, SERVICE, "X", { image: "nginx", environment: [{ name: "A", value }] });
        assert.strictEqual((args.environment as Array<{ value: unknown }>)[0].value, value);
    });

    it("resolves a known output in a plain field, and refuses a secret one", async function () {
        const args = await componentArgs(schema, SERVICE, "X", { image: pulumi.output("nginx:1.27") });
        assert.strictEqual(args.image, "nginx:1.27");
        assert.deepStrictEqual(await problems(SERVICE, { image: pulumi.secret("nginx") }), [
            "image: is a secret, but it would be stored in plain text; pass sensitive values as environment entries (a value, or none to read stack config)",
        ]);
        assert.match((await problems(SERVICE, { image: "n", build: pulumi.secret({ context: ".", args: { TOKEN: "t" } }) }))[0], /^build: is a secret/);
    });

    it("takes either form of a union (command as a string or a list)", async function () {
        assert.deepStrictEqual(await problems(SERVICE, { image: "n", command: "npm start", entrypoint: ["tini", "--"] }), []);
        assert.deepStrictEqual(await problems(SERVICE, { image: "n", deploy: { resources: { reservations: { cpu: 0.5, memory: "512M" } } } }), []);
    });

    it("lists every bad field at once, with the fix", async function () {
        assert.deepStrictEqual(await problems(SERVICE, { image: 5, ports: [{ target: 80, protocl: "tcp" }, {}], provider: "azure" }), [
            "image: must be a string, got number 5",
            "ports[0].protocl: is not a field here; did you mean `protocol`?",
            "ports[1].target: is required",
            'provider: is "azure"; use one of "aws", "gcp", "digitalocean"',
        ]);
        assert.deepStrictEqual(await problems("defang:index:DefangProject", { env: { A: 1 }, profiles: "web" }), ["env.A: must be a string, got number 1", 'profiles: must be a list, got string "web"']);
    });
});
