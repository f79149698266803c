/**
 * The DigitalOcean example program (examples/digitalocean-typescript/index.ts), run under mocks.
 */
import { strict as assert } from "assert";
import * as path from "path";
import { REPO_ROOT } from "../support/corpus";
import { MockRecorder, isSecretValue, useMocks, valueOf, DO_BUILDER_CONFIG, DO_BUILDER_SECRETS } from "../support/pulumi-mocks";
import { component, env, specOf } from "../support/do-app-spec";

describe("the DigitalOcean example program (examples/digitalocean-typescript)", function () {
    let recorder: MockRecorder;
    let exported: { endpoint: unknown };

    before(async function () {
        recorder = await useMocks({ "defang:provider": "digitalocean", "defang:region": "ams3", ...DO_BUILDER_CONFIG, "digitalocean:token": "dop_v1_example_token", API_KEY: "api-key-value" }, [
            "API_KEY",
            ...DO_BUILDER_SECRETS,
        ]);
        const cwd = process.cwd();
        process.chdir(path.join(REPO_ROOT, "examples/digitalocean-typescript"));
        try {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            exported = require(path.join(REPO_ROOT, "dist/examples/digitalocean-typescript/index.js"));
            await recorder.settle();
        } finally {
            process.chdir(cwd);
        }
    });

    it("creates the clusters, the image push and one App, each parented to its component", function () {
        assert.equal(recorder.one("digitalocean:index/databaseCluster:DatabaseCluster", "database-cluster").parentType, "defang:index:DefangPostgres");
        assert.equal(recorder.one("digitalocean:index/databaseCluster:DatabaseCluster", "cache-cluster").parentType, "defang:index:DefangRedis");
        assert.equal(recorder.one("digitalocean:index/app:App").parentType, "defang:index:DefangService");
        assert.equal(recorder.one("pulumi-nodejs:dynamic:Resource", "app-image").parentType, "defang:index:DefangService");
        for (const r of recorder.registrations) {
            if (r.type.startsWith("defang:index:")) continue;
            assert.ok(/^(database|cache|app|defang)-/.test(r.name), `${r.type} ${r.name} is named after a component`);
        }
    });

    it("builds ./app in the account (the default builder): context in a private, self-cleaning Spaces bucket, image tagged with the content hash", function () {
        const bucket = recorder.one("digitalocean:index/spacesBucket:SpacesBucket");
        assert.deepEqual([bucket.name, bucket.inputs.region, bucket.inputs.acl, bucket.inputs.forceDestroy], ["defang-builds", "ams3", "private", true]);
        assert.deepEqual(bucket.inputs.lifecycleRules, [{ enabled: true, expiration: { days: 1 }, abortIncompleteMultipartUploadDays: 1 }]);
        const run = recorder.one("pulumi-nodejs:dynamic:Resource", "app-image").inputs;
        assert.deepEqual([run.builder, run.appRegion, run.spacesRegion, run.bucket, run.dockerfile, run.context], ["dockerfile", "ams", "ams3", "defang-builds", "context/Dockerfile", "context"]);
        assert.ok(isSecretValue(run.token), "the API token is a secret of the stack");
        assert.ok(isSecretValue(run.args), "build arguments are a secret of the stack");
        assert.match(String(run.imageRef), /^registry\.digitalocean\.com\/[\w-]+\/project-app:[0-9a-f]{20}$/);
        assert.equal(String(run.imageRef).split(":").pop(), String(run.hash).slice(0, 20), "the tag is the content hash");
        assert.ok(Object.keys(run.entries as object).includes("context/Dockerfile"));
        assert.equal(recorder.ofType("pulumi-nodejs:dynamic:Resource").length, 1, "no local Docker build");
    });

    it("runs the service in the configured region, two instances, with the URLs as SECRET env vars", function () {
        const spec = specOf(recorder.one("digitalocean:index/app:App"));
        assert.equal(spec.region, "ams");
        assert.equal(recorder.one("digitalocean:index/databaseCluster:DatabaseCluster", "database-cluster").inputs.region, "ams3");
        const app = component(spec, "app");
        assert.equal(app.instanceCount, 2);
        assert.equal((app.image as { registryType: string }).registryType, "DOCR");
        for (const key of ["API_KEY", "DATABASE_URL", "REDIS_URL"]) assert.equal(env(app, key).type, "SECRET", key);
        assert.match(String(env(app, "DATABASE_URL").value), /^postgres:\/\/doadmin:AVNS_\w+@private-database-cluster-[\w.-]+:25060\/app\?sslmode=require$/);
        // The clusters and the App share the stack's VPC, in the configured datacenter.
        const vpc = recorder.one("digitalocean:index/vpc:Vpc");
        assert.equal(vpc.inputs.region, "ams3");
        assert.deepEqual(spec.vpcs, [{ id: `${vpc.name}-id` }]);
    });

    it("makes both clusters trust the App only", function () {
        for (const f of recorder.ofType("digitalocean:index/databaseFirewall:DatabaseFirewall")) assert.deepEqual(f.inputs.rules, [{ type: "app", value: "app-app-id" }]);
        assert.equal(recorder.ofType("digitalocean:index/databaseFirewall:DatabaseFirewall").length, 2);
    });

    it("exports the App's HTTPS address", async function () {
        assert.match(await valueOf(exported.endpoint as string), /^https:\/\/project-app-stack-x7k2p\.ondigitalocean\.app$/);
    });
});
