/**
 * The arguments of the public components. They follow Compose's service attributes (long syntax,
 * camelCase where Compose has an underscore), so a service reads the same in a compose file and in
 * a program; `components/model-from-args.ts` turns them into the same model a compose file gives.
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

/** What a port carries: HTTP (`http`), HTTP/2 (`http2`), gRPC (`grpc`), or plain TCP (`tcp`), which is never put behind an HTTP front end. */
export type AppProtocol = "http" | "http2" | "grpc" | "tcp";

/** The platforms a service can run on: `linux/amd64` on every cloud, `linux/arm64` on AWS. */
export type Platform = "linux/amd64" | "linux/arm64";

/**
 * A port the container listens on.
 * @example { target: 8080, mode: "ingress" }
 */
export interface PortArgs {
    /** The container port. @integer @example 8080 */
    target: number;
    /**
     * `ingress`: public (HTTP through the cloud's HTTPS front end; other TCP and UDP through a network
     * load balancer on AWS, refused by Google Cloud and DigitalOcean). `host`: reachable only by the
     * project's services, at `<name>:<target>`, as compose `expose` is.
     * @default "ingress"
     */
    mode?: "ingress" | "host";
    /** The transport protocol. UDP is public only on AWS. @default "tcp" */
    protocol?: "tcp" | "udp";
    /**
     * The application protocol: `http`, `http2` or `grpc` (served over HTTP/2 by the cloud's front
     * end), or `tcp` for a port that is not HTTP. Without it, the usual ports of databases and
     * brokers (5432, 3306, 6379, 27017, ...) are taken as plain TCP, any other as HTTP.
     * @default "http", or "tcp" on the usual ports of databases and brokers
     */
    appProtocol?: AppProtocol;
    /**
     * The public port of an ingress port: the AWS load balancer listens on it (443 as HTTPS, for a
     * service with a domain name). Google Cloud and DigitalOcean serve HTTPS on 443 and warn about
     * another port.
     * @integer
     * @default target
     */
    published?: number;
}

/**
 * Build the image from source: on AWS with CodeBuild, on Google Cloud with Cloud Build (no local
 * Docker needed); on DigitalOcean, a git context is built by App Platform and a local context with
 * this machine's Docker (`defang:doBuilder`).
 * @example { context: "./app", dockerfile: "Dockerfile", args: { NODE_VERSION: "22" } }
 */
export interface BuildArgs {
    /** The build context directory, relative to the program. @example "./app" */
    context: string;
    /** The Dockerfile, relative to the context. @default "Dockerfile" */
    dockerfile?: string;
    /** Build arguments (`--build-arg`); they may be outputs of other resources. @default {} */
    args?: pulumi.Input<Record<string, string>>;
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
    /** Failures in a row before the container is unhealthy. @integer @default 3 */
    retries?: number;
    /** Time to start before failures count. @default "0s" */
    startPeriod?: string;
}

/**
 * CPU and memory.
 * @example { cpu: "0.5", memory: "512M" }
 */
export interface ResourceArgs {
    /** Virtual CPUs; the cloud rounds up to a size it offers. @default the cloud's smallest size (AWS Fargate: 0.25, Cloud Run: 1, App Platform: the smallest instance) @example "0.5" */
    cpu?: pulumi.Input<string | number>;
    /** The Compose spelling of `cpu`. @default the value of `cpu` */
    cpus?: pulumi.Input<string | number>;
    /** Memory, with a unit (`512M`, `1G`); the cloud rounds up to a size it offers. @default the smallest that fits the CPU @example "1G" */
    memory?: pulumi.Input<string>;
}

/**
 * Replicas and resources.
 * @example { replicas: 2, resources: { reservations: { cpu: "0.5", memory: "512M" } } }
 */
export interface DeployArgs {
    /** Running copies. @integer @default 1 */
    replicas?: pulumi.Input<number>;
    /** `reservations` (what the service needs) win over `limits`. @default {} */
    resources?: DeployResourcesArgs;
}

/**
 * CPU and memory a service asks for; the cloud gives the smallest size it offers that holds them.
 * @example { reservations: { cpu: "0.5", memory: "512M" } }
 */
export interface DeployResourcesArgs {
    /** What the service needs. @default the value of `limits` */
    reservations?: ResourceArgs;
    /** The most the service may use, used when there are no reservations (the clouds do not cap usage below the size they give). @default none */
    limits?: ResourceArgs;
}

/**
 * Scale on CPU load.
 * @example { minReplicas: 2, maxReplicas: 10, targetCpuPercent: 60 }
 */
export interface AutoscalingArgs {
    /** The fewest running copies. @integer @default deploy.replicas, at least 1 */
    minReplicas?: number;
    /** The most running copies. @integer @default 10 */
    maxReplicas?: number;
    /** Add copies above this average CPU use, in percent. @integer @default 70 */
    targetCpuPercent?: number;
}

interface CloudArgs {
    /**
     * The cloud to deploy to.
     * @default stack config `defang:provider`, else the `DEFANG_PROVIDER` environment variable
     * @example "aws"
     */
    cloud?: CloudName;
    /**
     * Deprecated: the former name of `cloud`, which collides with Pulumi's `provider` resource
     * option. Still read, with a warning; refused when it names another cloud than `cloud`.
     * @deprecated use `cloud`
     */
    provider?: CloudName;
}

/** The arguments of a `DefangService`: a container service. */
export interface DefangServiceArgs extends CloudArgs {
    /** The image to run; it may be an output of another resource. Either `image` or `build` is required. @default built from `build` @example "nginx:1.27" */
    image?: pulumi.Input<string>;
    /** Build the image from source. @default none (use `image`) */
    build?: BuildArgs;
    /** Overrides the image's command; it may be an output of another resource. @default the image's CMD @example ["node", "server.js"] */
    command?: pulumi.Input<string[] | string>;
    /** Overrides the image's entrypoint. @default the image's ENTRYPOINT */
    entrypoint?: string[] | string;
    /** The container's working directory (AWS and Google Cloud; refused on DigitalOcean, which runs the image's WORKDIR). @default the image's WORKDIR */
    workingDir?: string;
    /**
     * The user the container runs as, on AWS. Google Cloud runs the image's USER (with a warning);
     * DigitalOcean refuses it (set USER in the Dockerfile).
     * @default the image's USER
     */
    user?: string;
    /** Environment variables; entries without a value are sensitive config. @default [] */
    environment?: EnvironmentVariableArgs[];
    /** Ports the service listens on. @default [] (a worker: reachable by nobody) */
    ports?: PortArgs[];
    /** A health check: an HTTP probe of localhost is the cloud's HTTP health check; AWS runs other commands in the container, Google Cloud and DigitalOcean probe the port instead (with a warning). @default none (the image's HEALTHCHECK is not used) */
    healthcheck?: HealthcheckArgs;
    /** @default { replicas: 1 } */
    deploy?: DeployArgs;
    /** The architecture: `linux/amd64`, or `linux/arm64` on AWS (cheaper there; refused by Google Cloud and DigitalOcean). @default "linux/amd64" */
    platform?: Platform;
    /**
     * A public domain name, served over HTTPS with a certificate the cloud issues; it may be an
     * output of another resource. Records are created in its zone on AWS (Route 53,
     * `defang:hostedZone`) and Google Cloud (`defang:dnsZone`); DigitalOcean adds it to the App.
     * @default none @example "shop.example.com"
     */
    domainname?: pulumi.Input<string>;
    /** Other names the project's services may use for this one. @default [] */
    aliases?: string[];
    /** Time to stop gracefully before being killed (AWS caps it at 120s; Google Cloud gives 10s, with a warning). @default "30s" */
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
    /** The image whose tag gives the major version; it may be an output of another resource. @default "postgres:17" @example "postgres:18" */
    image?: pulumi.Input<string>;
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
    /** The image whose tag gives the MongoDB version; it may be an output of another resource. @default "mongo:7" @example "mongo:8" */
    image?: pulumi.Input<string>;
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
    /** The image: `redis:<version>` or `valkey/valkey:<version>` chooses engine and version; it may be an output of another resource. @default "redis:7" */
    image?: pulumi.Input<string>;
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
