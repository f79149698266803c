/**
 * The cloud-neutral model: what a compose project or a component's arguments mean, once, so that
 * every cloud backend reads the same thing. Built by `from-compose.ts` and `components/model-from-args.ts` through
 * the same functions. No cloud SDK and no Pulumi resource here; values from a TypeScript program
 * (`pulumi.Input`) travel through as opaque `input` values.
 */
import { MountModel } from "./mount-model";
import type { FeatureId } from "./translation/features";

export { CLOUD_NAMES, CloudName } from "./cloud-name";
export type { FeatureId } from "./translation/features";

/** Where a value was written, for error messages. */
export interface SourceLocation {
    file?: string;
    line?: number;
    column?: number;
}

/**
 * One environment variable's value.
 * - `literal`: written in the file or the program; goes to the runtime as plain environment.
 * - `config`: written without a value; the whole value is sensitive config, read from Pulumi config as a secret.
 * - `template`: a value with `${KEY}` references to sensitive config, e.g. `postgres://u:${DB_PASSWORD}@db/app`;
 *   the result is a secret.
 * - `input`: a `pulumi.Input<string>` from a program (e.g. another component's output); treated as a secret
 *   because it may be one.
 */
export type EnvValue = { kind: "literal"; value: string } | { kind: "config"; key: string } | { kind: "template"; template: string; keys: string[] } | { kind: "input"; value: unknown };

export interface EnvVar {
    name: string;
    value: EnvValue;
}

export type PortMode = "ingress" | "host";

export interface PortModel {
    /** The port the container listens on. */
    target: number;
    /**
     * `ingress`: public, on the cloud's front end. `host`: private, reachable from the project's
     * services only (compose `expose`, `mode: host`, or a `host_ip` the internet cannot reach).
     */
    mode: PortMode;
    protocol: "tcp" | "udp";
    /** As written (`http`, `http2`, `grpc`, `tcp`, ...); see `portTraffic` in `ports.ts` for what it means. */
    appProtocol?: string;
    /** The public port, when written; defaults to `target`. */
    published?: number;
    /** A published range (`8000-8010:80`: one port per replica in Docker), as written; refused by every cloud. */
    publishedRange?: string;
    /** The host address the port was bound to, as written (`127.0.0.1`, `::1`, `0.0.0.0`). */
    hostIp?: string;
    /** Where it was written: `["ports", i]` or `["expose", i]`; absent means `["ports", <its index>]`. */
    field?: Array<string | number>;
}

export interface HealthcheckModel {
    /** `["CMD", ...]` or `["CMD-SHELL", "..."]`. */
    test: string[];
    intervalSeconds: number;
    timeoutSeconds: number;
    retries: number;
    startPeriodSeconds: number;
    /** When the test is an HTTP probe of localhost (curl/wget): its path and port. */
    http?: { path: string; port?: number };
}

/** A build argument read from config: `${KEY}` alone, or a template over config keys. */
export interface BuildArgFromConfig {
    name: string;
    value: Extract<EnvValue, { kind: "config" } | { kind: "template" }>;
}

export interface BuildModel {
    /** Absolute path of the build context. */
    context: string;
    /** The Dockerfile, relative to the context. */
    dockerfile: string;
    /** Build arguments with a value known when the compose file is read: passed as written. */
    args: Record<string, string>;
    /**
     * Build arguments whose value comes from sensitive config (a `${KEY}` that has no value when the
     * file is read): resolved at deployment, kept secret, and handed to the cloud's builder from its
     * secret store (see `build-args.ts`). Absent when there is none.
     */
    configArgs?: BuildArgFromConfig[];
    target?: string;
    /** An inline Dockerfile (`dockerfile_inline`), used instead of `dockerfile`. */
    dockerfileInline?: string;
}

/** What the service asks for: reservations, else limits. */
export interface ResourcesModel {
    /** Virtual CPUs, e.g. 0.5. */
    cpus?: number;
    /** Memory in MiB. */
    memoryMiB?: number;
    /** GPUs asked for with `gpus` or `reservations.devices` (capabilities: [gpu]). */
    gpus?: GpuModel;
}

/** GPUs a service asks for (see `gpus.ts`): Cloud Run runs them; AWS and DigitalOcean refuse them by name. */
export interface GpuModel {
    /** How many, summed over the requests; `all`: every GPU of the machine (`gpus: all`, `count: all`, or the canonical `-1`). */
    count: number | "all";
    /** The first `driver` written (e.g. `nvidia`). */
    driver?: string;
    /** A GPU type named in `options` (`gpu-type`, `type`, `model`), for clouds that offer several. */
    type?: string;
    /** `device_ids` as written. */
    deviceIds?: string[];
    /** Where the first request was written, e.g. `["gpus"]` or `["deploy", "resources", "reservations", "devices", 0]`. */
    field: Array<string | number>;
}

export interface AutoscalingModel {
    minReplicas: number;
    maxReplicas: number;
    /** Scale out above this average CPU utilisation. */
    targetCpuPercent: number;
}

/** Managed model access (x-defang-llm / DefangLLM). */
export interface LlmAccessModel {
    /** Model ids the service may invoke; empty means the models named in its environment, else any. */
    models: string[];
    /**
     * Bedrock foundation model ids that are called through a cross-Region inference profile of the
     * Region's geography (`us.`, `eu.`, `apac.`): the profile and the foundation model are allowed.
     */
    profileModels?: string[];
}

/**
 * A service that is an OpenAI-compatible model endpoint: a top-level compose model used by some
 * service, or a `provider: type: model` service. Each cloud decides what serves it
 * (`clouds/model-endpoints.ts`).
 */
export interface ModelEndpointModel {
    /** The model as written: a Docker model (`ai/llama3.3`) or a cloud model id. */
    model: string;
    /** Where the model was declared, for messages: the service and field a refusal points at. */
    declaredAt: { service: string; field: Array<string | number>; what: string };
}

/** A model a service uses, and the variables that tell it where (compose `models`, or a dependency on a provider service). */
export interface ModelUse {
    /** The component name of the model endpoint. */
    endpoint: string;
    /** The model as written. */
    model: string;
    /** Gets the endpoint's OpenAI-compatible base URL. */
    urlVariable: string;
    /** Gets the model id the endpoint serves. */
    modelVariable: string;
}

/** A feature used by a service that some cloud may not support; checked before any resource exists. */
export interface FeatureUse {
    /** A fixed id of the feature table (`translation/features.ts`), e.g. `privileged`, `udp-port`; what varies goes in `detail`. */
    feature: FeatureId;
    /** The attribute path inside the service, e.g. `["ports", 0]`. */
    field: Array<string | number>;
    /** What exactly, for the message (e.g. "port 53/udp"). */
    detail?: string;
}

/**
 * A file of a service's `secrets:` or `configs:`, at its Compose path (see `file-mounts.ts`).
 * The content is never here: a config key (read as a secret when deployed), a local file's path,
 * or a config's `content:` as written (not a secret).
 */
export interface FileMountModel {
    kind: "secret" | "config";
    /** The secret's or config's name in the compose file. */
    name: string;
    /** The absolute path of the file in the container. */
    target: string;
    /** Permission bits, e.g. 0o444. */
    mode: number;
    uid?: string;
    gid?: string;
    content: { kind: "config"; key: string } | { kind: "local-file"; path: string } | { kind: "literal"; value: string };
    /** Where it was written, e.g. `["secrets", 0]`. */
    field: Array<string | number>;
}

interface ComponentModelBase {
    /** The compose service name: also the private DNS name other services use. */
    name: string;
    /** Extra DNS names (`networks.<n>.aliases`). */
    aliases: string[];
    ports: PortModel[];
    resources: ResourcesModel;
    /** Names of the services this one depends on (start order). */
    dependsOn: string[];
    features: FeatureUse[];
}

export interface ServiceModel extends ComponentModelBase {
    kind: "service";
    image?: string;
    build?: BuildModel;
    command?: string[];
    entrypoint?: string[];
    workingDir?: string;
    user?: string;
    environment: EnvVar[];
    healthcheck?: HealthcheckModel;
    replicas: number;
    architecture: "x86_64" | "arm64";
    /**
     * Present when every compose network of the service is `internal: true`: the service must have
     * no internet egress (it still reaches the project's services). Names those networks.
     */
    internalNetworks?: string[];
    stopGracePeriodSeconds?: number;
    /** Named volumes, anonymous volumes and tmpfs mounted in the container (see `mounts.ts`). */
    mounts?: MountModel[];
    domainname?: string;
    autoscaling?: AutoscalingModel;
    llm?: LlmAccessModel;
    /** Present when the service is a model endpoint (see `ModelEndpointModel`). */
    modelEndpoint?: ModelEndpointModel;
    /** The model endpoints the service uses, with the variables each one sets. */
    modelUses?: ModelUse[];
    /**
     * `job`: a one-off job (compose `restart: "no"` without ports, or a service others wait for with
     * `service_completed_successfully`), run to completion at each deploy that changes it, in
     * `replicas` copies at once; it has no ports and no domain name. Absent: a long-running service.
     */
    lifecycle?: "job";
    /** Files of its `secrets:` and `configs:`; absent when it has none. */
    files?: FileMountModel[];
}

export interface PostgresModel extends ComponentModelBase {
    kind: "postgres";
    image?: string;
    /** Major (and maybe minor) version from the image tag, e.g. "17" or "16.4"; undefined = the cloud's default. */
    version?: string;
    database: string;
    user: string;
    /** Where the password comes from: a config key (read as a secret), a program input, or generated. */
    password: { kind: "config"; key: string } | { kind: "input"; value: unknown } | { kind: "generated" };
}

export interface RedisModel extends ComponentModelBase {
    kind: "redis";
    image?: string;
    engine: "redis" | "valkey";
    /** From the image tag, e.g. "7" or "7.2"; undefined = the cloud's default. */
    version?: string;
    /**
     * Nodes, from `deploy.replicas`: one primary and `replicas - 1` replicas. More than one means high
     * availability: the clouds fail over to a replica in another zone.
     */
    replicas: number;
}

export interface MongoModel extends ComponentModelBase {
    kind: "mongo";
    image?: string;
    /** From the image tag, e.g. "7" or "6.0"; undefined = the cloud's default. */
    version?: string;
    /** `MONGO_INITDB_DATABASE`, else `test` (the database MongoDB drivers use when a URL names none). */
    database: string;
    /** `MONGO_INITDB_ROOT_USERNAME`, else `mongo`. */
    user: string;
    /** Where the password comes from (`MONGO_INITDB_ROOT_PASSWORD`): a config key (a secret), a program input, or generated. */
    password: { kind: "config"; key: string } | { kind: "input"; value: unknown } | { kind: "generated" };
    /** Instances (or nodes), from `deploy.replicas`: one primary and `replicas - 1` read replicas. */
    replicas: number;
}

export type ComponentModel = ServiceModel | PostgresModel | RedisModel | MongoModel;

/** A whole project, in dependency order (every component after the ones it depends on). */
export interface ProjectModel {
    name: string;
    components: ComponentModel[];
    /** Sensitive config keys used anywhere, sorted. */
    configKeys: string[];
    /** Where each component and field was written, when the model came from compose files. */
    locate?: (service: string, field: Array<string | number>) => SourceLocation | undefined;
}
