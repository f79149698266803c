/**
 * The provider and class of a resource that runs a cloud operation: `create` runs it and adds its
 * result to the inputs; a change of an input the run depends on replaces the resource, one of an
 * `updateOn` input updates it keeping the result, any other is no change; `delete` runs nothing.
 * Under mocks, the class registers the inputs with the result keys unknown, and its type token.
 */
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { runResourceClass } from "../../provider/src/clouds/common/run-resource";
import { runResourceProvider } from "../../provider/src/clouds/common/run-resource-provider";
import { MockRecorder, useMocks, valueOf } from "../support/pulumi-mocks";

interface Inputs {
    hash: string;
    image: string;
    request: string;
    profile?: string;
}

function provider() {
    const runs: Inputs[] = [];
    const p = runResourceProvider<Inputs, { runId: string }>({
        async run(inputs) {
            runs.push(inputs);
            return { id: `run-${runs.length}`, result: { runId: `r${runs.length}` } };
        },
        rerunOn: ["hash", "image"],
        updateOn: ["request"],
        kept: (olds) => ({ runId: olds.runId }),
    });
    return { p, runs };
}

const INPUTS: Inputs = { hash: "h1", image: "img:1", request: "{}" };

describe("the provider of a run resource", function () {
    it("runs the operation on create, its id and result in the outputs", async function () {
        const { p, runs } = provider();
        assert.deepEqual(await p.create(INPUTS), { id: "run-1", outs: { ...INPUTS, runId: "r1" } });
        assert.deepEqual(runs, [INPUTS]);
    });

    it("replaces the resource when an input the run depends on changes", async function () {
        const { p } = provider();
        const olds = { ...INPUTS, runId: "r1" };
        assert.deepEqual(await p.diff!("run-1", olds, { ...INPUTS, hash: "h2", image: "img:2" }), { changes: true, replaces: ["hash", "image"], deleteBeforeReplace: false });
    });

    it("updates in place for an updateOn input, and sees no change for any other", async function () {
        const { p } = provider();
        const olds = { ...INPUTS, runId: "r1" };
        assert.deepEqual(await p.diff!("run-1", olds, { ...INPUTS, request: '{"a":1}' }), { changes: true, replaces: [], deleteBeforeReplace: false });
        assert.deepEqual(await p.diff!("run-1", olds, { ...INPUTS, profile: "dev" }), { changes: false, replaces: [], deleteBeforeReplace: false });
    });

    it("keeps the run's result on update, with the new inputs and without the removed ones, and runs nothing", async function () {
        const { p, runs } = provider();
        const olds = { ...INPUTS, profile: "dev", runId: "r1" };
        assert.deepEqual(await p.update!("run-1", olds, { ...INPUTS, request: "{1}" }), { outs: { ...INPUTS, request: "{1}", runId: "r1" } });
        await p.delete!("run-1", olds);
        assert.deepEqual(runs, []);
    });
});

describe("the class of a run resource, under mocks", function () {
    let recorder: MockRecorder;
    before(async function () {
        recorder = await useMocks();
    });

    it("registers the inputs with the result unknown, as a dynamic resource, or under its own type token", async function () {
        recorder.reset();
        const Run = runResourceClass<Inputs, { runId: string }>(provider().p, ["runId"]);
        const Typed = runResourceClass<Inputs, { runId: string }>(provider().p, ["runId"], { module: "defang", name: "TestRun" });
        const run = new Run("web-image", INPUTS);
        new Typed("job-run", INPUTS);
        assert.equal(await valueOf(run.image), "img:1");
        await recorder.settle();
        const plain = recorder.one("pulumi-nodejs:dynamic:Resource", "web-image").inputs;
        assert.deepEqual([plain.hash, plain.image, plain.request], ["h1", "img:1", "{}"]);
        assert.equal(plain.runId, undefined, "the result is not known before the run");
        assert.ok(pulumi.Output.isInstance(run.runId), "the result is an output of the resource");
        assert.equal(typeof plain.__provider, "string", "the serialized provider");
        recorder.one("pulumi-nodejs:dynamic/defang:TestRun", "job-run");
    });
});
