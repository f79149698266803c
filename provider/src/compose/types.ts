/**
 * The canonical compose project: what `docker compose config` prints. Long syntax everywhere,
 * sizes in bytes (as decimal strings), durations in Go notation (`1m30s`), environment as a map
 * where `null` means "provided by configuration at deploy time".
 *
 * Only the attributes the rest of the product reads are typed precisely; everything else the
 * Compose specification allows is kept as it was written (the index signatures).
 */

export interface ComposeProject {
    name: string;
    services: Record<string, ComposeService>;
    networks?: Record<string, ComposeNetwork>;
    volumes?: Record<string, ComposeVolume>;
    secrets?: Record<string, ComposeSecretOrConfig>;
    configs?: Record<string, ComposeSecretOrConfig>;
    models?: Record<string, ComposeModel>;
    [extension: `x-${string}`]: unknown;
}

export interface ComposeService {
    image?: string;
    build?: ComposeBuild;
    command?: string[] | null;
    entrypoint?: string[] | null;
    working_dir?: string;
    user?: string;
    /** `null` value: not set in the file or its env files; read from configuration when deployed. */
    environment?: Record<string, string | null>;
    ports?: ComposePort[];
    expose?: string[];
    healthcheck?: ComposeHealthcheck;
    deploy?: ComposeDeploy;
    depends_on?: Record<string, ComposeDependency>;
    networks?: Record<string, ComposeServiceNetwork | null>;
    network_mode?: string;
    volumes?: ComposeServiceVolume[];
    secrets?: ComposeMount[];
    configs?: ComposeMount[];
    restart?: string;
    platform?: string;
    /** `all`, or device requests (`count`, `driver`, `device_ids`, `options`, `capabilities`). */
    gpus?: "all" | Array<Record<string, unknown>>;
    domainname?: string;
    hostname?: string;
    privileged?: boolean;
    devices?: Array<{ source: string; target: string; permissions?: string }>;
    profiles?: string[];
    labels?: Record<string, string>;
    models?: Record<string, { endpoint_var?: string; model_var?: string } | null>;
    stop_grace_period?: string;
    "x-defang-postgres"?: unknown;
    "x-defang-redis"?: unknown;
    "x-defang-mongodb"?: unknown;
    "x-defang-llm"?: unknown;
    "x-defang-autoscaling"?: unknown;
    [attribute: string]: unknown;
}

export interface ComposeBuild {
    context: string;
    dockerfile?: string;
    dockerfile_inline?: string;
    args?: Record<string, string>;
    target?: string;
    shm_size?: string;
    platforms?: string[];
    additional_contexts?: Record<string, string>;
    labels?: Record<string, string>;
    [attribute: string]: unknown;
}

export interface ComposePort {
    /** `ingress` (load balanced, public) or `host` (reachable from the project's services). */
    mode: "ingress" | "host" | string;
    target: number;
    /** A port or a range, as a string (`"8080"`, `"8000-8010"`). */
    published?: string;
    host_ip?: string;
    protocol: "tcp" | "udp" | string;
    app_protocol?: string;
    name?: string;
}

export interface ComposeHealthcheck {
    test?: string[];
    interval?: string;
    timeout?: string;
    retries?: number;
    start_period?: string;
    start_interval?: string;
    disable?: boolean;
}

export interface ComposeDeploy {
    mode?: string;
    replicas?: number;
    resources?: {
        limits?: ComposeResources;
        reservations?: ComposeResources;
    };
    [attribute: string]: unknown;
}

export interface ComposeResources {
    cpus?: number;
    /** Bytes, as a decimal string. */
    memory?: string;
    pids?: number;
    devices?: unknown[];
    [attribute: string]: unknown;
}

export interface ComposeDependency {
    condition: "service_started" | "service_healthy" | "service_completed_successfully" | string;
    required?: boolean;
    restart?: boolean;
}

export interface ComposeServiceNetwork {
    aliases?: string[];
    [attribute: string]: unknown;
}

export interface ComposeServiceVolume {
    type: "volume" | "bind" | "tmpfs" | "npipe" | "cluster" | "image" | string;
    source?: string;
    target: string;
    read_only?: boolean;
    [attribute: string]: unknown;
}

export interface ComposeMount {
    source: string;
    target?: string;
    uid?: string;
    gid?: string;
    mode?: string | number;
}

export interface ComposeNetwork {
    name?: string;
    external?: boolean;
    internal?: boolean;
    [attribute: string]: unknown;
}

export interface ComposeVolume {
    name?: string;
    external?: boolean;
    [attribute: string]: unknown;
}

export interface ComposeSecretOrConfig {
    name?: string;
    external?: boolean;
    file?: string;
    environment?: string;
    content?: string;
    [attribute: string]: unknown;
}

export interface ComposeModel {
    model: string;
    context_size?: number;
    runtime_flags?: string[];
    [attribute: string]: unknown;
}
