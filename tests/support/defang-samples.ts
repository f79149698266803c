/**
 * `DefangProject` over the main compose.yaml of every Defang sample of the shared corpus, on one
 * cloud: each sample is checked out to a temporary directory (the corpus has the compose files
 * only, so every local build context gets a one-line Dockerfile, as a checkout would have one), its
 * sensitive config is set, and it either builds a stack, which the cloud's suite then checks, or
 * fails with the named unsupported-features error before creating anything. Prints each outcome.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadProject } from "../../provider/src/compose/load";
import { DefangProject } from "../../provider/src/components/defang-project";
import { UnsupportedFeaturesError } from "../../provider/src/model/errors";
import { projectFromCompose } from "../../provider/src/model/from-compose";
import { CloudName, ProjectModel } from "../../provider/src/model/types";
import { corpusAvailable, corpusPath } from "./corpus";
import { checkoutSample } from "./sample-checkout";
import { MockRecorder, Registration, setConfig, useMocks } from "./pulumi-mocks";

/** What a cloud's suite gets to check of a sample that built. */
export interface SampleStack {
    sample: string;
    model: ProjectModel;
    /** The sensitive config values set for the sample (each `value-of-<KEY>`). */
    secretValues: string[];
    registrations: Registration[];
    recorder: MockRecorder;
}

export interface SampleSuite {
    cloud: CloudName;
    /** The cloud's display name in titles and the printed summary. */
    title: string;
    /** Stack config besides `defang:provider` and the sample's own sensitive config. */
    config?: Record<string, string>;
    /** Sensitive config the cloud's backend reads besides the sample's own keys. */
    extraSecretKeys?: string[];
    /** Asserts what the stack must contain; returns the sample's line of the printed summary. */
    check(stack: SampleStack): string | Promise<string>;
}

/** One test per Defang sample on `suite.cloud`; skipped, saying so, without ../shared/corpus. */
export function describeDefangSamples(suite: SampleSuite): void {
    describe(`DefangProject on ${suite.title} over every Defang sample`, function () {
        if (!corpusAvailable()) {
            it("needs ../shared/corpus (skipped: not on this machine)", function () {
                this.skip();
            });
            return;
        }
        const samples = fs
            .readdirSync(corpusPath("defang-samples"))
            .filter((s) => fs.existsSync(corpusPath("defang-samples", s, "compose.yaml")))
            .sort();
        let recorder: MockRecorder;
        let tmp: string;
        const results: string[] = [];

        before(async function () {
            recorder = await useMocks();
            tmp = fs.mkdtempSync(path.join(os.tmpdir(), `defang-samples-${suite.cloud}-`));
        });
        after(function () {
            fs.rmSync(tmp, { recursive: true, force: true });
            const built = results.filter((r) => !r.includes("unsupported")).length;
            console.log(`      ${built} of ${results.length} samples build a stack on ${suite.title}; ${results.length - built} are refused as unsupported`);
            for (const r of results) console.log(`        ${r}`);
        });

        for (const sample of samples) {
            it(sample, async function () {
                const dir = checkoutSample(sample, tmp);
                const model = projectFromCompose(loadProject({ files: [path.join(dir, "compose.yaml")] }).project);
                const keys = [...model.configKeys, ...(suite.extraSecretKeys ?? [])];
                const values = Object.fromEntries(keys.map((k) => [k, `value-of-${k}`]));
                setConfig({ "defang:provider": suite.cloud, ...suite.config, ...values }, keys);
                recorder.reset();
                try {
                    new DefangProject(sample, { composeFile: path.join(dir, "compose.yaml") });
                } catch (e) {
                    assert.ok(e instanceof UnsupportedFeaturesError, `${sample}: ${(e as Error).stack}`);
                    await recorder.settle();
                    assert.equal(recorder.registrations.length, 0, "nothing is created when the project is refused");
                    results.push(`${sample}: unsupported (${e.features.map((f) => `${f.service}.${f.field}`).join(", ")})`);
                    return;
                }
                const registrations = await recorder.settle();
                results.push(`${sample}: ${await suite.check({ sample, model, secretValues: Object.values(values), registrations, recorder })}`);
            });
        }
    });
}
