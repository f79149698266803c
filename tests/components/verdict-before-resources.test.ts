/**
 * What the verdict refuses is refused before any resource is registered: a build context that does
 * not exist (instead of a throw from a cloud's build code once the shared infrastructure exists),
 * DigitalOcean's model access key with every other missing config key, and port 0.
 */
import { strict as assert } from "assert";
import * as path from "path";
import { DefangProject } from "../../provider/src/components/defang-project";
import { DefangService } from "../../provider/src/components/defang-service";
import { BuildInputsError, InvalidArgumentError, MissingConfigError } from "../../provider/src/model/errors";
import { REPO_ROOT } from "../support/corpus";
import { MockRecorder, setConfig, useMocks } from "../support/pulumi-mocks";

const FIXTURES = path.join(REPO_ROOT, "tests/fixtures/verdict");
const MISSING_BUILD = path.join(FIXTURES, "missing-build/compose.yaml");
const DO_LLM = path.join(FIXTURES, "do-llm/compose.yaml");

function thrown<E extends Error>(kind: new (...args: never[]) => E, build: () => unknown): E {
    try {
        build();
    } catch (e) {
        if (e instanceof kind) return e;
        throw e;
    }
    assert.fail(`no ${kind.name} was thrown`);
}

describe("refused before any resource", function () {
    let recorder: MockRecorder;

    before(async function () {
        recorder = await useMocks();
    });
    beforeEach(() => recorder.reset());

    const clouds = { aws: { "aws:region": "us-east-1" }, gcp: { "gcp:project": "verdict-project" }, digitalocean: {} };
    for (const [cloud, config] of Object.entries(clouds)) {
        it(`${cloud}: DefangProject with a missing build context throws BuildInputsError naming service, field and line, and registers nothing`, async function () {
            setConfig({ "defang:provider": cloud, ...config });
            const e = thrown(BuildInputsError, () => new DefangProject("shop", { composeFile: MISSING_BUILD }));
            assert.deepEqual(
                e.problems.map((p) => [p.service, p.field, p.location?.line]),
                [["worker", "build.context", 11]],
            );
            assert.equal(
                e.message,
                `1 build cannot start; nothing was created:\n` +
                    `  ${MISSING_BUILD}:11:16: service "worker", build.context: the build context ${path.join(FIXTURES, "missing-build/worker")} does not exist\n` +
                    `    fix: create the directory, or point build.context at the one that holds the sources (a relative path is read from the project directory)`,
            );
            await recorder.settle();
            assert.equal(recorder.registrations.length, 0, recorder.registrations.map((r) => r.type).join(", "));
        });
    }

    it("a lone DefangService with a missing build context registers nothing either", async function () {
        setConfig({ "defang:provider": "aws", "aws:region": "us-east-1" });
        const e = thrown(BuildInputsError, () => new DefangService("api", { build: { context: path.join(FIXTURES, "nowhere") } }));
        assert.deepEqual(
            e.problems.map((p) => [p.service, p.field]),
            [["api", "build.context"]],
        );
        await recorder.settle();
        assert.equal(recorder.registrations.length, 0);
    });

    it("DigitalOcean: the model access key is missing config like any other, all at once, named once, before any resource", async function () {
        setConfig({ "defang:provider": "digitalocean" });
        const e = thrown(MissingConfigError, () => new DefangProject("llm", { composeFile: DO_LLM }));
        assert.deepEqual(e.keys, [
            { key: "API_KEY", usedBy: ["app"] },
            { key: "DIGITALOCEAN_MODEL_ACCESS_KEY", usedBy: ["gateway"] },
        ]);
        assert.equal(
            e.message,
            "sensitive config values are not set; nothing was created. Set each with:\n" +
                '  pulumi config set --secret API_KEY <value>   # used by "app"\n' +
                '  pulumi config set --secret DIGITALOCEAN_MODEL_ACCESS_KEY <value>   # used by "gateway"',
        );
        assert.equal(e.message.split("DIGITALOCEAN_MODEL_ACCESS_KEY").length - 1, 1, "the key is named once");
        await recorder.settle();
        assert.equal(recorder.registrations.length, 0, recorder.registrations.map((r) => r.type).join(", "));
    });

    it("DigitalOcean: with the keys set, the project deploys", async function () {
        setConfig({ "defang:provider": "digitalocean", API_KEY: "k", DIGITALOCEAN_MODEL_ACCESS_KEY: "m" }, ["API_KEY", "DIGITALOCEAN_MODEL_ACCESS_KEY"]);
        new DefangProject("llm", { composeFile: DO_LLM });
        await recorder.settle();
        assert.equal(recorder.ofType("digitalocean:index/app:App").length, 1);
    });

    it("a component's port 0 is refused as an invalid argument, before any resource", async function () {
        setConfig({ "defang:provider": "aws", "aws:region": "us-east-1" });
        const e = thrown(InvalidArgumentError, () => new DefangService("web", { image: "nginx", ports: [{ target: 8080 }, { target: 0 }] }));
        assert.equal(e.argument, "ports[1].target");
        assert.match(e.message, /^DefangService "web": argument `ports\[1\]\.target` is 0, which is not a port a container can listen on; give the port the service listens on \(1-65535\)$/);
        await recorder.settle();
        assert.equal(recorder.registrations.length, 0);
    });
});
