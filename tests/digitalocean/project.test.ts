/**
 * `DefangProject` over the shop example on DigitalOcean, under mocks: one App whose spec holds every
 * service, managed PostgreSQL and Valkey that trust the App only, secrets as SECRET env vars, and
 * references to the managed clusters rewritten to their hosts: private hostnames over the project's
 * VPC by default, public ones with `defang:privateNetworking false`.
 */
import { strict as assert } from "assert";
import * as path from "path";
import { DefangProject } from "../../provider/src/components/defang-project";
import { cannedClusterPassword } from "../../provider/src/offline/canned-digitalocean";
import { REPO_ROOT } from "../support/corpus";
import { component, env, Spec, specIsSecret, specOf } from "../support/do-app-spec";
import { DO_SHOP_CONFIG, DO_SHOP_SECRETS } from "../support/fixture-projects";
import { MockRecorder, useMocks, valueOf } from "../support/pulumi-mocks";

const SHOP = path.join(REPO_ROOT, "examples/shop/compose.yaml");
describe("DefangProject on DigitalOcean (examples/shop)", function () {
    let recorder: MockRecorder;
    let project: DefangProject;
    let spec: Spec;

    before(async function () {
        recorder = await useMocks(DO_SHOP_CONFIG, DO_SHOP_SECRETS);
        project = new DefangProject("shop", { composeFile: SHOP }, recorder.opts());
        await recorder.settle();
        spec = specOf(recorder.one("digitalocean:index/app:App"));
    });

    it("creates one App, the project's child, holding every service as a component named after its compose service", function () {
        const app = recorder.one("digitalocean:index/app:App");
        assert.equal(app.name, "shop-app");
        assert.equal(app.parentType, "defang:index:DefangProject");
        assert.equal(spec.name, "project-shop-stack");
        assert.equal(spec.region, "nyc");
        assert.deepEqual(spec.services.map((s) => s.name).sort(), ["api", "assistant", "web"]);
        assert.deepEqual(
            spec.workers.map((s) => s.name),
            ["worker"],
        );
        assert.deepEqual(spec.jobs, []);
        assert.equal(recorder.ofType("aws:ecs/service:Service").length, 0, "no other cloud's resources");
    });

    it("routes the public services by path on the App's address, the domain to its service, and keeps host ports internal", function () {
        const rules = spec.ingress.rules.map((r) => `${r.match.authority?.exact ?? "*"}${r.match.path.prefix} -> ${r.component.name}`);
        // The main service (first in dependency order) at /, the other at /<name>, the domain first.
        assert.deepEqual(rules, ["shop.example.com/ -> web", "*/web -> web", "*/ -> api"]);
        assert.ok(!rules.some((r) => r.endsWith("-> assistant")), "the host-port service has no public route");
        // Private ports only: no HTTP port (App Platform keeps it off the internet), the port internal, checked there.
        const assistant = component(spec, "assistant");
        assert.equal(assistant.httpPort, undefined);
        assert.deepEqual(assistant.internalPorts, [8000]);
        assert.equal((assistant.healthCheck as { port?: number }).port, 8000);
        assert.deepEqual(spec.domainNames, [{ name: "shop.example.com", type: "PRIMARY", zone: "example.com" }]);
    });

    it("sizes, scales and health-checks the services from compose", function () {
        const api = component(spec, "api");
        assert.equal(api.instanceSizeSlug, "apps-s-1vcpu-1gb");
        assert.equal(api.instanceCount, 2);
        assert.equal(api.httpPort, 8080);
        assert.deepEqual(api.healthCheck, { httpPath: "/health", periodSeconds: 15, timeoutSeconds: 3, failureThreshold: 3, initialDelaySeconds: 0 });
        assert.equal(component(spec, "worker").runCommand, "node worker.js --queue orders");
        assert.equal(component(spec, "assistant").instanceSizeSlug, "apps-s-1vcpu-0.5gb");
        assert.deepEqual(component(spec, "assistant").image, { registryType: "GHCR", registry: "berriai", repository: "litellm", tag: "main-stable" });
    });

    it("gives sensitive config only as SECRET env vars, in a spec that reaches the provider as a secret", function () {
        const api = component(spec, "api");
        const stripe = env(api, "STRIPE_API_KEY");
        assert.equal(stripe.type, "SECRET");
        assert.equal(stripe.value, "sk-stripe-secret-value");
        assert.ok(specIsSecret(recorder.one("digitalocean:index/app:App")), "the spec holding secret values is a secret");
        for (const c of [...spec.services, ...spec.workers, ...spec.jobs]) {
            for (const e of c.envs ?? []) {
                const text = String(e.value);
                const carriesSecret = DO_SHOP_SECRETS.some((k) => text.includes(DO_SHOP_CONFIG[k as keyof typeof DO_SHOP_CONFIG])) || text.includes("AVNS_");
                if (carriesSecret) assert.equal(e.type, "SECRET", `${c.name}.${e.key} carries a secret and is ${e.type}`);
            }
        }
        const general = env(component(spec, "web"), "API_URL");
        assert.deepEqual(general, { key: "API_URL", value: "http://api:8080", type: "GENERAL", scope: "RUN_TIME" });
    });

    it("rewrites references to the managed database and cache to their private hosts, with the generated password, as secrets", function () {
        const api = component(spec, "api");
        const db = recorder.one("digitalocean:index/databaseCluster:DatabaseCluster", "shop-db-cluster");
        const dbUrl = env(api, "DATABASE_URL");
        assert.equal(dbUrl.type, "SECRET");
        assert.equal(dbUrl.value, `postgres://doadmin:${cannedClusterPassword(db.name)}@private-shop-db-cluster-do-user-1-0.k.db.ondigitalocean.com:25060/shop?sslmode=require`);
        const redisUrl = env(api, "REDIS_URL");
        assert.equal(redisUrl.type, "SECRET");
        assert.equal(redisUrl.value, `rediss://default:${cannedClusterPassword("shop-cache-cluster")}@private-shop-cache-cluster-do-user-1-0.k.db.ondigitalocean.com:25061`);
    });

    it("puts the clusters and the App in one VPC of the project's datacenter, the project's child", function () {
        const vpc = recorder.one("digitalocean:index/vpc:Vpc");
        assert.equal(vpc.name, "shop-vpc");
        assert.equal(vpc.parentType, "defang:index:DefangProject");
        assert.equal(vpc.inputs.region, "nyc3");
        const clusters = recorder.ofType("digitalocean:index/databaseCluster:DatabaseCluster");
        assert.equal(clusters.length, 2);
        for (const c of clusters) assert.equal(c.inputs.privateNetworkUuid, "shop-vpc-id", `${c.name} is in the VPC`);
        assert.deepEqual(spec.vpcs, [{ id: "shop-vpc-id" }]);
    });

    it("creates PostgreSQL of the image's major version and Valkey, sized from reservations, with the database, attached to the App", function () {
        const pg = recorder.one("digitalocean:index/databaseCluster:DatabaseCluster", "shop-db-cluster");
        assert.deepEqual([pg.inputs.engine, pg.inputs.version, pg.inputs.size, pg.inputs.region, pg.inputs.nodeCount], ["pg", "17", "db-s-1vcpu-1gb", "nyc3", 1]);
        assert.equal(pg.parentType, "defang:index:DefangPostgres");
        assert.equal(recorder.one("digitalocean:index/databaseDb:DatabaseDb").inputs.name, "shop");
        const cache = recorder.one("digitalocean:index/databaseCluster:DatabaseCluster", "shop-cache-cluster");
        assert.deepEqual([cache.inputs.engine, cache.inputs.version, cache.inputs.size], ["valkey", "8", "db-s-1vcpu-1gb"]);
        assert.deepEqual(spec.databases, [{ name: "db", engine: "PG", clusterName: "shop-db-cluster", dbName: "shop", dbUser: "doadmin", production: true }]);
    });

    it("gives each cluster a firewall that trusts the App and nothing else", function () {
        const firewalls = recorder.ofType("digitalocean:index/databaseFirewall:DatabaseFirewall");
        assert.deepEqual(firewalls.map((f) => f.name).sort(), ["shop-cache-firewall", "shop-db-firewall"]);
        for (const f of firewalls) {
            assert.deepEqual(f.inputs.rules, [{ type: "app", value: "shop-app-id" }]);
            assert.equal(f.inputs.clusterId, `${f.name.replace("-firewall", "")}-cluster-id`);
        }
    });

    it("exports endpoints: HTTPS on the App's address or the domain, component:port for host ports", async function () {
        const endpoints = await valueOf(project.endpoints);
        assert.deepEqual(endpoints.web, ["https://shop.example.com"]);
        assert.deepEqual(endpoints.api, ["https://project-shop-stack-x7k2p.ondigitalocean.app"]);
        assert.deepEqual(endpoints.assistant, ["assistant:8000"]);
    });
});

describe("DefangProject on DigitalOcean with defang:privateNetworking false (examples/shop)", function () {
    let recorder: MockRecorder;
    let spec: Spec;

    before(async function () {
        recorder = await useMocks({ ...DO_SHOP_CONFIG, "defang:privateNetworking": "false" }, DO_SHOP_SECRETS);
        new DefangProject("shop", { composeFile: SHOP }, recorder.opts());
        await recorder.settle();
        spec = specOf(recorder.one("digitalocean:index/app:App"));
    });

    it("creates no VPC, puts no cluster or App in one, and reaches the clusters at their public hosts behind the firewall", function () {
        assert.equal(recorder.ofType("digitalocean:index/vpc:Vpc").length, 0);
        const clusters = recorder.ofType("digitalocean:index/databaseCluster:DatabaseCluster");
        assert.equal(clusters.length, 2);
        for (const c of clusters) assert.equal(c.inputs.privateNetworkUuid, undefined, `${c.name} is not in a VPC`);
        assert.equal(spec.vpcs, undefined);
        const api = component(spec, "api");
        assert.equal(env(api, "DATABASE_URL").value, `postgres://doadmin:${cannedClusterPassword("shop-db-cluster")}@shop-db-cluster-do-user-1-0.k.db.ondigitalocean.com:25060/shop?sslmode=require`);
        assert.equal(env(api, "REDIS_URL").value, `rediss://default:${cannedClusterPassword("shop-cache-cluster")}@shop-cache-cluster-do-user-1-0.k.db.ondigitalocean.com:25061`);
        assert.equal(recorder.ofType("digitalocean:index/databaseFirewall:DatabaseFirewall").length, 2);
    });
});
