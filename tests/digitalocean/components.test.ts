/**
 * The components on their own on DigitalOcean, under mocks: a lone service is a one-service App,
 * created when the service is; a lone database or cache is attached to (and trusted by) the App of
 * the next lone service; what App Platform cannot do is refused before anything is created.
 */
import { strict as assert } from "assert";
import { DefangLLM } from "../../provider/src/components/defang-llm";
import { DefangPostgres } from "../../provider/src/components/defang-postgres";
import { DefangRedis } from "../../provider/src/components/defang-redis";
import { DefangService } from "../../provider/src/components/defang-service";
import { MissingConfigError, UnsupportedFeaturesError } from "../../provider/src/model/errors";
import { cannedClusterPassword } from "../../provider/src/offline/canned-digitalocean";
import { isSecretOutput, MockRecorder, setConfig, useMocks, valueOf } from "../support/pulumi-mocks";
import { component, env, specOf } from "../support/do-app-spec";

const CONFIG = { "defang:provider": "digitalocean", API_KEY: "api-key-value", POSTGRES_PASSWORD: "configured-pw", DIGITALOCEAN_MODEL_ACCESS_KEY: "model-key-value" };
const SECRETS = ["API_KEY", "POSTGRES_PASSWORD", "DIGITALOCEAN_MODEL_ACCESS_KEY"];

describe("lone components on DigitalOcean", function () {
    let recorder: MockRecorder;

    beforeEach(async function () {
        recorder = await useMocks(CONFIG, SECRETS);
    });

    it("a lone service is a one-service App, the service's child, with its endpoint", async function () {
        const web = new DefangService("web", { image: "nginx:1.27", ports: [{ target: 80 }], environment: [{ name: "API_KEY" }], deploy: { replicas: 2 } }, recorder.opts());
        await recorder.settle();
        const app = recorder.one("digitalocean:index/app:App");
        assert.equal(app.name, "web-app");
        assert.equal(app.parentType, "defang:index:DefangService");
        const spec = specOf(app);
        assert.equal(spec.name, "project-web-stack");
        assert.deepEqual(
            spec.services.map((s) => s.name),
            ["web"],
        );
        assert.equal(component(spec, "web").instanceCount, 2);
        assert.equal(component(spec, "web").instanceSizeSlug, "apps-s-1vcpu-1gb", "two instances need a size that scales");
        assert.deepEqual(env(component(spec, "web"), "API_KEY"), { key: "API_KEY", value: "api-key-value", type: "SECRET", scope: "RUN_TIME" });
        assert.deepEqual(await valueOf(web.endpoints), ["https://project-web-stack-x7k2p.ondigitalocean.app"]);
        assert.equal(recorder.ofType("defang:index:SharedInfrastructure").length, 1);
    });

    it("two lone services are two Apps, without a VPC when there is no database", async function () {
        new DefangService("a", { image: "nginx", ports: [{ target: 80 }] });
        new DefangService("b", { image: "nginx", ports: [{ target: 80 }] });
        await recorder.settle();
        assert.deepEqual(
            recorder
                .ofType("digitalocean:index/app:App")
                .map((a) => a.name)
                .sort(),
            ["a-app", "b-app"],
        );
        assert.equal(recorder.ofType("digitalocean:index/vpc:Vpc").length, 0);
        for (const app of recorder.ofType("digitalocean:index/app:App")) assert.equal(specOf(app).vpcs, undefined);
    });

    it("with defang:privateNetworking false, a lone database is reached at its public host and nothing is in a VPC", async function () {
        setConfig({ ...CONFIG, "defang:privateNetworking": "false" }, SECRETS);
        const db = new DefangPostgres("database", { image: "postgres:16", environment: [{ name: "POSTGRES_PASSWORD" }] }, recorder.opts());
        new DefangService("app", { image: "my/app", ports: [{ target: 8080 }], environment: [{ name: "DATABASE_URL", value: db.url }] }, recorder.opts());
        await recorder.settle();
        assert.equal(recorder.ofType("digitalocean:index/vpc:Vpc").length, 0);
        assert.equal(recorder.one("digitalocean:index/databaseCluster:DatabaseCluster").inputs.privateNetworkUuid, undefined);
        const spec = specOf(recorder.one("digitalocean:index/app:App"));
        assert.equal(spec.vpcs, undefined);
        assert.equal(
            env(component(spec, "app"), "DATABASE_URL").value,
            `postgres://doadmin:${cannedClusterPassword("database-cluster")}@database-cluster-do-user-1-0.k.db.ondigitalocean.com:25060/defaultdb?sslmode=require`,
        );
        assert.deepEqual(recorder.one("digitalocean:index/databaseFirewall:DatabaseFirewall").inputs.rules, [{ type: "app", value: "app-app-id" }]);
    });

    it("a lone database is trusted by the App of the next lone service, which gets its URL as a secret", async function () {
        const db = new DefangPostgres("database", { image: "postgres:16", environment: [{ name: "POSTGRES_PASSWORD" }] }, recorder.opts());
        new DefangService("app", { image: "my/app", ports: [{ target: 8080 }], environment: [{ name: "DATABASE_URL", value: db.url }] }, recorder.opts());
        await recorder.settle();
        const cluster = recorder.one("digitalocean:index/databaseCluster:DatabaseCluster");
        assert.equal(cluster.name, "database-cluster");
        assert.equal(cluster.parentType, "defang:index:DefangPostgres");
        const firewall = recorder.one("digitalocean:index/databaseFirewall:DatabaseFirewall");
        assert.equal(firewall.name, "database-firewall");
        assert.deepEqual(firewall.inputs.rules, [{ type: "app", value: "app-app-id" }]);
        const spec = specOf(recorder.one("digitalocean:index/app:App"));
        assert.deepEqual(
            spec.databases.map((d) => d.clusterName),
            ["database-cluster"],
        );
        const url = env(component(spec, "app"), "DATABASE_URL");
        assert.equal(url.type, "SECRET");
        assert.equal(url.value, `postgres://doadmin:${cannedClusterPassword("database-cluster")}@private-database-cluster-do-user-1-0.k.db.ondigitalocean.com:25060/defaultdb?sslmode=require`);
        // The lone database and the App that adopts it share the stack's VPC.
        const vpc = recorder.one("digitalocean:index/vpc:Vpc");
        assert.equal(vpc.parentType, "defang:index:SharedInfrastructure");
        assert.equal(cluster.inputs.privateNetworkUuid, `${vpc.name}-id`);
        assert.deepEqual(spec.vpcs, [{ id: `${vpc.name}-id` }]);
        assert.ok(await isSecretOutput(db.password));
        assert.equal(await valueOf(db.password), cannedClusterPassword("database-cluster"), "the password is the one DigitalOcean generated");
    });

    it("a lone service that depends on a lone database explicitly still gets its App and the database its firewall", async function () {
        const db = new DefangPostgres("database", {});
        new DefangService("app", { image: "my/app", ports: [{ target: 8080 }], environment: [{ name: "DATABASE_URL", value: db.url }] }, { dependsOn: [db] });
        await recorder.settle();
        assert.equal(recorder.ofType("digitalocean:index/app:App").length, 1);
        assert.equal(recorder.one("digitalocean:index/databaseFirewall:DatabaseFirewall").parentType, "defang:index:DefangService");
    });

    it("a lone cache is Valkey with TLS, its URL a secret", async function () {
        const cache = new DefangRedis("cache", { image: "redis:7" });
        await recorder.settle();
        assert.equal(recorder.one("digitalocean:index/databaseCluster:DatabaseCluster").inputs.engine, "valkey");
        assert.ok(await isSecretOutput(cache.url));
        assert.match(await valueOf(cache.url), /^rediss:\/\/:AVNS_offline_cachecluster@private-cache-cluster-do-user-1-0\.k\.db\.ondigitalocean\.com:25061$/);
        assert.equal(recorder.ofType("digitalocean:index/vpc:Vpc").length, 1, "the cache is in the stack's VPC");
        assert.equal(recorder.ofType("digitalocean:index/app:App").length, 0, "no App without a service");
    });

    it("a cache with deploy.replicas 2 has a standby node; more than 3 nodes is refused before anything is created", async function () {
        new DefangRedis("cache", { image: "valkey/valkey:8", deploy: { replicas: 2 } });
        await recorder.settle();
        assert.equal(recorder.one("digitalocean:index/databaseCluster:DatabaseCluster").inputs.nodeCount, 2);
        recorder.reset();
        assert.throws(
            () => new DefangRedis("big", { image: "valkey/valkey:8", deploy: { replicas: 4 } }),
            (e: Error) => e instanceof UnsupportedFeaturesError && /4 cache nodes is more than the 3/.test(e.message) && /deploy\.replicas/.test(e.message),
        );
        await recorder.settle();
        assert.equal(recorder.registrations.length, 0);
    });

    it("a DefangLLM gets the serverless inference endpoint and the model access key as a SECRET", async function () {
        new DefangLLM("llm", { image: "ghcr.io/berriai/litellm:main-stable", ports: [{ target: 4000, mode: "host" }], models: ["llama3.3-70b-instruct"] });
        await recorder.settle();
        const llm = component(specOf(recorder.one("digitalocean:index/app:App")), "llm");
        assert.deepEqual(env(llm, "OPENAI_BASE_URL"), { key: "OPENAI_BASE_URL", value: "https://inference.do-ai.run/v1", type: "GENERAL", scope: "RUN_TIME" });
        assert.deepEqual(env(llm, "OPENAI_API_KEY"), { key: "OPENAI_API_KEY", value: "model-key-value", type: "SECRET", scope: "RUN_TIME" });
        assert.equal(env(llm, "MODEL").value, "llama3.3-70b-instruct");
    });

    it("a DefangLLM without the model access key fails, naming the key", async function () {
        setConfig({ "defang:provider": "digitalocean" });
        assert.throws(
            () => new DefangLLM("llm", { image: "ghcr.io/berriai/litellm:main-stable", ports: [{ target: 4000, mode: "host" }] }),
            (e: Error) => e instanceof MissingConfigError && /DIGITALOCEAN_MODEL_ACCESS_KEY/.test(e.message),
        );
        await recorder.settle();
        assert.equal(recorder.ofType("digitalocean:index/app:App").length, 0);
    });

    it("refuses UDP, two public ports, arm64, other registries, user and working_dir before creating anything, all at once", async function () {
        assert.throws(
            () =>
                new DefangService("odd", {
                    image: "quay.io/org/img:1",
                    platform: "linux/arm64",
                    user: "1000",
                    workingDir: "/srv",
                    ports: [{ target: 53, protocol: "udp", mode: "host" }, { target: 80 }, { target: 443 }],
                }),
            (e: Error) => {
                assert.ok(e instanceof UnsupportedFeaturesError);
                const fields = e.features.map((f) => f.field).sort();
                assert.deepEqual(fields, ["image", "platform", "ports[0]", "ports[2]", "user", "working_dir"]);
                assert.match(e.message, /DigitalOcean/);
                return true;
            },
        );
        await recorder.settle();
        assert.deepEqual(recorder.registrations, []);
    });

    it("identical input gives identical registrations", async function () {
        const run = async () => {
            recorder.reset();
            const db = new DefangPostgres("database", { image: "postgres:17" });
            new DefangService("app", { image: "my/app", ports: [{ target: 8080 }], environment: [{ name: "DATABASE_URL", value: db.url }, { name: "API_KEY" }] });
            return JSON.stringify((await recorder.settle()).map((r) => [r.type, r.name, r.inputs]));
        };
        const first = await run();
        await useMocks(CONFIG, SECRETS);
        assert.equal(await run(), first);
    });
});
