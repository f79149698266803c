/**
 * Inputs a program computes, through the engine's protocol: the image, command, replica count and
 * sizes of a service and the image (version) of a database may be outputs of other resources. A
 * known output reaches the resources as its value (and decides the database's version); a secret
 * one is refused, as the cloud would keep it in plain text; an environment value that is secret or
 * unknown reaches the cloud's secret store as such; in a preview, an image that is not known yet
 * defers the component's resources to the update.
 */
import * as assert from "assert";
import { FakeEngine } from "./fake-engine";
import { PluginProcess, UNKNOWN, wireOutput, wireSecret } from "./plugin-process";

const PROJECT = "shop";
const CONFIG = { "defang:provider": "aws" };
const REGISTRY = "urn:pulumi:dev::shop::aws:ecr/repository:Repository::registry";

function details(e: unknown): string {
    return String((e as { details?: string }).details ?? (e as Error).message);
}

for (const mode of ["preview", "update"] as const) {
    describe(`computed inputs through the provider plugin (${mode})`, function () {
        const dryRun = mode === "preview";
        let engine: FakeEngine;
        let plugin: PluginProcess;
        const urns = new Map<string, string>();
        const states = new Map<string, Record<string, unknown>>();

        before(async function () {
            engine = new FakeEngine(PROJECT, "dev", dryRun);
            await engine.start();
            ({ plugin } = await PluginProcess.start(engine.address));
            const construct = async (type: string, name: string, inputs: Record<string, unknown>) => {
                const result = await plugin.construct(engine, { type, name, inputs, config: CONFIG });
                urns.set(name, result.urn);
                states.set(name, result.state);
            };
            await construct("defang:index:DefangService", "web", {
                cloud: "aws",
                image: wireOutput("123456789012.dkr.ecr.us-west-2.amazonaws.com/web:v7", { dependencies: [REGISTRY] }),
                command: wireOutput(["node", "server.js"]),
                ports: [{ target: 8080 }],
                environment: [{ name: "SESSION_KEY", value: wireOutput("session-4242", { secret: true }) }, ...(dryRun ? [{ name: "LATER", value: UNKNOWN }] : [])],
                deploy: { replicas: wireOutput(3), resources: { reservations: { cpu: wireOutput("1"), memory: wireOutput("2G") } } },
            });
            await construct("defang:index:DefangPostgres", "db", { cloud: "aws", image: wireOutput("postgres:16") });
            if (dryRun) await construct("defang:index:DefangService", "later", { cloud: "aws", image: UNKNOWN, ports: [{ target: 80 }] });
        });

        after(async function () {
            if (plugin) await plugin.release();
            engine?.stop();
        });

        const children = (name: string) => engine.registrations.filter((r) => r.urn !== urns.get(name) && engine.descendsFrom(r.urn, urns.get(name)!));

        it("a known output is the value of the argument: image, command, replicas and size reach the ECS resources", function () {
            const task = children("web").find((r) => r.type === "aws:ecs/taskDefinition:TaskDefinition");
            const service = children("web").find((r) => r.type === "aws:ecs/service:Service");
            assert.ok(
                task && service,
                `ECS resources under web: ${children("web")
                    .map((c) => c.type)
                    .join(", ")}`,
            );
            assert.strictEqual(service.inputs.desiredCount, 3);
            assert.strictEqual(task.inputs.cpu, "1024");
            assert.strictEqual(task.inputs.memory, "2048");
            if (dryRun) return;
            const [container] = JSON.parse(String(task.inputs.containerDefinitions)) as Array<{ image: string; command: string[] }>;
            assert.strictEqual(container.image, "123456789012.dkr.ecr.us-west-2.amazonaws.com/web:v7");
            assert.deepStrictEqual(container.command, ["node", "server.js"]);
        });

        it("a known output decides a database's version", function () {
            const rds = children("db").find((r) => r.type === "aws:rds/instance:Instance");
            assert.ok(rds, "an RDS instance under db");
            assert.match(String(rds.inputs.engineVersion), /^16(\.|$)/);
        });

        it("an environment value that is a secret output, or unknown in a preview, reaches the secret store as such", function () {
            const params = children("web").filter((r) => r.type === "aws:ssm/parameter:Parameter");
            const session = params.find((p) => p.name.includes("SESSION_KEY"));
            assert.ok(session, `SSM parameters: ${params.map((p) => p.name).join(", ")}`);
            if (!dryRun) assert.deepStrictEqual(session.inputs.value, wireSecret("session-4242"));
            if (dryRun) {
                const later = params.find((p) => p.name.includes("LATER"));
                assert.ok(later, "LATER has a parameter");
                assert.ok(later.inputs.value === UNKNOWN || JSON.stringify(later.inputs.value).includes(UNKNOWN), `LATER is unknown: ${JSON.stringify(later.inputs.value)}`);
            }
        });

        it("an image not known in a preview: the component is registered, its resources wait for the update, and it says so", function () {
            if (!dryRun) this.skip();
            assert.ok(engine.byUrn(urns.get("later")!), "the component is registered");
            assert.deepStrictEqual(
                children("later").map((c) => c.type),
                [],
            );
            assert.ok(
                engine.logs.some((l) => l.message.includes('DefangService "later": `image` is not known until the resource it comes from exists')),
                "an info line says why",
            );
            assert.deepStrictEqual(Object.keys(states.get("later")!), ["endpoints"]);
        });

        it("a secret where the cloud keeps plain text (the image, a replica count) is refused, naming the field, before any resource", async function () {
            const before = engine.registrations.length;
            const attempt = (name: string, inputs: Record<string, unknown>) =>
                plugin.construct(engine, { type: "defang:index:DefangService", name, inputs, config: CONFIG }).then(
                    () => assert.fail(`${name} was constructed`),
                    (e: unknown) => details(e),
                );
            assert.match(await attempt("secretimage", { image: wireOutput("nginx:1.27", { secret: true }) }), /image: is a secret, but it would be stored in plain text/);
            assert.match(await attempt("secretreplicas", { image: "nginx", deploy: { replicas: wireSecret(2) } }), /deploy: is a secret, but it would be stored in plain text|deploy\.replicas: is a secret/);
            assert.match(await attempt("fraction", { image: "nginx", deploy: { replicas: wireOutput(1.5) } }), /deploy\.replicas: must be a whole number, got number 1\.5/);
            assert.strictEqual(engine.registrations.length, before);
        });
    });
}
