/**
 * `DefangProject` on DigitalOcean over the main compose.yaml of every Defang sample in the shared
 * corpus: each builds one App whose spec holds every service (sensitive values as SECRET env vars,
 * every managed cluster in the project's VPC, behind a firewall that trusts only that App), or fails with the named
 * unsupported-features error before creating anything. Prints the outcome of each sample.
 */
import { strict as assert } from "assert";
import { componentName } from "../../provider/src/clouds/digitalocean/names";
import { MODEL_ACCESS_KEY_CONFIG } from "../../provider/src/clouds/digitalocean/models/model-access";
import { describeDefangSamples } from "../support/defang-samples";
import { isSecretValue } from "../support/pulumi-mocks";
import { specIsSecret, specOf } from "../support/do-app-spec";

describeDefangSamples({
    cloud: "digitalocean",
    title: "DigitalOcean",
    // Local contexts are built in the account (the default builder): no Docker needed to plan them.
    config: {},
    extraSecretKeys: [MODEL_ACCESS_KEY_CONFIG],
    check({ model, registrations, recorder, secretValues }) {
        const services = model.components.filter((c) => c.kind === "service");
        const clusters = recorder.ofType("digitalocean:index/databaseCluster:DatabaseCluster");
        assert.equal(clusters.length, model.components.length - services.length, "one cluster per managed database or cache");
        if (services.length === 0) return `${registrations.length} resources, no App`;

        const apps = recorder.ofType("digitalocean:index/app:App");
        assert.equal(apps.length, 1, "one App per project");
        const spec = specOf(apps[0]);
        const components = [...spec.services, ...spec.workers, ...spec.jobs];
        // Model endpoints are served by serverless inference itself: no component runs them.
        const containers = services.filter((s) => !(s.kind === "service" && s.modelEndpoint));
        assert.deepEqual(components.map((c) => c.name).sort(), containers.map((s) => componentName(s.name)).sort(), "every service but model endpoints is a component of the App");
        // Sensitive values: SECRET env vars only, and the spec that holds them is a secret.
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
        // Every cluster and the App are in the project's one VPC (none without clusters).
        const vpcs = recorder.ofType("digitalocean:index/vpc:Vpc");
        assert.equal(vpcs.length, clusters.length > 0 ? 1 : 0, "one VPC when the project has clusters");
        for (const c of clusters) assert.equal(c.inputs.privateNetworkUuid, `${vpcs[0].name}-id`, `${c.name} is in the VPC`);
        assert.deepEqual(spec.vpcs, vpcs.length > 0 ? [{ id: `${vpcs[0].name}-id` }] : undefined, "the App is in the VPC when there are clusters");
        // Every local context is built by a build job in the account, its arguments a secret of the stack.
        const localBuilds = services.filter((s) => s.kind === "service" && s.build && !s.features.some((f) => f.feature === "remote-build-context"));
        const runs = recorder.ofType("pulumi-nodejs:dynamic:Resource");
        assert.equal(runs.length, localBuilds.length, "one build run per service built from a local context");
        for (const r of runs) assert.ok(typeof r.inputs.appRegion === "string" && isSecretValue(r.inputs.args), `${r.name} is a remote build with secret arguments`);
        if (localBuilds.length > 0) assert.equal(recorder.ofType("digitalocean:index/spacesBucket:SpacesBucket").length, 1, "one build bucket per project");
        return `${registrations.length} resources, App with ${spec.services.length} services, ${spec.workers.length} workers, ${spec.jobs.length} jobs, ${clusters.length} clusters`;
    },
});
