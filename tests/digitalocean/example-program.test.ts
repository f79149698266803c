/**
 * The DigitalOcean example program (examples/digitalocean-typescript/index.ts), run under mocks.
 */
import { strict as assert } from "assert";
import * as path from "path";
import { REPO_ROOT } from "../support/corpus";
import { MockRecorder, useMocks, valueOf } from "../support/pulumi-mocks";
import { component, env, specOf } from "./project.test";

describe("the DigitalOcean example program (examples/digitalocean-typescript)", function () {
    let recorder: MockRecorder;
    let exported: { endpoint: unknown };

    before(async function () {
        recorder = await useMocks({ "defang:provider": "digitalocean", "defang:region": "ams3", "defang:doBuilder": "local", API_KEY: "api-key-value" }, ["API_KEY"]);
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
