/**
 * `DefangProject` over the bundled shop example (examples/shop/compose.yaml) on Google Cloud, under
 * mocks: the components, parents and names, the shared infrastructure once, endpoints, and how the
 * services reach each other by compose name.
 */
import { strict as assert } from "assert";
import { DefangProject } from "../../provider/src/components/defang-project";
import { SHOP, SHOP_CONFIG, SHOP_SECRETS } from "../support/fixture-projects";
import { MockRecorder, unwrapSecrets, useMocks, valueOf } from "../support/pulumi-mocks";

const CONFIG = { ...SHOP_CONFIG, "defang:provider": "gcp", "gcp:project": "shop-project", "gcp:region": "us-central1" };

describe("DefangProject on Google Cloud (examples/shop)", function () {
    let recorder: MockRecorder;
    let project: DefangProject;

    before(async function () {
        recorder = await useMocks(CONFIG, SHOP_SECRETS);
        project = new DefangProject("shop", { composeFile: SHOP }, recorder.opts());
        await recorder.settle();
    });

    it("parents every resource to the project or one of its components, named after its parent", function () {
        const names = new Set(recorder.registrations.map((r) => r.name));
        for (const r of recorder.registrations) {
            if (r.name === "shop") continue;
            assert.ok(r.parent && names.has(r.parent), `${r.type} ${r.name} has a registered parent (got ${r.parent})`);
            assert.ok(r.name.startsWith(`${r.parent}-`), `${r.type} ${r.name} is named ${r.parent}-<role>`);
        }
    });

    it("maps each compose service to its native resource, the shared infrastructure once", function () {
        const count = (type: string) => recorder.ofType(type).length;
        assert.equal(count("gcp:compute/network:Network"), 1);
        assert.equal(count("gcp:servicenetworking/connection:Connection"), 1);
        assert.equal(count("gcp:compute/routerNat:RouterNat"), 1, "the assistant is internal: services route through the VPC");
        assert.equal(count("gcp:cloudrunv2/service:Service"), 3);
        assert.equal(count("gcp:cloudrunv2/workerPool:WorkerPool"), 1);
        assert.equal(count("gcp:sql/databaseInstance:DatabaseInstance"), 1);
        assert.equal(count("gcp:redis/instance:Instance"), 1);
        assert.equal(count("pulumi-nodejs:dynamic:Resource"), 3, "three images built on Cloud Build");
        assert.equal(count("gcp:artifactregistry/repository:Repository"), 3, "the image repository, the build cache repository, and a remote repository for ghcr.io");
        assert.equal(count("gcp:serviceaccount/account:Account"), 5, "one per service and the builder");
    });

    it("gives the endpoints: the domain, the run.app URL, or the compose name", async function () {
        const endpoints = await valueOf(project.endpoints);
        assert.deepEqual(endpoints.web, ["https://shop.example.com"]);
        assert.match(endpoints.api[0], /^https:\/\/api-[0-9a-f]{6}-123456789012\.us-central1\.run\.app$/);
        assert.deepEqual(endpoints.assistant, ["assistant:8000"]);
        assert.deepEqual(endpoints.db, ["db:5432"]);
        assert.deepEqual(endpoints.worker, []);
    });

    it("lets services reach each other by compose name", async function () {
        const endpoints = await valueOf(project.endpoints);
        const web = recorder.one("gcp:cloudrunv2/service:Service", "shop-web-service");
        const envs = (unwrapSecrets(web.inputs.template) as { containers: Array<{ envs: Array<{ name: string; value: string }> }> }).containers[0].envs;
        assert.equal(envs.find((e) => e.name === "API_URL")?.value, endpoints.api[0]);
        const api = recorder.one("gcp:cloudrunv2/service:Service", "shop-api-service");
        const assistant = recorder.one("gcp:cloudrunv2/service:Service", "shop-assistant-service");
        const apiEnvs = (unwrapSecrets(api.inputs.template) as { containers: Array<{ envs: Array<{ name: string; value: string }> }> }).containers[0].envs;
        assert.equal(apiEnvs.find((e) => e.name === "ASSISTANT_URL")?.value, `https://${assistant.inputs.name}-123456789012.us-central1.run.app`);
        const dbUrl = unwrapSecrets(recorder.one("gcp:secretmanager/secretVersion:SecretVersion", "shop-api-env-DATABASE_URL-value").inputs.secretData);
        assert.equal(dbUrl, "postgres://shop:pg-secret-value@10.20.0.3:5432/shop");
    });
});
