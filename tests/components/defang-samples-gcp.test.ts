/**
 * `DefangProject` on Google Cloud over the main compose.yaml of every Defang sample in the shared
 * corpus: each builds a stack, or fails with the named unsupported-features error before creating
 * anything. Samples are checked out to a temporary directory with a one-line Dockerfile in every
 * build context (as a checkout would have). Prints resource counts.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadProject } from "../../provider/src/compose/load";
import { DefangProject } from "../../provider/src/components/defang-project";
import { UnsupportedFeaturesError } from "../../provider/src/model/errors";
import { projectFromCompose } from "../../provider/src/model/from-compose";
import { corpusAvailable, corpusPath } from "../support/corpus";
import { isSecretValue, MockRecorder, setConfig, useMocks } from "../support/pulumi-mocks";

/** A copy of the sample with its build contexts and env files present. */
function checkout(sample: string, into: string): string {
    const dir = path.join(into, sample);
    fs.mkdirSync(dir, { recursive: true });
    for (const f of fs.readdirSync(corpusPath("defang-samples", sample))) {
        if (/\.ya?ml$|^\.env/.test(f)) fs.copyFileSync(corpusPath("defang-samples", sample, f), path.join(dir, f));
    }
    const loaded = loadProject({ files: [path.join(dir, "compose.yaml")], validate: false });
    for (const svc of Object.values(loaded.project.services)) {
        if (!svc.build || /^[a-z]+:\/\//i.test(svc.build.context)) continue;
        const context = path.resolve(dir, svc.build.context);
        const dockerfile = path.resolve(context, svc.build.dockerfile ?? "Dockerfile");
        fs.mkdirSync(path.dirname(dockerfile), { recursive: true });
        if (!fs.existsSync(dockerfile)) fs.writeFileSync(dockerfile, "FROM scratch\n");
    }
    return dir;
}

/** Every string under `v` outside a secret wrapper. */
function plainStrings(v: unknown, out: string[] = []): string[] {
    if (isSecretValue(v)) return out;
    if (typeof v === "string") out.push(v);
    else if (Array.isArray(v)) v.forEach((x) => plainStrings(x, out));
    else if (v && typeof v === "object") Object.values(v).forEach((x) => plainStrings(x, out));
    return out;
}

describe("DefangProject on Google Cloud over every Defang sample", function () {
    this.timeout(120000);
    if (!corpusAvailable()) {
        it("needs ../shared/corpus (skipped: not on this machine)", function () {
            this.skip();
        });
        return;
    }
    const samples = fs.readdirSync(corpusPath("defang-samples")).filter((s) => fs.existsSync(corpusPath("defang-samples", s, "compose.yaml"))).sort();
    let recorder: MockRecorder;
    let tmp: string;
    const results: string[] = [];

    before(async function () {
        recorder = await useMocks();
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "defang-samples-gcp-"));
    });
    after(function () {
        fs.rmSync(tmp, { recursive: true, force: true });
        const built = results.filter((r) => !r.includes("unsupported")).length;
        console.log(`      ${built} of ${results.length} samples build a stack on Google Cloud; ${results.length - built} are refused as unsupported`);
        for (const r of results) console.log(`        ${r}`);
    });

    for (const sample of samples) {
        it(sample, async function () {
            const dir = checkout(sample, tmp);
            const loaded = loadProject({ files: [path.join(dir, "compose.yaml")] });
            const keys = projectFromCompose(loaded.project).configKeys;
            const values = Object.fromEntries(keys.map((k) => [k, `value-of-${k}`]));
            setConfig({ "defang:provider": "gcp", "gcp:project": "sample-project", "gcp:region": "us-central1", ...values }, keys);
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
            const runtimes = registrations.filter((r) => r.type === "gcp:cloudrunv2/service:Service" || r.type === "gcp:cloudrunv2/workerPool:WorkerPool");
            assert.ok(runtimes.length > 0 || registrations.some((r) => r.type === "gcp:sql/databaseInstance:DatabaseInstance"), "a stack with at least one service");
            for (const r of registrations) {
                assert.ok(r.type.startsWith("defang:") || r.type.startsWith("gcp:") || r.type.startsWith("random:") || r.type === "pulumi-nodejs:dynamic:Resource", `${r.type} is a Google Cloud resource`);
                const leaked = plainStrings(r.inputs).filter((s) => Object.values(values).some((v) => s.includes(v)));
                assert.deepEqual(leaked, [], `${r.type} ${r.name} has no secret in plain text`);
            }
            results.push(`${sample}: ${registrations.length} resources, ${runtimes.length} Cloud Run services/worker pools`);
        });
    }
});
