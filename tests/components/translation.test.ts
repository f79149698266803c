/**
 * The translation table's verdicts reach a deployment: a refused attribute stops `DefangProject`
 * before anything is registered, and each approximation is logged once, with its position.
 */
import { strict as assert } from "assert";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { DefangProject } from "../../provider/src/components/defang-project";
import { UnsupportedFeaturesError } from "../../provider/src/model/errors";
import { CLOUD_NAMES } from "../../provider/src/model/types";
import { REPO_ROOT } from "../support/corpus";
import { MockRecorder, setConfig, useMocks } from "../support/pulumi-mocks";

export const REFUSED = path.join(REPO_ROOT, "tests/fixtures/translation/compose.yaml");
export const APPROXIMATED = path.join(REPO_ROOT, "tests/fixtures/translation-ok/compose.yaml");

const CONFIG = { aws: {}, gcp: { "gcp:project": "translation-project" }, digitalocean: {} } as const;

/** The messages `pulumi.log.warn` got while `run` ran. */
function warningsOf(run: () => void): string[] {
    const log = pulumi.log as { warn: (msg: string) => Promise<void> };
    const original = log.warn;
    const got: string[] = [];
    log.warn = (msg: string) => {
        got.push(msg);
        return Promise.resolve();
    };
    try {
        run();
    } finally {
        log.warn = original;
    }
    return got;
}

describe("the translation table in DefangProject", function () {
    let recorder: MockRecorder;

    before(async function () {
        recorder = await useMocks();
    });
    beforeEach(() => recorder.reset());

    for (const cloud of CLOUD_NAMES) {
        it(`${cloud}: cap_add is refused with its position and fix, and nothing is registered`, async function () {
            setConfig({ "defang:provider": cloud, ...CONFIG[cloud] });
            let error: unknown;
            try {
                new DefangProject("translation", { composeFile: REFUSED });
            } catch (e) {
                error = e;
            }
            assert.ok(error instanceof UnsupportedFeaturesError, String(error));
            const capAdd = error.features.find((f) => f.field === "cap_add");
            assert.ok(capAdd, error.message);
            assert.equal(capAdd.message, "Linux capabilities cannot be added to a container on a managed runtime");
            assert.deepEqual([capAdd.location?.line, capAdd.location?.column], [7, 14]);
            assert.match(error.message, /compose\.yaml:7:14: service "web", cap_add: Linux capabilities cannot be added[^\n]*\n {4}fix: remove `cap_add`/);
            await recorder.settle();
            assert.equal(recorder.registrations.length, 0, "nothing registered");
        });
    }

    it("logs each approximation of the cloud once, with file:line:column, and deploys", async function () {
        setConfig({ "defang:provider": "gcp", ...CONFIG.gcp });
        const warnings = warningsOf(() => new DefangProject("approximated", { composeFile: APPROXIMATED }));
        const table = warnings.filter((w) => / is not applied/.test(w));
        assert.deepEqual(
            table.map((w) => w.replace(/^.*compose\.yaml:/, "")),
            [
                '5:10: warning: service "web": tty: `tty` is not applied: nobody attaches a terminal to a cloud container; output goes to the cloud\'s logs',
                '6:18: warning: service "web": stop_signal: `stop_signal` is not applied: the cloud stops containers with SIGTERM',
                '7:11: warning: service "web": user: `user` is not applied on Cloud Run: the container runs as the image\'s USER',
            ],
        );
        await recorder.settle();
        assert.ok(
            recorder.registrations.some((r) => r.type === "gcp:cloudrunv2/service:Service"),
            "the service is deployed",
        );
    });

    it("AWS maps `user` to the container definition: no warning for it there", async function () {
        setConfig({ "defang:provider": "aws" });
        const warnings = warningsOf(() => new DefangProject("approximated", { composeFile: APPROXIMATED }));
        assert.ok(!warnings.some((w) => /: user: /.test(w)), warnings.join("\n"));
        assert.equal(warnings.filter((w) => /: tty: /.test(w)).length, 1);
        await recorder.settle();
        const task = recorder.registrations.find((r) => r.type === "aws:ecs/taskDefinition:TaskDefinition");
        assert.ok(task);
        assert.match(String(task.inputs.containerDefinitions), /"user":"101"/);
    });
});
