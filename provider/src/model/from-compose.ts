/**
 * Canonical compose project -> cloud-neutral model. Services are classified by their extensions:
 * `x-defang-postgres` (managed PostgreSQL), `x-defang-redis` (managed Redis/Valkey), `x-defang-mongodb`
 * (managed MongoDB-compatible database), anything else
 * is a container service (`x-defang-llm` gives it managed model access).
 */
import * as path from "path";
import { extensionEnabled } from "../compose/extension-flags";
import { SourceLocator } from "../compose/locator";
import { ComposeProject, ComposeService } from "../compose/types";
import { parseDuration } from "../compose/canonical/units";
import { completionWaiters, serviceLifecycle } from "../compose/lifecycle";
import { splitBuildArgs } from "./build-args";
import { dependencyOrder } from "./dependencies";
import { configKeysOfComponent, environmentFromCompose, literalValue } from "./environment";
import { gpuFeatures, gpusFromCompose, otherDeviceFeatures } from "./gpus";
import { healthcheckFromCompose } from "./healthcheck";
import { cacheEngine, imageVersion } from "./image";
import { clientKeyFeature, modelEndpointNames, modelUsesOf, MODEL_ENDPOINT_PORT, MODEL_ENDPOINT_RESOURCES, ownModelNameFeatures, providerModel, providerUse, topLevelModelEndpoints } from "./model-endpoints";
import { mountsFromCompose, sharedWriters } from "./mounts";
import { internalOnlyNetworks } from "./networks";
import { platformOf } from "./platform";
import { exposedPorts, portsFromCompose } from "./ports";
import { resourcesFromCompose } from "./resources";
import { fileMountsFromCompose } from "./file-mounts";
import { hostFeatures } from "./service-features";
import { tableFeatures } from "./translation/uses";
import { BuildModel, EnvVar, ComponentModel, FeatureId, FeatureUse, MongoModel, PostgresModel, ProjectModel, RedisModel, ServiceModel } from "./types";

/** How many replicas autoscaling may add at most, when `x-defang-autoscaling: true` gives no bound. */
export const DEFAULT_MAX_REPLICAS = 10;
/** Average CPU utilisation that autoscaling keeps services at. */
export const DEFAULT_TARGET_CPU_PERCENT = 70;

export interface ModelOptions {
    /** Resolves relative build contexts. @default process.cwd() */
    workingDir?: string;
    locator?: SourceLocator;
}

export function projectFromCompose(project: ComposeProject, options: ModelOptions = {}): ProjectModel {
    const workingDir = options.workingDir ?? process.cwd();
    const waiters = completionWaiters(project);
    const components = Object.entries(project.services)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, svc]) => componentFromCompose(name, svc, workingDir, waiters.has(name), project.networks, project));
    components.push(...modelEndpointsOf(project, components));
    // Named volumes written by several services or replicas at once.
    for (const [name, uses] of sharedWriters(components.filter((c): c is ServiceModel => c.kind === "service"))) components.find((c) => c.name === name)!.features.push(...uses);
    const keys = new Set(components.flatMap(configKeysOfComponent));
    const locator = options.locator;
    return {
        name: project.name,
        components: dependencyOrder(components),
        configKeys: [...keys].sort(),
        locate: locator ? (service, field) => locator.locate(["services", service, ...field]) : undefined,
    };
}

/**
 * The model endpoints of the project's top-level models, and the uses of every model endpoint by
 * the services (their `models`, or their dependency on a provider service); see `model-endpoints.ts`.
 */
function modelEndpointsOf(project: ComposeProject, components: ComponentModel[]): ServiceModel[] {
    const names = modelEndpointNames(project);
    const endpoints = topLevelModelEndpoints(project, names);
    const providers = new Map(components.filter((c): c is ServiceModel => c.kind === "service" && !!c.modelEndpoint).map((c) => [c.name, c]));
    for (const c of components) {
        if (c.kind !== "service") continue;
        const svc = project.services[c.name];
        if (!svc) throw new Error(`service "${c.name}" is not a service of the compose project`);
        const uses = modelUsesOf(svc, project, names);
        for (const d of c.dependsOn) {
            const provider = providers.get(d);
            if (provider) uses.push(providerUse(provider));
        }
        if (uses.length === 0) continue;
        c.modelUses = uses;
        const keyFeature = clientKeyFeature(c);
        if (keyFeature) c.features.push(keyFeature);
        c.features.push(...ownModelNameFeatures(c));
        c.dependsOn = [...new Set([...c.dependsOn, ...uses.map((u) => u.endpoint)])].sort();
    }
    return endpoints;
}

/**
 * One compose service (canonical form) as a model component. `awaited`: another service of the
 * project waits for it to complete successfully (which can make it a one-off job). `networks`: the
 * project's networks, to tell a service that is only on internal ones.
 */
export function componentFromCompose(
    name: string,
    svc: ComposeService,
    workingDir: string,
    awaited = false,
    networks?: ComposeProject["networks"],
    definitions: Pick<ComposeProject, "volumes" | "secrets" | "configs"> = {},
): ComponentModel {
    const features = hostFeatures(svc);
    // What the table refuses of an attribute as a whole (cap_add, volumes_from, ...), unless found above more precisely.
    for (const f of tableFeatures(svc)) if (!features.some((g) => g.feature === f.feature)) features.push(f);
    const published = portsFromCompose(svc.ports);
    const base = {
        name,
        aliases: aliasesOf(svc),
        ports: [...published, ...exposedPorts(svc.expose, published)],
        resources: resourcesFromCompose(svc.deploy, { cpus: svc.cpus, mem_reservation: svc.mem_reservation, mem_limit: svc.mem_limit }),
        dependsOn: Object.keys(svc.depends_on ?? {}).sort(),
        features,
    };
    const gpus = gpusFromCompose(svc);
    if (gpus) base.resources.gpus = gpus;
    // Each cloud decides of GPUs by its own feature, named with the count, driver and type.
    base.features.push(...(gpus ? gpuFeatures(gpus) : []), ...otherDeviceFeatures(svc));
    if (extensionEnabled(svc["x-defang-postgres"])) return postgresFromCompose(svc, base);
    if (extensionEnabled(svc["x-defang-redis"])) return redisFromCompose(svc, base);
    if (extensionEnabled(svc["x-defang-mongodb"])) return mongoFromCompose(svc, base);
    const service = serviceFromCompose(svc, base, workingDir, awaited, networks, definitions.volumes);
    const files = fileMountsFromCompose(svc, definitions, workingDir);
    if (files.mounts.length > 0) service.files = files.mounts;
    service.features.push(...files.features);
    return service;
}

type Base = Omit<ServiceModel, "kind" | "environment" | "replicas" | "architecture">;

function serviceFromCompose(svc: ComposeService, base: Base, workingDir: string, awaited: boolean, networks: ComposeProject["networks"], volumes: ComposeProject["volumes"]): ServiceModel {
    const platform = platformOf(svc);
    base.features.push(...platform.features);
    const mounts = mountsFromCompose(svc, volumes);
    base.features.push(...mounts.features);
    const model: ServiceModel = {
        kind: "service",
        ...base,
        environment: environmentFromCompose(svc.environment),
        replicas: replicasOf(svc),
        architecture: platform.architecture,
    };
    const internal = internalOnlyNetworks(svc, networks);
    const [firstInternal] = internal ?? [];
    if (internal && firstInternal !== undefined) {
        model.internalNetworks = internal;
        base.features.push({ feature: "internal-network", field: ["networks", firstInternal], detail: `${internal.length === 1 ? "network" : "networks"} ${internal.join(", ")}` });
    }
    if (mounts.mounts.length > 0) model.mounts = mounts.mounts;
    if (svc.image) model.image = svc.image;
    if (svc.build) model.build = buildFromCompose(svc.build, workingDir, base.features);
    const provider = providerModel(svc);
    if (provider && "problem" in provider) base.features.push(provider.problem);
    else if (provider) {
        model.modelEndpoint = { model: provider.model, declaredAt: { service: base.name, field: ["provider", "options", "model"], what: `provider service "${base.name}"` } };
        // Reached by its name, as in Compose (`http://llm/...`), on the port its gateway listens on.
        if (model.ports.length === 0) model.ports = [{ target: MODEL_ENDPOINT_PORT, mode: "host", protocol: "tcp", appProtocol: "http" }];
        // Its gateway's size, unless the service gives one.
        if (model.resources.cpus === undefined && model.resources.memoryMiB === undefined) model.resources = { ...model.resources, ...MODEL_ENDPOINT_RESOURCES };
    } else if (!svc.image && !svc.build) base.features.push({ feature: "no-image", field: [] });
    if (svc.command) model.command = svc.command;
    if (svc.entrypoint) model.entrypoint = svc.entrypoint;
    if (svc.working_dir) model.workingDir = svc.working_dir;
    if (svc.user) model.user = svc.user;
    const healthcheck = healthcheckFromCompose(svc.healthcheck);
    if (healthcheck) model.healthcheck = healthcheck;
    if (svc.stop_grace_period) model.stopGracePeriodSeconds = Math.round(parseDuration(svc.stop_grace_period) / 1e9);
    if (svc.domainname) model.domainname = svc.domainname;
    if (extensionEnabled(svc["x-defang-autoscaling"])) {
        const min = Math.max(1, model.replicas);
        model.autoscaling = { minReplicas: min, maxReplicas: Math.max(min, DEFAULT_MAX_REPLICAS), targetCpuPercent: DEFAULT_TARGET_CPU_PERCENT };
    }
    if (extensionEnabled(svc["x-defang-llm"])) model.llm = { models: llmModels(svc["x-defang-llm"]) };
    if (serviceLifecycle(svc, awaited) === "job") {
        // Run once at deploy: nothing can reach it afterwards (the loader warns of ports and domain names).
        model.lifecycle = "job";
        model.ports = [];
        delete model.domainname;
    }
    return model;
}

/** `deploy.replicas`, else the older `scale`, else 1. */
function replicasOf(svc: ComposeService): number {
    return svc.deploy?.replicas ?? (typeof svc.scale === "number" ? svc.scale : 1);
}

/** `x-defang-llm: { models: [...] }` names the models; `true` leaves them to the environment. */
function llmModels(ext: unknown): string[] {
    const models = (ext as { models?: unknown } | null)?.models;
    return Array.isArray(models) ? models.map(String) : [];
}

function buildFromCompose(build: NonNullable<ComposeService["build"]>, workingDir: string, features: FeatureUse[]): BuildModel {
    if (/^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(build.context)) {
        features.push({ feature: "remote-build-context", field: ["build", "context"], detail: build.context });
        // What a git build by the cloud itself cannot be told (DigitalOcean's App Platform takes a repository, a directory and a Dockerfile path).
        if (build.target) features.push({ feature: "git-build-target", field: ["build", "target"], detail: build.target });
        if (build.dockerfile_inline) features.push({ feature: "git-build-inline-dockerfile", field: ["build", "dockerfile_inline"] });
    }
    const model: BuildModel = {
        context: path.resolve(workingDir, build.context),
        dockerfile: build.dockerfile ?? "Dockerfile",
        ...splitBuildArgs({ ...(build.args ?? {}) }),
    };
    if (build.target) model.target = build.target;
    if (build.dockerfile_inline) model.dockerfileInline = build.dockerfile_inline;
    return model;
}

/** Compose `networks.<n>.aliases`, de-duplicated and sorted. */
function aliasesOf(svc: ComposeService): string[] {
    const out = new Set<string>();
    for (const n of Object.values(svc.networks ?? {})) for (const a of n?.aliases ?? []) out.add(a);
    return [...out].sort();
}

function postgresFromCompose(svc: ComposeService, base: Base): PostgresModel {
    const env = environmentFromCompose(svc.environment);
    const user = literalValue(env, "POSTGRES_USER") ?? "postgres";
    const model: PostgresModel = {
        kind: "postgres",
        ...base,
        database: literalValue(env, "POSTGRES_DB") ?? user,
        user,
        password: { kind: "generated" },
    };
    if (svc.image) model.image = svc.image;
    const version = imageVersion(svc.image);
    if (version) model.version = version;
    const password = passwordOf(env, "POSTGRES_PASSWORD", "postgres-password-template", base.features);
    if (password) model.password = password;
    return model;
}

/** A database password variable: a config key, a literal (an input), or undefined (generated); a template is refused as `feature`. */
function passwordOf(env: EnvVar[], variable: string, feature: FeatureId, features: FeatureUse[]): PostgresModel["password"] | undefined {
    const pw = env.find((e) => e.name === variable)?.value;
    if (pw?.kind === "config") return { kind: "config", key: pw.key };
    const [onlyKey] = pw?.kind === "template" ? pw.keys : [];
    if (pw?.kind === "template" && onlyKey !== undefined && pw.template === `\${${onlyKey}}`) return { kind: "config", key: onlyKey };
    if (pw?.kind === "template") features.push({ feature, field: ["environment", variable] });
    else if (pw?.kind === "literal") return { kind: "input", value: pw.value };
    return undefined;
}

/** The root user of the mongo image when `MONGO_INITDB_ROOT_USERNAME` is not set. */
export const DEFAULT_MONGO_USER = "mongo";
/** The database MongoDB drivers use when a URL names none. */
export const DEFAULT_MONGO_DATABASE = "test";

function mongoFromCompose(svc: ComposeService, base: Base): MongoModel {
    const env = environmentFromCompose(svc.environment);
    const userValue = env.find((e) => e.name === "MONGO_INITDB_ROOT_USERNAME")?.value;
    if (userValue && userValue.kind !== "literal") base.features.push({ feature: "mongo-user-not-literal", field: ["environment", "MONGO_INITDB_ROOT_USERNAME"] });
    const model: MongoModel = {
        kind: "mongo",
        ...base,
        database: literalValue(env, "MONGO_INITDB_DATABASE") ?? DEFAULT_MONGO_DATABASE,
        user: literalValue(env, "MONGO_INITDB_ROOT_USERNAME") ?? DEFAULT_MONGO_USER,
        password: { kind: "generated" },
        replicas: Math.max(1, svc.deploy?.replicas ?? 1),
    };
    if (svc.image) model.image = svc.image;
    const version = imageVersion(svc.image);
    if (version) model.version = version;
    const password = passwordOf(env, "MONGO_INITDB_ROOT_PASSWORD", "mongo-password-template", base.features);
    if (password) model.password = password;
    return model;
}

function redisFromCompose(svc: ComposeService, base: Base): RedisModel {
    const model: RedisModel = { kind: "redis", ...base, engine: cacheEngine(svc.image), replicas: Math.max(1, replicasOf(svc)) };
    if (svc.image) model.image = svc.image;
    const version = imageVersion(svc.image);
    if (version) model.version = version;
    return model;
}
