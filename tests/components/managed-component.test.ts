/**
 * The one constructor of the managed components (`ManagedComponent`): a refusal before the component
 * is registered leaves nothing; plain arguments deploy at once, computed ones once their values are
 * known (the recipe's request depending on where they came from); a refusal found then fails the
 * registered outputs with the component's own message, while a defect keeps its own error; and every
 * public component registers exactly the outputs its schema declares.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { ComponentRequest } from "../../provider/src/clouds/backend";
import { DefangServiceArgs } from "../../provider/src/components/args";
import { DefangLLM } from "../../provider/src/components/defang-llm";
import { DefangMongo } from "../../provider/src/components/defang-mongo";
import { DefangPostgres } from "../../provider/src/components/defang-postgres";
import { DefangRedis } from "../../provider/src/components/defang-redis";
import { DefangService } from "../../provider/src/components/defang-service";
import { ManagedComponent, ManagedRecipe } from "../../provider/src/components/managed-component";
import { serviceFromArgs } from "../../provider/src/components/model-from-args";
import { InvalidArgumentError } from "../../provider/src/model/errors";
import { ServiceModel } from "../../provider/src/model/types";
import { outputIsKnown, outputValue, unknownOutput } from "../../provider/src/util/output-state";
import { REPO_ROOT } from "../support/corpus";
import { MockRecorder, setConfig, useMocks, valueOf } from "../support/pulumi-mocks";

interface ProbeOutputs {
    value: pulumi.Output<string>;
}

/** A managed component whose recipe records its deploy requests instead of calling a backend. */
class Probe extends ManagedComponent<DefangServiceArgs, ServiceModel, ProbeOutputs> implements ProbeOutputs {
    declare readonly value: pulumi.Output<string>;
    constructor(name: string, args: DefangServiceArgs, recipe: ManagedRecipe<DefangServiceArgs, ServiceModel, ProbeOutputs>, opts?: pulumi.ComponentResourceOptions) {
        super("defang:index:Probe", name, args, opts, recipe);
    }
}

/** A resource of another provider whose outputs are its inputs (the mocks echo them). */
class Source extends pulumi.CustomResource {
    declare readonly value: pulumi.Output<string>;
    constructor(name: string, value: string) {
        super("test:index:Source", name, { value });
    }
}

type ProtectedRegister = { registerOutputs(outputs: Record<string, unknown>): void };

function failure(o: pulumi.Output<unknown>): Promise<Error | undefined> {
    return outputValue(o).then(
        () => undefined,
        (e: Error) => e,
    );
}

describe("ManagedComponent: the one constructor of the managed components", function () {
    let recorder: MockRecorder;
    let requests: Array<ComponentRequest<ServiceModel>>;
    let registered: Array<{ component: pulumi.ComponentResource; outputs: Record<string, unknown> }>;
    let infos: string[];
    const prototype = pulumi.ComponentResource.prototype as unknown as ProtectedRegister;
    const registerOutputs = prototype.registerOutputs;
    const info = pulumi.log.info;

    const recording: ManagedRecipe<DefangServiceArgs, ServiceModel, ProbeOutputs> = {
        model: (name, args) => serviceFromArgs(name, args, "DefangService"),
        deploy: (_infra, request) => {
            requests.push(request);
            return { value: pulumi.output(`deployed ${request.model.image ?? ""}`) };
        },
        outputs: { value: true },
    };

    before(async function () {
        recorder = await useMocks();
    });
    beforeEach(function () {
        recorder.reset();
        setConfig({ "defang:provider": "aws", "aws:region": "us-east-1" });
        requests = [];
        registered = [];
        infos = [];
        prototype.registerOutputs = function (this: pulumi.ComponentResource, outputs: Record<string, unknown>) {
            registered.push({ component: this, outputs });
            return registerOutputs.call(this, outputs);
        };
        pulumi.log.info = async (message: string) => void infos.push(message);
    });
    afterEach(function () {
        prototype.registerOutputs = registerOutputs;
        pulumi.log.info = info;
    });

    const outputsOf = (component: pulumi.ComponentResource) => registered.filter((r) => r.component === component).map((r) => r.outputs);

    it("plain arguments deploy at once: the recipe gets the component's name, model and the component as parent; its outputs are set and registered", async function () {
        const probe = new Probe("probe", { image: "nginx:1.27" }, recording, recorder.opts());
        assert.equal(requests.length, 1, "deployed in the constructor");
        const [request] = requests;
        assert.ok(request);
        assert.equal(request.name, "probe");
        assert.equal(request.parent, probe);
        assert.equal(request.model.image, "nginx:1.27");
        assert.deepEqual(request.dependsOn, []);
        assert.deepEqual(outputsOf(probe), [{ value: probe.value }]);
        assert.equal(await valueOf(probe.value), "deployed nginx:1.27");
    });

    it("a refusal before registration throws the typed error, titled from the type token, and registers nothing, not even the component", async function () {
        let error: unknown;
        try {
            new Probe("twice", { image: "nginx", cloud: "aws", provider: "gcp" }, recording, recorder.opts());
        } catch (e) {
            error = e;
        }
        assert.ok(error instanceof InvalidArgumentError, String(error));
        assert.equal(error.message, 'Probe "twice": argument `provider` ("gcp") names another cloud than `cloud` ("aws"); remove `provider`: it is the deprecated name of `cloud`');
        await recorder.settle();
        assert.deepEqual(
            recorder.registrations.map((r) => r.type),
            [],
        );
        assert.deepEqual(requests, []);
    });

    it("computed arguments deploy once their values are known, the request depending on the resources they came from", async function () {
        const source = new Source("tag", "nginx:1.27");
        const probe = new Probe("later", { image: source.value }, recording, recorder.opts());
        assert.equal(requests.length, 0, "nothing deployed before the value is known");
        assert.deepEqual(Object.keys(outputsOf(probe)[0] ?? {}), ["value"], "the outputs are registered at once");
        assert.equal(await valueOf(probe.value), "deployed nginx:1.27");
        assert.equal(requests.length, 1);
        const [request] = requests;
        assert.ok(request);
        assert.equal(request.parent, probe);
        assert.equal(request.model.image, "nginx:1.27");
        assert.deepEqual(request.dependsOn, [source]);
    });

    it("a refusal once the values are known fails the registered outputs with the component's own message as a run error; nothing is deployed", async function () {
        const probe = new Probe("badport", { image: pulumi.output("nginx"), ports: [{ target: 0 }] }, recording, recorder.opts());
        assert.deepEqual(Object.keys(outputsOf(probe)[0] ?? {}), ["value"]);
        const error = await failure(probe.value);
        assert.ok(error && pulumi.RunError.isInstance(error), `a run error: ${String(error)}`);
        assert.equal(error.message, 'DefangService "badport": argument `ports[0].target` is 0, which is not a port a container can listen on; give the port the service listens on (1-65535)');
        await recorder.settle();
        assert.deepEqual(
            recorder.registrations.map((r) => r.type),
            ["defang:index:Probe"],
        );
        assert.deepEqual(requests, []);
    });

    it("an error that is not a refusal (a defect) keeps its own type, so that its stack is shown", async function () {
        const defect = new TypeError("the recipe is broken");
        const broken: ManagedRecipe<DefangServiceArgs, ServiceModel, ProbeOutputs> = {
            ...recording,
            deploy: () => {
                throw defect;
            },
        };
        const probe = new Probe("broken", { image: pulumi.output("nginx") }, broken, recorder.opts());
        assert.equal(await failure(probe.value), defect);
    });

    it("a value not known yet (a preview): no deployment, unknown outputs, and a note titled from the type token", async function () {
        const probe = new Probe("preview", { image: unknownOutput() }, recording, recorder.opts());
        assert.equal(await outputIsKnown(probe.value), false);
        await recorder.settle();
        assert.deepEqual(requests, []);
        assert.deepEqual(infos, ['Probe "preview": `image` is not known until the resource it comes from exists; this preview shows none of the component\'s resources, the update creates them']);
    });

    describe("the public components", function () {
        const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "schema.json"), "utf8")) as { resources: Record<string, { properties: Record<string, unknown> }> };
        const components: Array<[string, () => pulumi.ComponentResource]> = [
            ["defang:index:DefangService", () => new DefangService("web", { image: "nginx", ports: [{ target: 80 }] }, recorder.opts())],
            ["defang:index:DefangLLM", () => new DefangLLM("llm", { image: "defangio/openai-access-gateway", ports: [{ mode: "host", target: 80 }], models: ["anthropic.claude-3-haiku-20240307-v1:0"] }, recorder.opts())],
            ["defang:index:DefangPostgres", () => new DefangPostgres("db", { image: "postgres:17" }, recorder.opts())],
            ["defang:index:DefangRedis", () => new DefangRedis("cache", { image: "redis:7" }, recorder.opts())],
            ["defang:index:DefangMongo", () => new DefangMongo("docs", { image: "mongo:5.0" }, recorder.opts())],
        ];
        for (const [token, create] of components) {
            it(`${token.split(":")[2]} registers once exactly the outputs its schema declares, and exposes the same outputs`, async function () {
                const component = create();
                const outputs = outputsOf(component);
                assert.equal(outputs.length, 1);
                const [given] = outputs;
                assert.ok(given);
                assert.deepEqual(Object.keys(given).sort(), Object.keys(schema.resources[token]?.properties ?? {}).sort());
                for (const [key, output] of Object.entries(given)) assert.equal((component as unknown as Record<string, unknown>)[key], output, key);
                await recorder.settle();
            });
        }
    });
});
