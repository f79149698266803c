/**
 * `DefangProject` on DigitalOcean over the main compose.yaml of every Defang sample in the shared
 * corpus: each builds one App whose spec holds every service (sensitive values as SECRET env vars,
 * every managed cluster behind a firewall that trusts only that App), or fails with the named
 * unsupported-features error before creating anything. Prints the outcome of each sample.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { componentName } from "../../provider/src/clouds/digitalocean/names";
import { MODEL_ACCESS_KEY_CONFIG } from "../../provider/src/clouds/digitalocean/model-access";
import { loadProject } from "../../provider/src/compose/load";
import { DefangProject } from "../../provider/src/components/defang-project";
import { UnsupportedFeaturesError } from "../../provider/src/model/errors";
import { projectFromCompose } from "../../provider/src/model/from-compose";
import { corpusAvailable, corpusPath } from "../support/corpus";
import { MockRecorder, setConfig, useMocks } from "../support/pulumi-mocks";
import { checkout } from "../digitalocean/sample-checkout";
import { specIsSecret, specOf } from "../digitalocean/project.test";

describe("DefangProject on DigitalOcean over every Defang sample", function () {
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
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "defang-samples-do-"));
    });
    after(function () {
        fs.rmSync(tmp, { recursive: true, force: true });
        const built = results.filter((r) => !r.includes("unsupported")).length;
        console.log(`      ${built} of ${results.length} samples build an App on DigitalOcean; ${results.length - built} are refused as unsupported`);
        for (const r of results) console.log(`        ${r}`);
    });

    for (const sample of samples) {
        it(sample, async function () {
            const dir = checkout(sample, tmp);
            const loaded = loadProject({ files: [path.join(dir, "compose.yaml")] });
            const model = projectFromCompose(loaded.project);
            const keys = [...model.configKeys, MODEL_ACCESS_KEY_CONFIG];
            const values = Object.fromEntries(keys.map((k) => [k, `value-of-${k}`]));
            setConfig({ "defang:provider": "digitalocean", ...values }, keys);
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
            const services = model.components.filter((c) => c.kind === "service");
            const clusters = recorder.ofType("digitalocean:index/databaseCluster:DatabaseCluster");
            assert.equal(clusters.length, model.components.length - services.length, "one cluster per managed database or cache");
            if (services.length === 0) return void results.push(`${sample}: ${registrations.length} resources, no App`);

            const apps = recorder.ofType("digitalocean:index/app:App");
            assert.equal(apps.length, 1, "one App per project");
            const spec = specOf(apps[0]);
            const components = [...spec.services, ...spec.workers, ...spec.jobs];
            assert.deepEqual(components.map((c) => c.name).sort(), services.map((s) => componentName(s.name)).sort(), "every service is a component of the App");
            // Sensitive values: SECRET env vars only, and the spec that holds them is a secret.
            const secretValues = Object.values(values);
            for (const c of components) {
                for (const e of c.envs ?? []) {
                    const text = String(e.value);
                    if (secretValues.some((v) => text.includes(v)) || text.includes("AVNS_")) assert.equal(e.type, "SECRET", `${c.name}.${e.key}`);
                }
            }
            if (components.some((c) => (c.envs ?? []).some((e) => e.type === "SECRET"))) assert.ok(specIsSecret(apps[0]), "a spec with secret values is a secret");
            // Every cluster trusts this App, and only it.
            const firewalls = recorder.ofType("digitalocean:index/databaseFirewall:DatabaseFirewall");
            assert.deepEqual(firewalls.map((f) => f.inputs.clusterId).sort(), clusters.map((c) => `${c.name}-id`).sort());
            for (const f of firewalls) assert.deepEqual(f.inputs.rules, [{ type: "app", value: `${apps[0].name}-id` }]);
            results.push(`${sample}: ${registrations.length} resources, App with ${spec.services.length} services, ${spec.workers.length} workers, ${spec.jobs.length} jobs, ${clusters.length} clusters`);
        });
    }
});
