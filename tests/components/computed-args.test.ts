/**
 * Arguments a TypeScript program computes (`pulumi.Input`): an image, a command, a replica count, a
 * size or a database version that is an output of another resource. The component resolves them
 * before it decides: a known value deploys as if written (its resources depending on where the
 * value came from); a secret is refused, naming the field and
 * the fix, with no child created; a value not known yet (a preview) leaves the component without
 * children, with a note; environment outputs stay outputs (secret store), as before.
 */
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { DefangPostgres } from "../../provider/src/components/defang-postgres";
import { DefangRedis } from "../../provider/src/components/defang-redis";
import { DefangService } from "../../provider/src/components/defang-service";
import { hasComputedArgs } from "../../provider/src/components/computed-args";
import { outputIsKnown, outputValue, unknownOutput } from "../../provider/src/util/output-state";
import { MockRecorder, useMocks, valueOf } from "../support/pulumi-mocks";

/** A resource of another provider whose outputs are its inputs (the mocks echo them). */
class Source extends pulumi.CustomResource {
    declare readonly value: pulumi.Output<string>;
    declare readonly count: pulumi.Output<number>;
    constructor(name: string, props: { value?: string; count?: number }) {
        super("test:index:Source", name, { value: props.value, count: props.count });
    }
}

function children(recorder: MockRecorder, parent: string) {
    return recorder.registrations.filter((r) => r.parent === parent || r.name.startsWith(`${parent}-`));
}

describe("computed arguments of a component", function () {
    let recorder: MockRecorder;
    let infos: string[];
    const info = pulumi.log.info;
    before(async function () {
        recorder = await useMocks({ "defang:provider": "aws" });
    });
    beforeEach(function () {
        recorder.reset();
        infos = [];
        pulumi.log.info = async (message: string) => void infos.push(message);
    });
    afterEach(function () {
        pulumi.log.info = info;
    });

    it("finds outputs and promises only where a program may compute a value", function () {
        assert.equal(hasComputedArgs({ image: "nginx", environment: [{ name: "A", value: pulumi.output("x") }] }), false);
        assert.equal(hasComputedArgs({ image: pulumi.output("nginx") }), true);
        assert.equal(hasComputedArgs({ build: { context: ".", args: { A: Promise.resolve("1") } } }), true);
        assert.equal(hasComputedArgs({ deploy: { resources: { limits: { memory: pulumi.output("1G") } } } }), true);
    });

    it("an image, a command and a replica count from another resource reach the ECS task and service", async function () {
        const image = new Source("image", { value: "123456789012.dkr.ecr.us-west-2.amazonaws.com/web:v7" });
        const replicas = new Source("replicas", { count: 3 });
        const web = new DefangService("web", { image: image.value, command: pulumi.output(["node", "server.js"]), ports: [{ target: 8080 }], deploy: { replicas: replicas.count } }, recorder.opts());
        assert.equal((await valueOf(web.endpoints)).length, 1);
        await recorder.settle();
        const task = recorder.registrations.find((r) => r.type === "aws:ecs/taskDefinition:TaskDefinition" && r.name.startsWith("web"));
        const service = recorder.registrations.find((r) => r.type === "aws:ecs/service:Service" && r.name.startsWith("web"));
        assert.ok(task && service, recorder.registrations.map((r) => r.type).join(", "));
        const [container] = JSON.parse(task.inputs.containerDefinitions as string) as Array<{ image: string; command: string[] }>;
        assert.equal(container.image, "123456789012.dkr.ecr.us-west-2.amazonaws.com/web:v7");
        assert.deepEqual(container.command, ["node", "server.js"]);
        assert.equal(service.inputs.desiredCount, 3);
        const serviceDependsOn = recorder.dependsOnUrns(service.type, service.name);
        assert.ok(
            serviceDependsOn.some((u) => u.endsWith("::test:index:Source::image")),
            `the ECS service depends on the image's source: ${serviceDependsOn.join(", ")}`,
        );
        assert.ok(
            serviceDependsOn.some((u) => u.endsWith("::test:index:Source::replicas")),
            "and on the replica count's",
        );
        assert.deepEqual(infos, []);
    });

    it("a database version from another resource decides the engine version; a Valkey image the engine", async function () {
        const tag = new Source("tag", { value: "postgres:16" });
        const db = new DefangPostgres("db", { image: tag.value }, recorder.opts());
        const cache = new DefangRedis("cache", { image: Promise.resolve("valkey/valkey:8") }, recorder.opts());
        assert.match(await valueOf(db.host), /.+/);
        assert.match(await valueOf(cache.host), /.+/);
        await recorder.settle();
        const rds = recorder.registrations.find((r) => r.type === "aws:rds/instance:Instance");
        assert.ok(rds);
        assert.match(String(rds.inputs.engineVersion), /^16(\.|$)/);
        assert.ok(
            recorder.dependsOnUrns(rds.type, rds.name).some((u) => u.endsWith("::test:index:Source::tag")),
            "RDS depends on the resource its version came from",
        );
        const group = recorder.registrations.find((r) => r.type === "aws:elasticache/replicationGroup:ReplicationGroup");
        assert.ok(group);
        assert.equal(group.inputs.engine, "valkey");
    });

    it("keeps the outputs' secrecy: a database password and url stay secret", async function () {
        const tag = new Source("tag2", { value: "postgres:17" });
        const db = new DefangPostgres("db2", { image: tag.value }, recorder.opts());
        assert.equal(await pulumi.isSecret(db.url), true);
        assert.equal(await pulumi.isSecret(db.password), true);
        assert.equal(await pulumi.isSecret(db.host), false);
    });

    it("a secret image is refused by name, and the component creates nothing", async function () {
        const web = new DefangService("sneaky", { image: pulumi.secret("nginx:1.27"), ports: [{ target: 80 }] }, recorder.opts());
        const error = await outputValue(web.endpoints).then(
            () => undefined,
            (e: Error) => e,
        );
        assert.ok(error && pulumi.RunError.isInstance(error), `a run error: ${String(error)}`);
        assert.equal(
            error.message,
            'DefangService "sneaky": argument `image` is a secret, but the cloud stores it in plain text; pass sensitive values as environment entries (a value, or none to read stack config), which go to the cloud\'s secret store',
        );
        await recorder.settle().catch(() => undefined);
        assert.deepEqual(
            children(recorder, "sneaky").map((r) => r.type),
            [],
        );
    });

    it("a refusal found once the value is known is the component's own message (a version the cloud does not run)", async function () {
        const tag = new Source("old", { value: "postgres:9" });
        const db = new DefangPostgres("olddb", { image: tag.value }, recorder.opts());
        const error = await outputValue(db.host).then(
            () => undefined,
            (e: Error) => e,
        );
        assert.ok(error && pulumi.RunError.isInstance(error), `a run error: ${String(error)}`);
        assert.match(error.message, /^1 feature is not supported on AWS; nothing was created:\n {2}service "olddb", image: Postgres 9 is past the end of standard support on Amazon RDS/);
        assert.deepEqual(
            children(recorder, "olddb")
                .filter((r) => r.custom)
                .map((r) => r.type),
            [],
        );
    });

    it("a value not known yet (a preview): no children, unknown outputs, and a note naming the field", async function () {
        const web = new DefangService("later", { image: unknownOutput(), ports: [{ target: 80 }] }, recorder.opts());
        const known = await outputIsKnown(web.endpoints);
        assert.equal(known, false);
        await recorder.settle();
        assert.deepEqual(
            children(recorder, "later").map((r) => r.type),
            [],
        );
        assert.deepEqual(infos, ['DefangService "later": `image` is not known until the resource it comes from exists; this preview shows none of the component\'s resources, the update creates them']);
    });
});
