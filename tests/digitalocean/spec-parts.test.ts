/**
 * Parts of the App spec: component kinds, ports, run command, health checks, ingress routing,
 * domains, model access.
 */
import { strict as assert } from "assert";
import { AppComponent, componentKind, componentSpec, runCommand, servicePorts } from "../../provider/src/clouds/digitalocean/compute/component-spec";
import { chooseZone, zoneCandidates } from "../../provider/src/clouds/digitalocean/ingress/domain";
import { serviceHealthCheck, workerLivenessCheck } from "../../provider/src/clouds/digitalocean/compute/health-check";
import { planIngress, publicUrl } from "../../provider/src/clouds/digitalocean/ingress/ingress";
import { INFERENCE_ENDPOINT, MODEL_ACCESS_KEY_CONFIG, modelAccessEnvironment } from "../../provider/src/clouds/digitalocean/models/model-access";
import { HealthcheckModel, ServiceModel } from "../../provider/src/model/types";

function service(extra: Partial<ServiceModel> = {}): ServiceModel {
    return { kind: "service", name: "svc", aliases: [], ports: [], resources: {}, dependsOn: [], features: [], environment: [], replicas: 1, architecture: "x86_64", image: "nginx", ...extra };
}
const hc = (extra: Partial<HealthcheckModel> = {}): HealthcheckModel => ({ test: ["CMD", "true"], intervalSeconds: 30, timeoutSeconds: 5, retries: 3, startPeriodSeconds: 0, ...extra });

/** The spec of a component that must be a job. */
function jobSpec(c: AppComponent) {
    if (c.kind !== "jobs") return assert.fail(`a job was expected, not ${c.kind}`);
    return c.spec;
}

/** The spec of a component that must be a service. */
function serviceSpec(c: AppComponent) {
    if (c.kind !== "services") return assert.fail(`a service was expected, not ${c.kind}`);
    return c.spec;
}

describe("App components", function () {
    it("makes a service of a service with ports, a job of a one-shot service, a worker of the rest", function () {
        assert.equal(componentKind(service({ ports: [{ target: 80, mode: "host", protocol: "tcp" }] })), "services");
        assert.equal(componentKind(service({ lifecycle: "job" })), "jobs");
        assert.equal(componentKind(service()), "workers");
    });

    it("uses the ingress port as HTTP port and the others as internal ports", function () {
        const ports = servicePorts(
            service({
                ports: [
                    { target: 9090, mode: "host", protocol: "tcp" },
                    { target: 8080, mode: "ingress", protocol: "tcp" },
                    { target: 9091, mode: "host", protocol: "tcp" },
                ],
            }),
        );
        assert.deepEqual(ports, { httpPort: 8080, internalPorts: [9090, 9091] });
    });

    it("joins entrypoint and command into one quoted run command", function () {
        assert.equal(runCommand(service({ entrypoint: ["sh", "-c"], command: ["echo hi && sleep 1"] })), "sh -c 'echo hi && sleep 1'");
        assert.equal(runCommand(service()), undefined);
    });

    it("runs a job before deployments when another service depends on it, after them otherwise", function () {
        const job = service({ lifecycle: "job" });
        assert.equal(jobSpec(componentSpec({ component: "migrate", model: job, envs: [], source: { image: { registryType: "DOCKER_HUB", registry: "library", repository: "x" } }, dependedOn: true })).kind, "PRE_DEPLOY");
        assert.equal(
            jobSpec(componentSpec({ component: "migrate", model: job, envs: [], source: { image: { registryType: "DOCKER_HUB", registry: "library", repository: "x" } }, dependedOn: false })).kind,
            "POST_DEPLOY",
        );
        const copies = componentSpec({
            component: "seed",
            model: service({ lifecycle: "job", replicas: 3 }),
            envs: [],
            source: { image: { registryType: "DOCKER_HUB", registry: "library", repository: "x" } },
            dependedOn: false,
        });
        assert.equal(copies.spec.instanceCount, 3, "deploy.replicas instances of the job");
    });

    it("autoscales between min and max on a dedicated size, else runs the replicas", function () {
        const source = { image: { registryType: "DOCKER_HUB" as const, registry: "library", repository: "x" } };
        const scaled = serviceSpec(
            componentSpec({
                component: "web",
                model: service({ ports: [{ target: 80, mode: "ingress", protocol: "tcp" }], autoscaling: { minReplicas: 2, maxReplicas: 6, targetCpuPercent: 70 } }),
                envs: [],
                source,
                dependedOn: false,
            }),
        );
        assert.deepEqual(scaled.autoscaling, { minInstanceCount: 2, maxInstanceCount: 6, metrics: { cpu: { percent: 70 } } });
        assert.equal(scaled.instanceCount, undefined);
        assert.match(String(scaled.instanceSizeSlug), /^apps-d-/);
        const fixed = componentSpec({ component: "web", model: service({ replicas: 3, stopGracePeriodSeconds: 900 }), envs: [], source, dependedOn: false });
        assert.equal(fixed.spec.instanceCount, 3);
        assert.deepEqual(fixed.spec.termination, { gracePeriodSeconds: 600 });
    });

    it("writes only the fields that are set", function () {
        const image = { registryType: "DOCKER_HUB" as const, registry: "library", repository: "x", tag: "1" };
        const worker = componentSpec({ component: "queue", model: service(), envs: [], source: { image }, dependedOn: false });
        assert.equal(worker.kind, "workers");
        assert.deepEqual(worker.spec, { name: "queue", image, instanceSizeSlug: worker.spec.instanceSizeSlug, envs: [], instanceCount: 1 });
        const git = { repoCloneUrl: "https://github.com/o/r.git", branch: "main", dockerfilePath: "Dockerfile" };
        const built = serviceSpec(
            componentSpec({ component: "web", model: service({ image: undefined, ports: [{ target: 80, mode: "ingress", protocol: "tcp" }] }), envs: [], source: { git, buildArgs: [] }, dependedOn: false }),
        );
        assert.deepEqual(Object.keys(built), ["name", "git", "dockerfilePath", "instanceSizeSlug", "envs", "instanceCount", "httpPort"]);
    });

    it("builds a git context with App Platform", function () {
        const git = { repoCloneUrl: "https://github.com/o/r.git", branch: "main", dockerfilePath: "app/Dockerfile", sourceDir: "app" };
        const spec = componentSpec({ component: "web", model: service({ image: undefined }), envs: [], source: { git, buildArgs: [] }, dependedOn: false }).spec;
        assert.deepEqual([spec.git, spec.dockerfilePath, spec.sourceDir, spec.image], [{ repoCloneUrl: git.repoCloneUrl, branch: "main" }, "app/Dockerfile", "app", undefined]);
    });
});

describe("App health checks", function () {
    it("probes the HTTP path of a curl healthcheck, on its port when it is not the service's", function () {
        assert.deepEqual(serviceHealthCheck(hc({ http: { path: "/health", port: 9000 } }), 8080), { httpPath: "/health", port: 9000, periodSeconds: 30, timeoutSeconds: 5, failureThreshold: 3, initialDelaySeconds: 0 });
        assert.equal(serviceHealthCheck(hc({ http: { path: "/health", port: 8080 } }), 8080)?.port, undefined);
    });

    it("falls back to a TCP check for other tests, and keeps values within App Platform's limits", function () {
        assert.deepEqual(serviceHealthCheck(hc({ intervalSeconds: 1000, timeoutSeconds: 0.2, retries: 0 }), 80), { periodSeconds: 300, timeoutSeconds: 1, failureThreshold: 1, initialDelaySeconds: 0 });
        assert.equal(serviceHealthCheck(undefined, 80), undefined);
    });

    it("gives workers HTTP liveness checks only", function () {
        assert.equal(workerLivenessCheck(hc()), undefined);
        assert.equal(workerLivenessCheck(hc({ http: { path: "/live", port: 9000 } }))?.port, 9000);
    });
});

describe("App ingress", function () {
    it("puts the service published on 80 at /, the others at /<name>, domains first", function () {
        const plan = planIngress([{ component: "api" }, { component: "web", published: 80, domain: "shop.example.com" }]);
        assert.deepEqual(plan.rules, [
            { component: "web", prefix: "/", authority: "shop.example.com" },
            { component: "api", prefix: "/api" },
            { component: "web", prefix: "/" },
        ]);
        assert.equal(publicUrl("https://x.ondigitalocean.app/", "/api"), "https://x.ondigitalocean.app/api");
        assert.equal(publicUrl("https://x.ondigitalocean.app", "/"), "https://x.ondigitalocean.app");
        assert.equal(publicUrl("https://x.ondigitalocean.app", "/", "shop.example.com"), "https://shop.example.com");
    });
});

describe("App domains", function () {
    it("finds the longest zone of the account that holds the domain", function () {
        assert.deepEqual(zoneCandidates("a.b.example.com"), ["a.b.example.com", "b.example.com", "example.com"]);
        assert.equal(chooseZone("a.b.example.com", ["example.com", "b.example.com"]), "b.example.com");
        assert.equal(chooseZone("shop.example.org", ["example.com"]), undefined);
    });
});

describe("serverless inference access", function () {
    it("gives the endpoint, the key from config and the first model, unless the service sets them", function () {
        const env = modelAccessEnvironment(service({ llm: { models: ["llama3.3-70b-instruct"] } }));
        assert.deepEqual(env, [
            { name: MODEL_ACCESS_KEY_CONFIG, value: { kind: "config", key: MODEL_ACCESS_KEY_CONFIG } },
            { name: "OPENAI_BASE_URL", value: { kind: "literal", value: INFERENCE_ENDPOINT } },
            { name: "OPENAI_API_KEY", value: { kind: "config", key: MODEL_ACCESS_KEY_CONFIG } },
            { name: "MODEL", value: { kind: "literal", value: "llama3.3-70b-instruct" } },
        ]);
        const own = modelAccessEnvironment(service({ llm: { models: [] }, environment: [{ name: "OPENAI_API_KEY", value: { kind: "literal", value: "x" } }] }));
        assert.deepEqual(
            own.map((e) => e.name),
            [MODEL_ACCESS_KEY_CONFIG, "OPENAI_BASE_URL"],
        );
        assert.deepEqual(modelAccessEnvironment(service()), []);
    });
});
