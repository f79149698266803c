/**
 * The built plugin, run as the Pulumi engine runs it: a child process that prints its port, then
 * GetPluginInfo, GetSchema and Construct for every component, against a stand-in engine whose
 * resource monitor records every registration. In preview and in update mode: children are
 * registered under their component, outputs come back (as the component registered them), secret
 * inputs and secret config stay secret, bad requests get an error message and the plugin lives
 * on, and it exits cleanly when the engine lets it go.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { PackageSchema } from "../../provider/src/plugin/package-schema";
import { REPO_ROOT } from "../support/corpus";
import { FakeEngine, RecordedRegistration } from "./fake-engine";
import { isWireSecret, PluginProcess, UNKNOWN, wireOutput, wireSecret } from "./plugin-process";

const schemaText = fs.readFileSync(path.join(REPO_ROOT, "schema.json"), "utf8");
const schema = JSON.parse(schemaText) as PackageSchema;
const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;

const PROJECT = "shop";
const API_KEY = "sk-config-secret-4711";
const DB_PASSWORD = "pg-config-secret-0815";
const INPUT_SECRET = "postgres://app:input-secret-2342@db.internal:5432/app";
const CONFIG = { [`${PROJECT}:API_KEY`]: API_KEY, [`${PROJECT}:POSTGRES_PASSWORD`]: DB_PASSWORD, "defang:provider": "aws" };
const SECRET_KEYS = [`${PROJECT}:API_KEY`, `${PROJECT}:POSTGRES_PASSWORD`];
const OUTPUT_SECRET = "session-secret-9999";
const PLAINTEXTS = [API_KEY, DB_PASSWORD, "input-secret-2342", OUTPUT_SECRET];

/** Every place under `v` where one of `needles` appears outside a secret, as paths. */
function leaks(v: unknown, needles: string[], at = ""): string[] {
    if (isWireSecret(v)) return [];
    if (typeof v === "string") return needles.some((n) => v.includes(n)) ? [at] : [];
    if (Array.isArray(v)) return v.flatMap((x, i) => leaks(x, needles, `${at}[${i}]`));
    if (v && typeof v === "object") return Object.entries(v).flatMap(([k, x]) => leaks(x, needles, `${at}.${k}`));
    return [];
}

function mentions(v: unknown, needle: string): boolean {
    return JSON.stringify(v).includes(needle);
}

function outputKeys(token: string): string[] {
    return Object.keys(schema.resources[token].properties).sort();
}

function grpcDetails(e: unknown): string {
    return String((e as { details?: string }).details ?? (e as Error).message);
}

for (const mode of ["preview", "update"] as const) {
    describe(`provider plugin under the engine (${mode})`, function () {
        const dryRun = mode === "preview";
        let engine: FakeEngine;
        let plugin: PluginProcess;
        const results = new Map<string, { urn: string; state: Record<string, unknown> }>();

        before(async function () {
            engine = new FakeEngine(PROJECT, "dev", dryRun);
            await engine.start();
            ({ plugin } = await PluginProcess.start(engine.address));
            const construct = async (type: string, name: string, inputs: Record<string, unknown>) => results.set(name, await plugin.construct(engine, { type, name, inputs, config: CONFIG, secretKeys: SECRET_KEYS }));
            await construct("defang:index:DefangPostgres", "db", { image: "postgres:17", environment: [{ name: "POSTGRES_PASSWORD" }] });
            await construct("defang:index:DefangRedis", "cache", { image: "valkey/valkey:8", provider: "aws" });
            await construct("defang:index:DefangMongo", "docs", { image: "mongo:7", provider: "aws", environment: [{ name: "MONGO_INITDB_DATABASE", value: "docs" }] });
            await construct("defang:index:DefangService", "app", {
                provider: "aws",
                image: "nginx:1.27",
                ports: [{ target: 8080, mode: "ingress" }],
                environment: [
                    { name: "NODE_ENV", value: "production" },
                    { name: "API_KEY" },
                    { name: "DATABASE_URL", value: wireSecret(INPUT_SECRET) },
                    { name: "SESSION_KEY", value: wireOutput(OUTPUT_SECRET, { secret: true }) },
                ],
                deploy: { replicas: 2, resources: { reservations: { cpu: "0.5", memory: "1G" } } },
            });
            await construct("defang:index:DefangProject", "notes", { composeFile: "examples/yaml-project/compose.yaml" });
            await construct("defang:index:DefangLLM", "llm", { image: "defangio/openai-access-gateway", ports: [{ target: 80, mode: "host" }], models: ["anthropic.claude-3-haiku-20240307-v1:0"] });
        });

        after(async function () {
            if (plugin) await plugin.release();
            engine?.stop();
        });

        it("answers GetPluginInfo with the package version and GetSchema with schema.json", async function () {
            assert.strictEqual((await plugin.getPluginInfo()).version, version);
            assert.strictEqual(await plugin.getSchema(), schemaText);
        });

        for (const [name, token] of [
            ["db", "defang:index:DefangPostgres"],
            ["cache", "defang:index:DefangRedis"],
            ["docs", "defang:index:DefangMongo"],
            ["app", "defang:index:DefangService"],
            ["llm", "defang:index:DefangLLM"],
        ] as const) {
            it(`${token}: the component is registered, its cloud resources under it, and its outputs come back`, function () {
                const result = results.get(name)!;
                assert.strictEqual(result.urn, `urn:pulumi:dev::${PROJECT}::${token}::${name}`);
                const component = engine.byUrn(result.urn);
                assert.ok(component && !component.custom && component.type === token, `component ${name} registered`);
                const children = engine.registrations.filter((r) => r.urn !== result.urn && engine.descendsFrom(r.urn, result.urn));
                assert.ok(
                    children.some((r) => r.custom && r.type.startsWith("aws:")),
                    `AWS resources under ${name}: ${children.map((c) => c.type).join(", ")}`,
                );
                for (const child of children) assert.ok(child.name === name || child.name.startsWith(`${name}-`), `child ${child.name} of ${name} is named ${name}-<role>`);
                assert.deepStrictEqual(Object.keys(result.state).sort(), outputKeys(token), "Construct returns the outputs of the schema");
                assert.deepStrictEqual(Object.keys(engine.outputs.get(result.urn) ?? {}).sort(), outputKeys(token), "the component registered its outputs");
            });
        }

        it("lone components share one set of infrastructure per run (one SharedInfrastructure, one VPC)", function () {
            const shared = engine.byType("defang:index:SharedInfrastructure");
            assert.strictEqual(shared.length, 1);
            assert.strictEqual(engine.byType("aws:ec2/vpc:Vpc").filter((v) => engine.descendsFrom(v.urn, shared[0].urn)).length, 1);
        });

        it("a secret input, and secret config, reach the resources only as secrets", function () {
            const leaked = engine.registrations.flatMap((r) => leaks(r.inputs, PLAINTEXTS).map((p) => `${r.type} ${r.name}${p}`));
            assert.deepStrictEqual(leaked, []);
            const parameters = engine.byType("aws:ssm/parameter:Parameter");
            const app = parameters.filter((p) => p.name.startsWith("app-"));
            assert.ok(app.length >= 2, `SSM parameters of app: ${app.map((p) => p.name).join(", ")}`);
            if (!dryRun) {
                assert.ok(
                    app.some((p) => isWireSecret(p.inputs.value) && mentions(p.inputs.value, API_KEY)),
                    "API_KEY is stored as a secret",
                );
                assert.ok(
                    app.some((p) => isWireSecret(p.inputs.value) && mentions(p.inputs.value, "input-secret-2342")),
                    "the secret input is stored as a secret",
                );
                assert.ok(
                    app.some((p) => isWireSecret(p.inputs.value) && mentions(p.inputs.value, OUTPUT_SECRET)),
                    "the secret output value is stored as a secret",
                );
                const db = engine.byType("aws:rds/instance:Instance")[0];
                assert.ok(isWireSecret(db.inputs.password) && mentions(db.inputs.password, DB_PASSWORD), "the database password is a secret input of RDS");
            }
            for (const { state } of results.values()) assert.deepStrictEqual(leaks(state, PLAINTEXTS), []);
            for (const outputs of engine.outputs.values()) assert.deepStrictEqual(leaks(outputs, PLAINTEXTS), []);
        });

        it("secret outputs come back secret, the others as values", function () {
            const db = results.get("db")!.state;
            const cache = results.get("cache")!.state;
            const app = results.get("app")!.state;
            if (dryRun) {
                for (const state of [db, cache, app]) for (const [k, v] of Object.entries(state)) assert.ok(v !== undefined, `${k} is present`);
                assert.ok(isWireSecret(db.password) || db.password === UNKNOWN, "password is secret or unknown in preview");
                return;
            }
            assert.ok(isWireSecret(db.password) && (db.password as { value: unknown }).value === DB_PASSWORD, "password is the configured one, secret");
            assert.ok(isWireSecret(db.url) && String((db.url as { value: unknown }).value).startsWith("postgres://postgres:"), "url is secret");
            assert.strictEqual(db.port, 5432);
            assert.match(String(db.host), /rds\.amazonaws\.com$/);
            assert.ok(isWireSecret(cache.url) && String((cache.url as { value: unknown }).value).startsWith("rediss://:"), "redis url is secret");
            assert.equal((app.endpoints as string[]).length, 1);
            assert.match((app.endpoints as string[])[0], /^https:\/\/[0-9a-z]+\.cloudfront\.net$/, "HTTPS at the service's CloudFront distribution");
            assert.deepStrictEqual(results.get("llm")!.state.endpoints, ["llm:80"]);
        });

        it("defang:index:DefangProject: one component per compose service under the project, and its endpoints", function () {
            const result = results.get("notes")!;
            assert.strictEqual(result.urn, `urn:pulumi:dev::${PROJECT}::defang:index:DefangProject::notes`);
            const members = engine.registrations.filter((r) => r.parent === result.urn && r.type.startsWith("defang:index:Defang"));
            assert.deepStrictEqual(members.map((m) => `${m.type} ${m.name}`).sort(), [
                "defang:index:DefangPostgres notes-db",
                "defang:index:DefangRedis notes-cache",
                "defang:index:DefangService notes-api",
                "defang:index:DefangService notes-web",
            ]);
            const custom = engine.registrations.filter((r) => r.custom && engine.descendsFrom(r.urn, result.urn));
            assert.ok(custom.length > 20, `${custom.length} cloud resources under the project`);
            assert.ok(
                custom.some((r) => r.type === "aws:ec2/vpc:Vpc"),
                "the project has its own network",
            );
            assert.deepStrictEqual(Object.keys(result.state), ["endpoints"]);
            if (!dryRun) {
                const endpoints = result.state.endpoints as Record<string, string[]>;
                assert.deepStrictEqual(endpoints.api, ["api:8080"]);
                assert.deepStrictEqual(endpoints.db, ["db:5432"]);
                assert.match(endpoints.web[0], /^https:\/\/[0-9a-z]+\.cloudfront\.net$/);
            }
        });

        it("defang:index:DefangProject: the compose file's sensitive config is a secret parameter", function () {
            const urlParam = engine.byType("aws:ssm/parameter:Parameter").find((p) => p.name.startsWith("notes-api") && p.name.includes("DATABASE_URL"));
            assert.ok(urlParam && isWireSecret(urlParam.inputs.value) && mentions(urlParam.inputs.value, DB_PASSWORD), "DATABASE_URL with the password is a secret parameter");
        });

        it("logs no error to the engine, and prints nothing on stdout but its port", function () {
            assert.deepStrictEqual(
                engine.logs.filter((l) => l.severity >= 3).map((l) => l.message),
                [],
            );
            assert.match(plugin.stdout.join(""), /^\d+\n$/);
        });

        it("an unknown token is an error naming the tokens, and the plugin serves on", async function () {
            await assert.rejects(plugin.construct(engine, { type: "defang:index:DefangNope", name: "x", inputs: {}, config: CONFIG }), (e) => {
                assert.match(grpcDetails(e), /unknown resource type "defang:index:DefangNope".*defang:index:DefangService/);
                return true;
            });
            assert.strictEqual((await plugin.getPluginInfo()).version, version);
        });

        it("bad inputs are errors naming the field and the fix, before any resource", async function () {
            const before = engine.registrations.length;
            const attempt = (name: string, inputs: Record<string, unknown>, config: Record<string, string> = CONFIG) =>
                plugin.construct(engine, { type: "defang:index:DefangService", name, inputs, config, secretKeys: SECRET_KEYS }).then(
                    () => assert.fail(`${name} was constructed`),
                    (e: unknown) => grpcDetails(e),
                );
            assert.match(await attempt("typo", { imagee: "nginx" }), /imagee: is not an argument of DefangService "typo"; did you mean `image`\?/);
            assert.match(await attempt("badport", { image: "nginx", ports: [{ target: "eighty" }] }), /ports\[0\]\.target: must be a whole number, got string "eighty"/);
            assert.match(await attempt("badmode", { image: "nginx", ports: [{ target: 80, mode: "public" }] }), /ports\[0\]\.mode: is "public"; use one of "ingress", "host"/);
            assert.match(await attempt("noimage", {}), /DefangService "noimage": argument `image` is missing/);
            assert.match(await attempt("nocloud", { image: "nginx" }, {}), /no cloud chosen/);
            assert.match(await attempt("noconfig", { image: "nginx", environment: [{ name: "MISSING_TOKEN" }] }), /pulumi config set --secret MISSING_TOKEN/);
            assert.match(await attempt("secretimage", { image: wireSecret("registry.example.com/private:1") }), /image: is a secret, but it would be stored in plain text/);
            // An unknown image defers the component's resources (tests/plugin/computed-inputs.test.ts); unknown ports cannot be.
            if (dryRun) assert.match(await attempt("unknownports", { image: "nginx", ports: UNKNOWN }), /ports: is not known yet/);
            const registered = engine.registrations.slice(before).map((r: RecordedRegistration) => `${r.type} ${r.name}`);
            assert.deepStrictEqual(registered, [], "nothing registered by a refused Construct");
            assert.strictEqual((await plugin.getPluginInfo()).version, version);
        });
    });
}

describe("provider plugin on Google Cloud and DigitalOcean (update)", function () {
    const clouds: Array<{ cloud: string; config: Record<string, string>; service: string; database: string }> = [
        { cloud: "gcp", config: { "gcp:project": "notes-project", "gcp:region": "us-central1" }, service: "gcp:cloudrunv2/service:Service", database: "gcp:sql/databaseInstance:DatabaseInstance" },
        { cloud: "digitalocean", config: { "defang:region": "nyc3" }, service: "digitalocean:index/app:App", database: "digitalocean:index/databaseCluster:DatabaseCluster" },
    ];
    for (const { cloud, config, service, database } of clouds) {
        it(`${cloud}: a DefangProject gets that cloud's resources under it, secrets stay secret, and no other cloud's resources appear`, async function () {
            const engine = new FakeEngine(PROJECT, "dev", false);
            await engine.start();
            const { plugin } = await PluginProcess.start(engine.address);
            try {
                const result = await plugin.construct(engine, {
                    type: "defang:index:DefangProject",
                    name: "notes",
                    inputs: { composeFile: "examples/yaml-project/compose.yaml", provider: cloud },
                    config: { ...CONFIG, ...config },
                    secretKeys: SECRET_KEYS,
                });
                const custom = engine.registrations.filter((r) => r.custom && engine.descendsFrom(r.urn, result.urn));
                assert.ok(
                    custom.some((r) => r.type === service),
                    `a ${service} under the project`,
                );
                assert.ok(
                    custom.some((r) => r.type === database),
                    `a ${database} under the project`,
                );
                const foreign = custom.filter((r) => !r.type.startsWith(`${cloud}:`) && !r.type.startsWith("random:") && !r.type.startsWith("pulumi-nodejs:"));
                assert.deepStrictEqual(
                    foreign.map((r) => r.type),
                    [],
                    "no other cloud's resources",
                );
                assert.deepStrictEqual(
                    engine.registrations.flatMap((r) => leaks(r.inputs, PLAINTEXTS, `${r.type} ${r.name}`)),
                    [],
                );
                assert.deepStrictEqual(Object.keys(result.state), ["endpoints"]);
            } finally {
                await plugin.release();
                engine.stop();
            }
        });
    }
});

describe("provider plugin process", function () {
    it("prints its port, and exits with 0 when the engine closes its stdin", async function () {
        const engine = new FakeEngine(PROJECT, "dev", true);
        await engine.start();
        try {
            const { plugin, port, startMs } = await PluginProcess.start(engine.address);
            assert.ok(port > 0);
            console.log(`      (plugin printed its port after ${Math.round(startMs)} ms)`);
            await plugin.getSchema();
            assert.deepStrictEqual(await plugin.release(), { code: 0, signal: null });
            assert.strictEqual(plugin.stderr.join(""), "");
        } finally {
            engine.stop();
        }
    });

    it("exits with 0 on SIGTERM", async function () {
        const engine = new FakeEngine(PROJECT, "dev", true);
        await engine.start();
        try {
            const { plugin } = await PluginProcess.start(engine.address);
            plugin.child.kill("SIGTERM");
            assert.deepStrictEqual(await plugin.exit, { code: 0, signal: null });
        } finally {
            engine.stop();
        }
    });
});
