/**
 * The same compose file means the same thing on AWS, Google Cloud and DigitalOcean, or the cloud
 * refuses it by name before anything is registered: GPUs, platforms, `internal: true` networks,
 * and environment values that name other services (rewritten where names do not resolve natively).
 */
import { strict as assert } from "assert";
import * as path from "path";
import { DefangProject } from "../../provider/src/components/defang-project";
import { UnsupportedFeaturesError } from "../../provider/src/model/errors";
import { CloudName } from "../../provider/src/model/types";
import { REPO_ROOT } from "../support/corpus";
import { isSecretValue, MockRecorder, Registration, setConfig, unwrapSecrets, useMocks, valueOf } from "../support/pulumi-mocks";
import { refusal } from "../support/refusal";

const FIXTURES = path.join(REPO_ROOT, "tests/fixtures/compose-meaning");
const fixture = (name: string) => path.join(FIXTURES, `${name}.yaml`);
const SECRETS = { POSTGRES_PASSWORD: "pg-secret-value", API_KEY: "api-key-value" };
const CLOUD_CONFIG: Record<CloudName, Record<string, string>> = {
    aws: { "defang:provider": "aws", ...SECRETS },
    gcp: { "defang:provider": "gcp", "gcp:project": "meaning-project", "gcp:region": "us-central1", ...SECRETS },
    digitalocean: { "defang:provider": "digitalocean", ...SECRETS },
};
const CLOUDS: CloudName[] = ["aws", "gcp", "digitalocean"];

/** `service.field line: message`, for exact comparison. */
const listed = (e: UnsupportedFeaturesError) => e.features.map((f) => `${f.service}.${f.field} ${f.location?.line}: ${f.message}`);

type Env = Array<{ name: string; value: string }>;
const containerEnv = (template: unknown): Env => (unwrapSecrets(template) as { containers: Array<{ envs: Env }> }).containers[0].envs;
const valueIn = (env: Env, name: string) => env.find((e) => e.name === name)?.value;
/** The env vars of one component of a DigitalOcean App spec. */
function appEnv(app: Registration, name: string): Env {
    const spec = unwrapSecrets(isSecretValue(app.inputs.spec) ? app.inputs.spec.value : app.inputs.spec) as { services?: Array<{ name: string; envs?: Array<{ key: string; value: unknown }> }> };
    const found = (spec.services ?? []).find((c) => c.name === name);
    assert.ok(found, `no service ${name} in the App spec`);
    return (found.envs ?? []).map((e) => ({ name: e.key, value: String(e.value) }));
}

describe("compose meaning kept on every cloud", function () {
    let recorder: MockRecorder;

    before(async function () {
        recorder = await useMocks({}, Object.keys(SECRETS));
    });
    beforeEach(() => recorder.reset());

    async function refused(cloud: CloudName, file: string): Promise<UnsupportedFeaturesError> {
        setConfig(CLOUD_CONFIG[cloud], Object.keys(SECRETS));
        const e = refusal(() => new DefangProject("meaning", { composeFile: fixture(file) }, recorder.opts()));
        await recorder.settle();
        assert.equal(recorder.registrations.length, 0, "nothing registered");
        return e;
    }

    async function deployed(cloud: CloudName, file: string): Promise<DefangProject> {
        setConfig(CLOUD_CONFIG[cloud], Object.keys(SECRETS));
        const project = new DefangProject("meaning", { composeFile: fixture(file) }, recorder.opts());
        await recorder.settle();
        return project;
    }

    describe("GPUs", function () {
        const NO_GPU: Record<"aws" | "digitalocean", string> = {
            aws: "services run on Fargate, which has no GPUs; GPU instances (ECS on EC2) are not created by this package yet",
            digitalocean: "App Platform has no GPUs: the service would run without one",
        };
        for (const cloud of ["aws", "digitalocean"] as const) {
            it(`${cloud}: refuses every GPU service by name, with the count and driver, before anything is registered`, async function () {
                const e = await refused(cloud, "gpus");
                const GPU = NO_GPU[cloud];
                assert.deepEqual(listed(e), [
                    `all.gpus 5: ${GPU} (all GPUs)`,
                    `by-id.deploy.resources.reservations.devices[0] 28: ${GPU} (3 GPUs, device_ids 0, 1, 2)`,
                    `listed.gpus[0] 9: ${GPU} (2 GPUs, driver nvidia, type nvidia-l4)`,
                    `reserved.deploy.resources.reservations.devices[0] 19: ${GPU} (all GPUs, driver nvidia)`,
                ]);
                assert.match(e.message, /fix: deploy this service to Google Cloud \(Cloud Run GPUs\), or remove `gpus` \(or the `capabilities: \[gpu\]` device reservation\) to run it on CPUs/);
            });
        }

        it("gcp: refuses more than one GPU per instance by name (count or device ids), before anything is registered", async function () {
            const e = await refused("gcp", "gpus");
            assert.deepEqual(listed(e), ["by-id.deploy.resources.reservations.devices[0] 28: a Cloud Run instance has one GPU (3 GPUs asked)", "listed.gpus[0] 9: a Cloud Run instance has one GPU (2 GPUs asked)"]);
            assert.match(e.message, /fix: ask for `count: 1` and run more replicas to use more GPUs/);
        });

        it("gcp: runs `gpus: all` and a GPU device reservation on Cloud Run with one NVIDIA GPU, CPU always allocated, at least 4 CPUs and 16 GiB", async function () {
            await deployed("gcp", "gpus-cloud-run");
            const byName = (n: string) => recorder.registrations.find((r) => r.name === n);
            const web = byName("meaning-inference-service");
            assert.ok(web, "the service with a port is a Cloud Run service");
            const template = unwrapSecrets(web.inputs.template) as Record<string, any>;
            assert.deepEqual(template.nodeSelector, { accelerator: "nvidia-l4" });
            assert.equal(template.gpuZonalRedundancyDisabled, true);
            assert.deepEqual(template.containers[0].resources, { limits: { cpu: "4", memory: "16384Mi", "nvidia.com/gpu": "1" }, cpuIdle: false, startupCpuBoost: true });
            const pool = byName("meaning-trainer-pool");
            assert.ok(pool, "the service without a port is a worker pool");
            const poolTemplate = unwrapSecrets(pool.inputs.template) as Record<string, any>;
            // The type from the device's options; its size raised to the type's minimum.
            assert.deepEqual(poolTemplate.nodeSelector, { accelerator: "nvidia-rtx-pro-6000" });
            assert.deepEqual(poolTemplate.containers[0].resources, { limits: { cpu: "20", memory: "81920Mi", "nvidia.com/gpu": "1" } });
            const job = byName("meaning-convert-job");
            assert.ok(job, "a one-off job is a Cloud Run job");
            const jobTemplate = unwrapSecrets(job.inputs.template) as Record<string, any>;
            assert.deepEqual(jobTemplate.template.nodeSelector, { accelerator: "nvidia-l4" });
            assert.deepEqual(jobTemplate.template.containers[0].resources, { limits: { cpu: "6", memory: "20480Mi", "nvidia.com/gpu": "1" } });
            // Services without a GPU keep request-based billing and no accelerator.
            const plain = unwrapSecrets(byName("meaning-web-service")!.inputs.template) as Record<string, any>;
            assert.equal(plain.nodeSelector, undefined);
            assert.deepEqual(plain.containers[0].resources, { limits: { cpu: "1", memory: "512Mi" }, cpuIdle: true, startupCpuBoost: true });
        });
    });

    describe("platforms", function () {
        const PLATFORM = "containers run on Linux, on x86-64 (and on arm64 where the cloud offers it), not on this platform";
        for (const cloud of CLOUDS) {
            it(`${cloud}: refuses windows, 32-bit ARM, 386 and s390x by name`, async function () {
                const e = await refused(cloud, "platforms");
                assert.deepEqual(listed(e), [
                    `armv7.platform 8: ${PLATFORM} (linux/arm/v7)`,
                    `i386.platform 11: ${PLATFORM} (linux/386)`,
                    `s390x.platform 14: ${PLATFORM} (linux/s390x)`,
                    `windows.platform 5: ${PLATFORM} (windows/amd64)`,
                ]);
            });
        }

        it("aws: runs linux/arm64 on Fargate's ARM64 runtime", async function () {
            await deployed("aws", "arm64");
            const task = recorder.one("aws:ecs/taskDefinition:TaskDefinition");
            assert.deepEqual(unwrapSecrets(task.inputs.runtimePlatform), { operatingSystemFamily: "LINUX", cpuArchitecture: "ARM64" });
        });

        for (const cloud of ["gcp", "digitalocean"] as const) {
            it(`${cloud}: refuses linux/arm64 by name (x86-64 only), never runs it as x86-64`, async function () {
                const e = await refused(cloud, "arm64");
                assert.deepEqual(listed(e), ["web.platform 5: arm64 containers are not available: services run on x86-64 (linux/amd64) (linux/arm64)"]);
            });
        }
    });

    describe("internal networks", function () {
        const INTERNAL = "the service is only on `internal: true` networks, so it must have no internet access; this cloud cannot take internet access away from a container yet (network backend)";
        for (const cloud of CLOUDS) {
            it(`${cloud}: refuses a public port on a service only on internal networks`, async function () {
                const e = await refused(cloud, "internal-public");
                const port = listed(e).filter((l) => l.startsWith("hidden.ports[0]"));
                assert.deepEqual(port, ["hidden.ports[0] 7: the service is only on `internal: true` networks, which are not reachable from outside the project, so this port cannot be public (port 80)"]);
            });
        }

        it("digitalocean: refuses a service only on internal networks by name; one also on a normal network is accepted", async function () {
            const e = await refused("digitalocean", "internal");
            assert.deepEqual(listed(e), [`isolated.networks.backend 8: ${INTERNAL}`]);
            assert.match(e.message, /fix: attach the service to a network that is not internal as well/);
        });

        it("aws: refuses an image an isolated service could not pull (Docker Hub), by name", async function () {
            const e = await refused("aws", "internal");
            assert.deepEqual(listed(e), ["isolated.image 6: nginx:1.27 cannot be pulled: the service is only on internal networks (backend), so its tasks reach Amazon ECR and no other registry"]);
            assert.match(e.message, /fix: build the image from source with `build`/);
        });

        it("aws: runs an isolated service in subnets without a route to the internet, with the AWS API endpoints its tasks need", async function () {
            await deployed("aws", "internal-aws");
            const isolatedSubnets = recorder.ofType("aws:ec2/subnet:Subnet").filter((r) => r.name.includes("isolated"));
            assert.deepEqual(
                isolatedSubnets.map((r) => `${r.name} ${r.inputs.cidrBlock} ${r.inputs.mapPublicIpOnLaunch}`),
                ["meaning-isolated-subnet-1 10.0.64.0/20 false", "meaning-isolated-subnet-2 10.0.80.0/20 false"],
            );
            recorder.one("aws:ec2/routeTable:RouteTable", "meaning-isolated-routes");
            assert.equal(recorder.ofType("aws:ec2/routeTableAssociation:RouteTableAssociation").filter((r) => r.inputs.routeTableId === "meaning-isolated-routes-id").length, 2);
            assert.deepEqual(
                recorder.ofType("aws:ec2/route:Route").filter((r) => r.inputs.routeTableId === "meaning-isolated-routes-id"),
                [],
                "no route out of the isolated subnets",
            );
            const endpoints = recorder
                .ofType("aws:ec2/vpcEndpoint:VpcEndpoint")
                .map((r) => `${r.name} ${r.inputs.vpcEndpointType} ${r.inputs.serviceName}`)
                .sort();
            assert.deepEqual(endpoints, [
                "meaning-endpoint-ecr-api Interface com.amazonaws.us-west-2.ecr.api",
                "meaning-endpoint-ecr-dkr Interface com.amazonaws.us-west-2.ecr.dkr",
                "meaning-endpoint-logs Interface com.amazonaws.us-west-2.logs",
                "meaning-endpoint-s3 Gateway com.amazonaws.us-west-2.s3",
                "meaning-endpoint-ssm Interface com.amazonaws.us-west-2.ssm",
            ]);
            const network = (service: string) => unwrapSecrets(recorder.one("aws:ecs/service:Service", `meaning-${service}-service`).inputs.networkConfiguration) as { subnets: string[]; assignPublicIp: boolean };
            assert.deepEqual(network("built").subnets, ["meaning-isolated-subnet-1-id", "meaning-isolated-subnet-2-id"]);
            assert.equal(network("built").assignPublicIp, false);
            assert.ok(!network("bridge").subnets.some((s) => s.includes("isolated")), "a service also on a normal network keeps the project's subnets");
        });

        it("aws: creates no isolated subnet nor endpoint when no service is only on internal networks", async function () {
            await deployed("aws", "names");
            assert.equal(recorder.ofType("aws:ec2/vpcEndpoint:VpcEndpoint").length, 0);
            assert.ok(!recorder.ofType("aws:ec2/subnet:Subnet").some((r) => r.name.includes("isolated")));
        });

        it("gcp: sends all traffic of a service only on internal networks into a subnet without Cloud NAT; the other keeps its egress", async function () {
            await deployed("gcp", "internal");
            const isolated = recorder.one("gcp:compute/subnetwork:Subnetwork", "meaning-isolated-subnet");
            assert.equal(isolated.inputs.ipCidrRange, "10.128.16.0/20");
            assert.equal(isolated.inputs.privateIpGoogleAccess, true);
            const nat = recorder.one("gcp:compute/routerNat:RouterNat");
            assert.equal(nat.inputs.sourceSubnetworkIpRangesToNat, "LIST_OF_SUBNETWORKS");
            assert.deepEqual(
                (nat.inputs.subnetworks as Array<{ name: string }>).map((s) => s.name),
                ["meaning-subnet-id"],
                "no NAT for the isolated subnet",
            );
            const pool = recorder.one("gcp:cloudrunv2/workerPool:WorkerPool", "meaning-isolated-pool");
            const vpc = (unwrapSecrets(pool.inputs.template) as { vpcAccess: { egress: string; networkInterfaces: Array<{ subnetwork: string }> } }).vpcAccess;
            assert.equal(vpc.egress, "ALL_TRAFFIC");
            assert.equal(vpc.networkInterfaces[0].subnetwork, "meaning-isolated-subnet-id");
            const bridge = recorder.one("gcp:cloudrunv2/service:Service", "meaning-bridge-service");
            const bridgeVpc = (unwrapSecrets(bridge.inputs.template) as { vpcAccess: { egress: string; networkInterfaces: Array<{ subnetwork: string }> } }).vpcAccess;
            assert.deepEqual(bridgeVpc, { egress: "ALL_TRAFFIC", networkInterfaces: [{ network: "meaning-network-id", subnetwork: "meaning-subnet-id" }] });
            assert.equal(recorder.ofType("gcp:compute/subnetwork:Subnetwork").length, 2);
        });

        it("gcp: creates no isolated subnet when no service is only on internal networks", async function () {
            await deployed("gcp", "names");
            assert.equal(recorder.ofType("gcp:compute/subnetwork:Subnetwork").length, 1);
        });
    });

    describe("environment values that name other services", function () {
        it("aws: keeps every value as written (Cloud Map resolves names and aliases)", async function () {
            await deployed("aws", "names");
            const task = recorder.one("aws:ecs/taskDefinition:TaskDefinition", "meaning-web-task");
            const env = (JSON.parse(unwrapSecrets(task.inputs.containerDefinitions) as string) as Array<{ environment: Env }>)[0].environment;
            assert.equal(valueIn(env, "API_URL"), "http://api:8080/v1");
            assert.equal(valueIn(env, "UPSTREAMS"), "api:8080,backend:8080");
            assert.equal(valueIn(env, "DB_HOST"), "db");
            assert.equal(valueIn(env, "DOCS"), "http://example.com/api");
        });

        it("gcp: rewrites names and aliases to the run.app host and the database's address with the shared grammar", async function () {
            const project = await deployed("gcp", "names");
            const endpoints = await valueOf(project.endpoints);
            const api = recorder.one("gcp:cloudrunv2/service:Service", "meaning-api-service");
            const host = `${api.inputs.name}-123456789012.us-central1.run.app`;
            assert.deepEqual(endpoints.api, ["api:8080"]);
            const env = containerEnv(recorder.one("gcp:cloudrunv2/service:Service", "meaning-web-service").inputs.template);
            assert.equal(valueIn(env, "API_URL"), `https://${host}/v1`);
            assert.equal(valueIn(env, "UPSTREAMS"), `${host}:443,${host}:443`);
            assert.equal(valueIn(env, "DB_HOST"), "10.20.0.3");
            assert.equal(valueIn(env, "DOCS"), "http://example.com/api", "a name in a path is not a host");
            assert.equal(valueIn(env, "RAPID"), "rapid");
        });

        it("digitalocean: rewrites the same places: compose names to component names, the database to its host", async function () {
            await deployed("digitalocean", "names");
            const env = appEnv(recorder.one("digitalocean:index/app:App"), "web");
            assert.equal(valueIn(env, "API_URL"), "http://api:8080/v1");
            assert.equal(valueIn(env, "UPSTREAMS"), "api:8080,api:8080", "the alias becomes the component name");
            assert.notEqual(valueIn(env, "DB_HOST"), "db");
            assert.equal(valueIn(env, "DOCS"), "http://example.com/api");
            assert.equal(valueIn(env, "RAPID"), "rapid");
        });
    });
});
