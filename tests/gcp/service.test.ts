/**
 * One service on Cloud Run, under mocks: the Cloud Run service or worker pool and its container,
 * ingress by port mode, secrets in Secret Manager readable by the service's own account only,
 * references to other components rewritten, a domain behind an HTTPS load balancer, Vertex AI
 * access, builds, names, parents and endpoints.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { deployGcpPostgres } from "../../provider/src/clouds/gcp/data/postgres";
import { deployGcpRedis } from "../../provider/src/clouds/gcp/data/redis";
import { deployGcpService } from "../../provider/src/clouds/gcp/compute/service";
import { GcpInfrastructure } from "../../provider/src/clouds/gcp/types";
import { ConfigValues } from "../../provider/src/clouds/config-values";
import { MissingConfigError } from "../../provider/src/model/errors";
import { PortModel, PostgresModel, RedisModel, ServiceModel } from "../../provider/src/model/types";
import { GCP_TEST_CONFIG, gcpTestInfrastructure, TestComponent } from "../support/fake-gcp-infrastructure";
import { isSecretValue, MockRecorder, Registration, setConfig, unwrapSecrets, useMocks, valueOf } from "../support/pulumi-mocks";

const CONFIG = { ...GCP_TEST_CONFIG, API_KEY: "s3cr3t-api-key", DB_PASSWORD: "pa55w0rd" };
const SECRET_KEYS = ["API_KEY", "DB_PASSWORD"];

const T = {
    service: "gcp:cloudrunv2/service:Service",
    pool: "gcp:cloudrunv2/workerPool:WorkerPool",
    account: "gcp:serviceaccount/account:Account",
    secret: "gcp:secretmanager/secret:Secret",
    version: "gcp:secretmanager/secretVersion:SecretVersion",
    secretMember: "gcp:secretmanager/secretIamMember:SecretIamMember",
    projectMember: "gcp:projects/iAMMember:IAMMember",
    certificate: "gcp:compute/managedSslCertificate:ManagedSslCertificate",
    urlMap: "gcp:compute/uRLMap:URLMap",
    forwardingRule: "gcp:compute/globalForwardingRule:GlobalForwardingRule",
    neg: "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
    build: "pulumi-nodejs:dynamic:Resource",
    object: "gcp:storage/bucketObject:BucketObject",
};

const ingress = (target: number, extra: Partial<PortModel> = {}): PortModel => ({ target, mode: "ingress", protocol: "tcp", ...extra });
const host = (target: number): PortModel => ({ target, mode: "host", protocol: "tcp" });

function service(extra: Partial<ServiceModel> = {}): ServiceModel {
    return {
        kind: "service",
        name: "web",
        aliases: [],
        ports: [ingress(8080)],
        resources: { cpus: 0.5, memoryMiB: 1024 },
        dependsOn: [],
        features: [],
        image: "nginx:1.27",
        environment: [
            { name: "LOG_LEVEL", value: { kind: "literal", value: "info" } },
            { name: "API_KEY", value: { kind: "config", key: "API_KEY" } },
        ],
        replicas: 2,
        architecture: "x86_64",
        healthcheck: { test: ["CMD", "curl", "-f", "http://localhost:8080/health"], intervalSeconds: 30, timeoutSeconds: 5, retries: 3, startPeriodSeconds: 0, http: { path: "/health", port: 8080 } },
        command: ["serve", "--port", "8080"],
        entrypoint: ["/bin/app"],
        workingDir: "/srv",
        ...extra,
    };
}

interface Container {
    image: string;
    args: string[];
    commands: string[];
    workingDir: string;
    envs: Array<{ name: string; value?: string; valueSource?: { secretKeyRef: { secret: string; version: string } } }>;
    ports?: { containerPort: number; name: string };
    resources: { limits: { cpu: string; memory: string }; cpuIdle?: boolean };
    startupProbe?: Record<string, unknown>;
    livenessProbe?: Record<string, unknown>;
}

const containerOf = (r: Registration): Container => (unwrapSecrets(r.inputs.template) as { containers: Container[] }).containers[0];

describe("a service on Cloud Run", function () {
    let recorder: MockRecorder;

    before(async function () {
        recorder = await useMocks(CONFIG, SECRET_KEYS);
    });
    beforeEach(function () {
        recorder.reset();
        setConfig(CONFIG, SECRET_KEYS);
    });

    function deploy(model: ServiceModel, infra: GcpInfrastructure = gcpTestInfrastructure({ components: [model] }), name = "shop-web") {
        const parent = new TestComponent(name, recorder.opts());
        const deployment = deployGcpService({ name, model, parent, infra, config: new ConfigValues(), dependsOn: [] });
        return { deployment, infra };
    }

    it("runs a public Cloud Run service with the container of the compose service", async function () {
        const { deployment } = deploy(service());
        await recorder.settle();
        const run = recorder.one(T.service);
        assert.equal(run.name, "shop-web-service");
        assert.equal(run.parent, "shop-web");
        assert.equal(run.inputs.ingress, "INGRESS_TRAFFIC_ALL");
        assert.equal(run.inputs.invokerIamDisabled, true);
        assert.equal(run.inputs.location, "europe-west1");
        assert.equal(run.inputs.project, "my-project");
        assert.match(String(run.inputs.name), /^web-[0-9a-f]{6}$/);
        const template = unwrapSecrets(run.inputs.template) as { scaling: unknown; serviceAccount: string; vpcAccess: { egress: string; networkInterfaces: Array<{ network: string; subnetwork: string }> } };
        assert.deepEqual(template.scaling, { minInstanceCount: 2, maxInstanceCount: 2 });
        assert.match(template.serviceAccount, /^web-[0-9a-f]{6}@my-project\.iam\.gserviceaccount\.com$/);
        assert.equal(template.vpcAccess.egress, "PRIVATE_RANGES_ONLY");
        assert.deepEqual(template.vpcAccess.networkInterfaces, [{ network: "infra-network-id", subnetwork: "infra-subnet-id" }]);
        const c = containerOf(run);
        assert.equal(c.image, "docker.io/library/nginx:1.27");
        assert.deepEqual(c.commands, ["/bin/app"]);
        assert.deepEqual(c.args, ["serve", "--port", "8080"]);
        assert.equal(c.workingDir, "/srv");
        assert.deepEqual(c.ports, { containerPort: 8080, name: "http1" });
        assert.deepEqual(c.resources.limits, { cpu: "1", memory: "1024Mi" });
        assert.deepEqual((c.startupProbe as { httpGet: unknown }).httpGet, { path: "/health", port: 8080 });
        assert.deepEqual((c.livenessProbe as { httpGet: unknown }).httpGet, { path: "/health", port: 8080 });
        assert.deepEqual(await valueOf(deployment.endpoints), [`https://${run.inputs.name}-123456789012.europe-west1.run.app`]);
    });

    it("keeps sensitive values in Secret Manager, readable by the service's account only", async function () {
        deploy(service());
        await recorder.settle();
        const secret = recorder.one(T.secret);
        assert.equal(secret.name, "shop-web-env-API_KEY");
        assert.deepEqual(unwrapSecrets(secret.inputs.replication), { userManaged: { replicas: [{ location: "europe-west1" }] } });
        const version = recorder.one(T.version);
        assert.ok(isSecretValue(version.inputs.secretData), "the value reaches the provider as a secret");
        assert.equal(unwrapSecrets(version.inputs.secretData), "s3cr3t-api-key");
        const member = recorder.one(T.secretMember);
        assert.equal(member.inputs.role, "roles/secretmanager.secretAccessor");
        assert.equal(member.inputs.secretId, "shop-web-env-API_KEY");
        const account = recorder.one("gcp:serviceaccount/account:Account");
        assert.equal(member.inputs.member, `serviceAccount:${account.inputs.accountId}@my-project.iam.gserviceaccount.com`);
        const envs = containerOf(recorder.one(T.service)).envs;
        assert.deepEqual(
            envs.find((e) => e.name === "LOG_LEVEL"),
            { name: "LOG_LEVEL", value: "info" },
        );
        assert.deepEqual(
            envs.find((e) => e.name === "API_KEY"),
            { name: "API_KEY", valueSource: { secretKeyRef: { secret: "shop-web-env-API_KEY", version: "1" } } },
        );
        assert.ok(!JSON.stringify(unwrapSecrets(recorder.one(T.service).inputs)).includes("s3cr3t-api-key"), "no secret value in the service");
    });

    it("leaves out the variables Cloud Run sets itself (PORT is the container port)", async function () {
        deploy(
            service({
                environment: [
                    { name: "PORT", value: { kind: "literal", value: "8080" } },
                    { name: "K_SERVICE", value: { kind: "literal", value: "x" } },
                    { name: "HOST", value: { kind: "literal", value: "0.0.0.0" } },
                ],
            }),
        );
        await recorder.settle();
        assert.deepEqual(
            containerOf(recorder.one(T.service)).envs.map((e) => e.name),
            ["HOST"],
        );
    });

    it("keeps a host-port service internal, reachable at <name>:<port>", async function () {
        const { deployment } = deploy(service({ ports: [host(9000)], healthcheck: undefined }));
        await recorder.settle();
        const run = recorder.one(T.service);
        assert.equal(run.inputs.ingress, "INGRESS_TRAFFIC_INTERNAL_ONLY");
        assert.equal((unwrapSecrets(run.inputs.template) as { vpcAccess: { egress: string } }).vpcAccess.egress, "ALL_TRAFFIC", "callers reach internal services through the VPC");
        assert.deepEqual(await valueOf(deployment.endpoints), ["web:9000"]);
        assert.equal(containerOf(run).startupProbe, undefined);
    });

    it("runs a service without ports as a worker pool with no address", async function () {
        const { deployment } = deploy(service({ ports: [], replicas: 3, healthcheck: undefined }));
        await recorder.settle();
        assert.equal(recorder.ofType(T.service).length, 0);
        const pool = recorder.one(T.pool);
        assert.equal(pool.name, "shop-web-pool");
        assert.deepEqual(unwrapSecrets(pool.inputs.scaling), { manualInstanceCount: 3 });
        assert.equal(containerOf(pool).ports, undefined);
        assert.deepEqual(await valueOf(deployment.endpoints), []);
    });

    it("scales between the autoscaling bounds, and from zero with defang:scaleToZero", async function () {
        setConfig({ ...CONFIG, "defang:scaleToZero": "true" }, SECRET_KEYS);
        deploy(service({ autoscaling: { minReplicas: 2, maxReplicas: 6, targetCpuPercent: 70 } }));
        await recorder.settle();
        assert.deepEqual((unwrapSecrets(recorder.one(T.service).inputs.template) as { scaling: unknown }).scaling, { minInstanceCount: 0, maxInstanceCount: 6 });
    });

    it("puts a domain name behind a global HTTPS load balancer with a managed certificate and an HTTP redirect", async function () {
        setConfig({ ...CONFIG, "defang:dnsZone": "example-zone" }, SECRET_KEYS);
        const { deployment } = deploy(service({ domainname: "shop.example.com" }));
        await recorder.settle();
        assert.equal(recorder.one(T.service).inputs.ingress, "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER");
        assert.deepEqual(unwrapSecrets(recorder.one(T.certificate).inputs.managed), { domains: ["shop.example.com"] });
        const neg = recorder.one(T.neg);
        assert.equal(neg.inputs.networkEndpointType, "SERVERLESS");
        assert.equal((neg.inputs.cloudRun as { service: string }).service, recorder.one(T.service).inputs.name);
        const urls = recorder.one(T.urlMap, "shop-web-urls");
        assert.deepEqual(urls.inputs.hostRules, [{ hosts: ["shop.example.com"], pathMatcher: "service" }]);
        const redirect = recorder.one(T.urlMap, "shop-web-redirect");
        assert.equal((redirect.inputs.defaultUrlRedirect as { httpsRedirect: boolean }).httpsRedirect, true);
        assert.deepEqual(
            recorder
                .ofType(T.forwardingRule)
                .map((r) => r.inputs.portRange)
                .sort(),
            ["443", "80"],
        );
        const record = recorder.one("gcp:dns/recordSet:RecordSet");
        assert.equal(record.inputs.managedZone, "example-zone");
        assert.equal(record.inputs.name, "shop.example.com.");
        assert.deepEqual(await valueOf(deployment.endpoints), ["https://shop.example.com"]);
        for (const r of recorder.registrations.filter((x) => x.type.startsWith("gcp:compute/") && !x.name.startsWith("infra-"))) assert.equal(r.parent, "shop-web", `${r.type} ${r.name}`);
    });

    it("lets a model-using service call Vertex AI with its own account, and tells its SDKs where", async function () {
        deploy(service({ llm: { models: ["gemini-2.5-flash"] } }));
        await recorder.settle();
        const grant = recorder.one(T.projectMember);
        assert.equal(grant.inputs.role, "roles/aiplatform.user");
        const account = recorder.one(T.account);
        assert.equal(grant.inputs.member, `serviceAccount:${account.inputs.accountId}@my-project.iam.gserviceaccount.com`);
        const envs = Object.fromEntries(containerOf(recorder.one(T.service)).envs.map((e) => [e.name, e.value]));
        assert.equal(envs.GOOGLE_CLOUD_PROJECT, "my-project");
        assert.equal(envs.GOOGLE_CLOUD_LOCATION, "europe-west1");
        assert.equal(envs.GOOGLE_GENAI_USE_VERTEXAI, "true");
        assert.equal(envs.MODEL, "gemini-2.5-flash");
    });

    it("grants no Vertex AI access to a service that does not use models", async function () {
        deploy(service());
        await recorder.settle();
        assert.equal(recorder.ofType(T.projectMember).length, 0);
    });

    it("rewrites references to a database and a cache deployed later in the project, as secrets", async function () {
        const db: PostgresModel = {
            kind: "postgres",
            name: "db",
            aliases: [],
            ports: [host(5432)],
            resources: {},
            dependsOn: [],
            features: [],
            version: "17",
            database: "app",
            user: "app",
            password: { kind: "config", key: "DB_PASSWORD" },
        };
        const cache: RedisModel = { kind: "redis", name: "cache", aliases: [], ports: [host(6379)], resources: {}, dependsOn: [], features: [], engine: "redis", replicas: 1 };
        const web = service({
            environment: [
                { name: "DATABASE_URL", value: { kind: "template", template: "postgres://app:${DB_PASSWORD}@db:5432/app", keys: ["DB_PASSWORD"] } },
                { name: "REDIS_URL", value: { kind: "literal", value: "redis://cache:6379" } },
                { name: "DB_HOST", value: { kind: "literal", value: "db" } },
            ],
        });
        const infra = gcpTestInfrastructure({ components: [web, db, cache] });
        deploy(web, infra);
        deployGcpPostgres({ name: "shop-db", model: db, parent: new TestComponent("shop-db"), infra, config: new ConfigValues(), dependsOn: [] });
        deployGcpRedis({ name: "shop-cache", model: cache, parent: new TestComponent("shop-cache"), infra, config: new ConfigValues(), dependsOn: [] });
        await recorder.settle();
        const value = (variable: string) => unwrapSecrets(recorder.one(T.version, `shop-web-env-${variable}-value`).inputs.secretData);
        assert.equal(value("DATABASE_URL"), "postgres://app:pa55w0rd@10.20.0.3:5432/app");
        assert.equal(value("REDIS_URL"), "rediss://:canned-auth-string@10.20.1.4:6378");
        const envs = containerOf(recorder.one(T.service)).envs;
        assert.deepEqual(
            envs.find((e) => e.name === "DB_HOST"),
            { name: "DB_HOST", value: "10.20.0.3" },
        );
    });

    it("builds from source on Cloud Build into the project's repository, and runs the built image", async function () {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gcp-build-"));
        fs.writeFileSync(path.join(dir, "Dockerfile"), "FROM scratch\n");
        try {
            const model = service({ image: undefined, build: { context: dir, dockerfile: "Dockerfile", args: {} } });
            deploy(model, gcpTestInfrastructure({ builds: true, components: [model] }));
            await recorder.settle();
            const run = recorder.one(T.build);
            assert.equal(run.name, "shop-web-image");
            assert.equal(run.parent, "shop-web");
            const image = String(run.inputs.image);
            assert.match(image, /^europe-west1-docker\.pkg\.dev\/my-project\/images-[0-9a-f]{6}\/web:[0-9a-f]+$/);
            assert.equal(containerOf(recorder.one(T.service)).image, image);
            const request = JSON.parse(String(unwrapSecrets(run.inputs.request))) as { serviceAccount: string; source: { storageSource: { object: string } } };
            assert.match(request.serviceAccount, /^projects\/my-project\/serviceAccounts\/builder-[0-9a-f]{6}@my-project\.iam\.gserviceaccount\.com$/);
            assert.match(request.source.storageSource.object, /^web\/[0-9a-f]{64}\.zip$/);
            assert.equal(recorder.one(T.object).name, "shop-web-context");
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("pulls images of other registries through an Artifact Registry remote repository", async function () {
        deploy(service({ image: "ghcr.io/acme/app:1.2" }));
        await recorder.settle();
        const repository = recorder.one("gcp:artifactregistry/repository:Repository");
        assert.equal(repository.inputs.mode, "REMOTE_REPOSITORY");
        assert.deepEqual(unwrapSecrets(repository.inputs.remoteRepositoryConfig), { dockerRepository: { customRepository: { uri: "https://ghcr.io" } } });
        assert.match(containerOf(recorder.one(T.service)).image, /^europe-west1-docker\.pkg\.dev\/my-project\/remote-ghcr-io-[0-9a-f]{6}\/acme\/app:1\.2$/);
    });

    it("refuses a missing config value, naming it, before creating any resource", async function () {
        const infra = gcpTestInfrastructure({});
        await recorder.settle();
        const before = recorder.registrations.length;
        assert.throws(
            () => deploy(service({ environment: [{ name: "MISSING", value: { kind: "config", key: "MISSING" } }] }), infra),
            (e: unknown) => e instanceof MissingConfigError && /MISSING/.test(e.message),
        );
        await recorder.settle();
        assert.deepEqual(
            recorder.registrations.slice(before).map((r) => r.type),
            ["test:index:Component"],
        );
    });
});
