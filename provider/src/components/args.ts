/**
 * The arguments of the public components. They follow Compose's service attributes (long syntax,
 * camelCase where Compose has an underscore), so a service reads the same in a compose file and in
 * a program; `model/from-args.ts` turns them into the same model a compose file gives.
 */
import * as pulumi from "@pulumi/pulumi";
import { CloudName } from "../model/types";

/**
 * One environment variable. Without `value` it is sensitive config: read from the stack's config as
 * a secret (`pulumi config set --secret NAME ...`) and stored in the cloud's secret store.
 * @example { name: "NODE_ENV", value: "production" }
 * @example { name: "API_KEY" }
 */
export interface EnvironmentVariableArgs {
    /** The variable's name. @example "DATABASE_URL" */
    name: string;
    /**
     * Its value: a string (`${KEY}` inside it is replaced by the config value KEY, and the result is
     * a secret), or an output of another resource (kept in the secret store, as it may be a secret).
     * @default read from config under `name`, as a secret
     * @example db.url
     */
    value?: pulumi.Input<string>;
}

/**
 * A port the container listens on.
 * @example { target: 8080, mode: "ingress" }
 */
export interface PortArgs {
    /** The container port. @example 8080 */
    target: number;
    /**
     * `ingress`: public (HTTP through the load balancer; on AWS, other TCP and UDP through a network
     * load balancer). `host`: reachable only by the project's services, at `<name>:<target>`, as
     * compose `expose` is.
     * @default "ingress"
     */
    mode?: "ingress" | "host";
    /** @default "tcp" */
    protocol?: "tcp" | "udp";
    /**
     * The application protocol: `http`, `http2` or `grpc` (HTTP), or another name (e.g. `tcp`,
     * `postgresql`) for a port that is not HTTP. Without it, the usual ports of databases and
     * brokers (5432, 3306, 6379, 27017, ...) are taken as plain TCP, any other as HTTP.
     * @default "http"
     */
    appProtocol?: string;
    /**
     * The public port of an ingress port: the AWS load balancer listens on it (443 as HTTPS, for a
     * service with a domain name). Google Cloud and DigitalOcean serve HTTPS on 443 and warn about
     * another port.
     * @default target
     */
    published?: number;
}

/**
 * Build the image from source, in the cloud (no local Docker needed).
 * @example { context: "./app", dockerfile: "Dockerfile", args: { NODE_VERSION: "22" } }
 */
export interface BuildArgs {
    /** The build context directory, relative to the program. @example "./app" */
    context: string;
    /** The Dockerfile, relative to the context. @default "Dockerfile" */
    dockerfile?: string;
    /** Build arguments (`--build-arg`). @default {} */
    args?: Record<string, string>;
    /** The stage to build (`--target`). @default the last stage */
    target?: string;
}

/**
 * A container health check.
 * @example { test: ["CMD", "curl", "-f", "http://localhost:8080/health"], interval: "30s" }
 */
export interface HealthcheckArgs {
    /** `["CMD", ...]`, `["CMD-SHELL", "..."]`, or a shell command line. An HTTP probe of localhost also sets the load balancer's health check path. */
    test: string[] | string;
    /** @default "30s" */
    interval?: string;
    /** @default "30s" */
    timeout?: string;
    /** @default 3 */
    retries?: number;
    /** Time to start before failures count. @default "0s" */
    startPeriod?: string;
}

/**
 * CPU and memory.
 * @example { cpu: "0.5", memory: "512M" }
 */
export interface ResourceArgs {
    /** Virtual CPUs. @default the cloud's smallest size (AWS: 0.25) @example "0.5" */
    cpu?: string | number;
    /** The Compose spelling of `cpu`. @default the value of `cpu` */
    cpus?: string | number;
    /** Memory, with a unit (`512M`, `1G`). @default the smallest that fits the CPU (AWS: 512M) @example "1G" */
    memory?: string;
}

/**
 * Replicas and resources.
 * @example { replicas: 2, resources: { reservations: { cpu: "0.5", memory: "512M" } } }
 */
export interface DeployArgs {
    /** Running copies. @default 1 */
    replicas?: number;
    /** `reservations` (what the service needs) win over `limits`. @default {} */
    resources?: { reservations?: ResourceArgs; limits?: ResourceArgs };
}

/**
 * Scale on CPU load.
 * @example { minReplicas: 2, maxReplicas: 10, targetCpuPercent: 60 }
 */
export interface AutoscalingArgs {
    /** @default deploy.replicas, at least 1 */
    minReplicas?: number;
    /** @default 10 */
    maxReplicas?: number;
    /** @default 70 */
    targetCpuPercent?: number;
}

interface CloudArgs {
    /**
     * The cloud to deploy to.
     * @default stack config `defang:provider`, else the `DEFANG_PROVIDER` environment variable
     * @example "aws"
     */
    provider?: CloudName;
}

/** The arguments of a `DefangService`: a container service. */
export interface DefangServiceArgs extends CloudArgs {
    /** The image to run. Either `image` or `build` is required. @default built from `build` @example "nginx:1.27" */
    image?: string;
    /** Build the image from source. @default none (use `image`) */
    build?: BuildArgs;
    /** Overrides the image's command. @default the image's CMD @example ["node", "server.js"] */
    command?: string[] | string;
    /** Overrides the image's entrypoint. @default the image's ENTRYPOINT */
    entrypoint?: string[] | string;
    /** @default the image's WORKDIR */
    workingDir?: string;
    /** @default the image's USER */
    user?: string;
    /** Environment variables; entries without a value are sensitive config. @default [] */
    environment?: EnvironmentVariableArgs[];
    /** Ports the service listens on. @default [] (a worker: reachable by nobody) */
    ports?: PortArgs[];
    /** @default the image's HEALTHCHECK is not used; none */
    healthcheck?: HealthcheckArgs;
    /** @default { replicas: 1 } */
    deploy?: DeployArgs;
    /** `linux/amd64` or `linux/arm64` (cheaper on AWS). @default "linux/amd64" */
    platform?: string;
    /** A public domain name: a certificate is issued and DNS records are created in its zone. @default none @example "shop.example.com" */
    domainname?: string;
    /** Other names the project's services may use for this one. @default [] */
    aliases?: string[];
    /** Time to stop gracefully before being killed. @default "30s" (AWS caps it at 120s) */
    stopGracePeriod?: string;
    /** Scale on CPU load. @default none (fixed `deploy.replicas`) */
    autoscaling?: AutoscalingArgs;
}

/** The arguments of a `DefangLLM`: a service with access to the cloud's managed models. */
export interface DefangLLMArgs extends DefangServiceArgs {
    /**
     * Model ids the service may invoke (and only those).
     * @default the model ids found in its environment (MODEL, *_MODEL, *_MODEL_ID), else any model
     * @example ["anthropic.claude-3-haiku-20240307-v1:0"]
     */
    models?: string[];
}

/** The arguments of a `DefangPostgres`: a managed PostgreSQL database. */
export interface DefangPostgresArgs extends CloudArgs {
    /** The image whose tag gives the major version. @default "postgres:17" @example "postgres:18" */
    image?: string;
    /**
     * `POSTGRES_USER`, `POSTGRES_DB` and `POSTGRES_PASSWORD`, as for the postgres image. A password
     * entry without a value is read from config as a secret; without any, one is generated.
     * @default user "postgres", database = user, a generated password
     * @example [{ name: "POSTGRES_PASSWORD" }]
     */
    environment?: EnvironmentVariableArgs[];
    /** The port, as `{ target, mode: "host" }`. @default 5432 */
    ports?: PortArgs[];
    /** CPU and memory, to choose the instance size. @default the smallest instance */
    deploy?: DeployArgs;
    /** Other private DNS names for the database. @default [] */
    aliases?: string[];
}

/** The arguments of a `DefangMongo`: a managed MongoDB-compatible database. */
export interface DefangMongoArgs extends CloudArgs {
    /** The image whose tag gives the MongoDB version. @default "mongo:7" @example "mongo:8" */
    image?: string;
    /**
     * `MONGO_INITDB_ROOT_USERNAME`, `MONGO_INITDB_ROOT_PASSWORD` and `MONGO_INITDB_DATABASE`, as for
     * the mongo image. A password entry without a value is read from config as a secret; without
     * any, one is generated.
     * @default user "mongo", database "test", a generated password
     * @example [{ name: "MONGO_INITDB_ROOT_PASSWORD" }]
     */
    environment?: EnvironmentVariableArgs[];
    /** The port, as `{ target, mode: "host" }`. @default 27017 */
    ports?: PortArgs[];
    /** CPU and memory, to choose the instance size; `replicas` above 1 adds read replicas. @default the smallest instance, one replica */
    deploy?: DeployArgs;
    /** Other names the project's services may use for the database. @default [] */
    aliases?: string[];
}

/** The arguments of a `DefangRedis`: a managed Redis or Valkey cache. */
export interface DefangRedisArgs extends CloudArgs {
    /** The image: `redis:<version>` or `valkey/valkey:<version>` chooses engine and version. @default "redis:7" */
    image?: string;
    /** The port. @default 6379 */
    ports?: PortArgs[];
    /**
     * Memory, to choose the node size; `replicas` above 1 adds replicas in other zones with automatic failover.
     * @default the smallest node, one replica (no failover)
     * @example { replicas: 2, resources: { reservations: { memory: "1G" } } }
     */
    deploy?: DeployArgs;
    /** Other private DNS names for the cache. @default [] */
    aliases?: string[];
}
