/**
 * What each cloud can run, checked before any resource is created: every unsupported feature of a
 * project is listed at once, with where it was written and how to fix it.
 */
import { UnsupportedFeature } from "./errors";
import { CloudName, ComponentModel, FeatureUse, ProjectModel, SourceLocation } from "./types";

interface FeatureText {
    message: string;
    hint: string;
}

/** Features a cloud may refuse, by the id `FeatureUse.feature` carries. */
const FEATURES: Record<string, FeatureText> = {
    "network-mode-host": {
        message: "host networking is not available on a managed container runtime",
        hint: "remove network_mode and publish the ports the service listens on under `ports`",
    },
    "network-mode-shared": {
        message: "sharing another container's network is not possible: each service gets its own address",
        hint: "remove network_mode and reach the other service by its name",
    },
    privileged: { message: "privileged containers are not allowed", hint: "remove `privileged: true`" },
    devices: { message: "host devices cannot be mapped into a container", hint: "remove `devices`" },
    "docker-socket": {
        message: "there is no Docker daemon whose socket could be mounted",
        hint: "remove this volume; the cloud routes, restarts and scales services itself",
    },
    gpu: { message: "GPUs are not available to these containers yet", hint: "remove the GPU reservation, or run this service elsewhere" },
    "model-provider": {
        message: "Compose provider services (`provider: type: model`) are not supported yet",
        hint: "run an OpenAI-compatible gateway image in this service with `x-defang-llm: true` and a managed model id in its environment",
    },
    "model-runner": {
        message: "Docker Model Runner `models` are not supported yet",
        hint: "use `x-defang-llm: true` and a managed model id in the environment",
    },
    "file-secrets": {
        message: "file-based `secrets` are not supported yet",
        hint: "pass the value as an environment variable without a value and set it with `pulumi config set --secret`",
    },
    "file-configs": { message: "file-based `configs` are not supported yet", hint: "copy the file into the image, or pass its content in `environment`" },
    "managed-static-files": { message: "x-defang-static-files is not supported yet", hint: "serve the files from the service's image" },
    "remote-build-context": { message: "building from a remote (git) context is not supported yet", hint: "check the source out and use a local build context" },
    "postgres-password-template": {
        message: "POSTGRES_PASSWORD must be a single config value",
        hint: "write `POSTGRES_PASSWORD:` without a value (or as `${KEY}`) and set it with `pulumi config set --secret`",
    },
    "mongo-password-template": {
        message: "MONGO_INITDB_ROOT_PASSWORD must be a single config value",
        hint: "write `MONGO_INITDB_ROOT_PASSWORD:` without a value (or as `${KEY}`) and set it with `pulumi config set --secret`",
    },
    "mongo-user-not-literal": {
        message: "MONGO_INITDB_ROOT_USERNAME must be written in the file: the user name is not a secret",
        hint: "write the user name as a literal value, e.g. `MONGO_INITDB_ROOT_USERNAME: app`",
    },
    "no-image": { message: "the service has neither `image` nor `build`", hint: "add an image, or a build context" },
    volumes: {
        message: "volumes and bind mounts cannot be mounted: containers have no persistent disk",
        hint: "keep state in a managed service (x-defang-postgres, x-defang-redis, x-defang-mongodb) and copy files into the image; keep mounts in a local override file",
    },
    "udp-port": { message: "UDP ports are not available: services take HTTP and TCP traffic only", hint: "use TCP, or run this service elsewhere" },
    "multiple-ingress-ports": {
        message: "a service can have one public HTTP port",
        hint: "keep one `mode: ingress` port and make the others `mode: host` (reachable from the project's services), or split the service",
    },
    arm64: { message: "arm64 containers are not available: services run on x86_64", hint: "remove `platform`, or use linux/amd64" },
    "container-user": { message: "the user a container runs as cannot be chosen", hint: "set USER in the image's Dockerfile and remove `user`" },
    "working-dir": { message: "the working directory of a container cannot be chosen", hint: "set WORKDIR in the image's Dockerfile and remove `working_dir`" },
    "image-registry": {
        message: "images can only be pulled from Docker Hub, GitHub Container Registry (ghcr.io) or DigitalOcean Container Registry",
        hint: "push the image to one of them, or build it from source with `build`",
    },
};

/** Per cloud: the features it refuses, and the largest service it can run. */
export interface CloudCapabilities {
    unsupported: ReadonlySet<string>;
    maxCpus: number;
    maxMemoryMiB: number;
    /** Nodes a managed cache can have (primary and replicas). */
    maxCacheNodes: number;
    /** Ingress ports of all services share one load balancer, by port (two services cannot both use 8080). */
    sharedIngressPorts: boolean;
    /** A service receives requests on one HTTP port only (Cloud Run): more ports, UDP, and the usual ports of non-HTTP protocols are refused. */
    oneHttpPort?: boolean;
}

const HOST_ONLY = ["network-mode-host", "network-mode-shared", "privileged", "devices", "docker-socket"];
const NOT_YET = ["model-runner", "file-secrets", "file-configs", "managed-static-files", "remote-build-context", "postgres-password-template", "mongo-password-template", "mongo-user-not-literal", "no-image", "model-provider"];

export const CAPABILITIES: Record<CloudName, CloudCapabilities> = {
    // Fargate: up to 16 vCPU and 120 GiB; no GPUs.
    aws: { unsupported: new Set([...HOST_ONLY, ...NOT_YET, "gpu"]), maxCpus: 16, maxMemoryMiB: 120 * 1024, maxCacheNodes: 6, sharedIngressPorts: true },
    // Cloud Run: up to 8 vCPU and 32 GiB per instance, one HTTP port per service.
    gcp: { unsupported: new Set([...HOST_ONLY, ...NOT_YET, "gpu"]), maxCpus: 8, maxMemoryMiB: 32 * 1024, maxCacheNodes: 6, sharedIngressPorts: false, oneHttpPort: true },
    // App Platform: the largest dedicated instance has 8 vCPU and 32 GiB; it builds from git itself; no disks, no UDP, x86_64 only.
    digitalocean: {
        unsupported: new Set([...HOST_ONLY, ...NOT_YET.filter((f) => f !== "remote-build-context"), "gpu", "volumes", "udp-port", "multiple-ingress-ports", "arm64", "image-registry", "container-user", "working-dir"]),
        maxCpus: 8,
        maxMemoryMiB: 32 * 1024,
        maxCacheNodes: 3,
        sharedIngressPorts: false,
    },
};

const fieldText = (field: Array<string | number>): string =>
    field.length === 0 ? "(service)" : field.map((f, i) => (typeof f === "number" ? `[${f}]` : i === 0 ? f : `.${f}`)).join("");

/** The unsupported features of `components` on `cloud`, in component order. */
export function unsupportedFeatures(components: ComponentModel[], cloud: CloudName, locate?: ProjectModel["locate"]): UnsupportedFeature[] {
    const caps = CAPABILITIES[cloud];
    const out: UnsupportedFeature[] = [];
    const add = (c: ComponentModel, field: Array<string | number>, text: FeatureText, detail?: string) => {
        const location: SourceLocation | undefined = locate?.(c.name, field);
        out.push({ service: c.name, field: fieldText(field), message: detail ? `${text.message} (${detail})` : text.message, hint: text.hint, ...(location ? { location } : {}) });
    };
    for (const c of components) {
        for (const f of [...c.features, ...derivedFeatures(c)]) {
            if (!caps.unsupported.has(f.feature)) continue;
            add(c, f.field, FEATURES[f.feature] ?? { message: `${f.feature} is not supported`, hint: "remove it" }, f.detail);
        }
        if (c.kind === "redis" && c.replicas > caps.maxCacheNodes) {
            add(c, ["deploy", "replicas"], { message: `${c.replicas} cache nodes is more than the ${caps.maxCacheNodes} a managed cache can have here`, hint: `ask for at most ${caps.maxCacheNodes} replicas` });
        }
        if (c.kind !== "service") continue;
        const res = ["deploy", "resources", "reservations"];
        if ((c.resources.cpus ?? 0) > caps.maxCpus) add(c, [...res, "cpus"], { message: `${c.resources.cpus} CPUs is more than the ${caps.maxCpus} the largest container can have`, hint: `ask for at most ${caps.maxCpus}` });
        if ((c.resources.memoryMiB ?? 0) > caps.maxMemoryMiB) {
            add(c, [...res, "memory"], { message: `${c.resources.memoryMiB} MiB is more than the ${caps.maxMemoryMiB / 1024} GiB the largest container can have`, hint: `ask for at most ${caps.maxMemoryMiB / 1024}G` });
        }
    }
    if (caps.sharedIngressPorts) out.push(...sharedIngressPorts(components, locate));
    if (caps.oneHttpPort) out.push(...oneHttpPort(components, locate));
    return out;
}

/** The usual ports of protocols that are not HTTP (databases, brokers, mail, DNS): a service listening on one is not a web service. */
export const NON_HTTP_PORTS: ReadonlySet<number> = new Set([21, 22, 25, 53, 389, 1433, 1521, 1883, 2181, 3306, 4222, 5432, 5672, 6379, 7687, 9042, 9092, 11211, 26257, 27017]);

/**
 * Cloud Run sends HTTP requests (HTTP/1, HTTP/2, gRPC, WebSockets) to one container port. A second
 * port, a UDP port, or the usual port of a database or broker cannot be served there.
 */
function oneHttpPort(components: ComponentModel[], locate?: ProjectModel["locate"]): UnsupportedFeature[] {
    const out: UnsupportedFeature[] = [];
    for (const c of components) {
        if (c.kind !== "service") continue;
        const first = c.ports[0]?.target;
        c.ports.forEach((p, i) => {
            const refuse = (message: string, hint: string) => {
                const location = locate?.(c.name, ["ports", i]);
                out.push({ service: c.name, field: `ports[${i}]`, message, hint, ...(location ? { location } : {}) });
            };
            if (p.protocol === "udp") refuse(`port ${p.target}/udp: the container runtime serves HTTP over TCP only`, "remove the UDP port, or run this service on another cloud");
            else if (p.target !== first) refuse(`a second port (${p.target}): requests reach one container port only`, `serve everything on port ${first}, or split the service in two`);
            else if (NON_HTTP_PORTS.has(p.target) && !p.appProtocol) {
                refuse(
                    `port ${p.target} is the usual port of a protocol that is not HTTP; the container runtime serves HTTP, HTTP/2, gRPC and WebSockets only`,
                    "use x-defang-postgres or x-defang-redis for a database or cache, set `app_protocol: http` if this port does speak HTTP, or run it elsewhere",
                );
            }
        });
    }
    return out;
}

/**
 * Ingress ports are exposed on their target port, so two services without a domain name cannot
 * both be public on the same port: the load balancer could not tell their traffic apart.
 */
function sharedIngressPorts(components: ComponentModel[], locate?: ProjectModel["locate"]): UnsupportedFeature[] {
    const owners = new Map<number, string>();
    const out: UnsupportedFeature[] = [];
    for (const c of components) {
        if (c.kind !== "service" || c.domainname) continue;
        c.ports.forEach((p, i) => {
            if (p.mode !== "ingress") return;
            const owner = owners.get(p.target);
            if (owner === undefined) return void owners.set(p.target, c.name);
            if (owner === c.name) return;
            const location = locate?.(c.name, ["ports", i]);
            out.push({
                service: c.name,
                field: `ports[${i}]`,
                message: `ingress port ${p.target} is also the ingress port of "${owner}"; the load balancer cannot tell their traffic apart`,
                hint: `listen on another port, give one of them a \`domainname\`, or make one \`mode: host\``,
                ...(location ? { location } : {}),
            });
        });
    }
    return out;
}

/** Hosts of the registries App Platform pulls from (an image without a host is on Docker Hub). */
const APP_PLATFORM_REGISTRIES = new Set(["docker.io", "index.docker.io", "registry-1.docker.io", "ghcr.io", "registry.digitalocean.com"]);

/** Features read from the model itself (ports, platform, image); each cloud's table decides which it refuses. */
function derivedFeatures(c: ComponentModel): FeatureUse[] {
    if (c.kind !== "service") return [];
    const out: FeatureUse[] = [];
    c.ports.forEach((p, i) => {
        if (p.protocol === "udp") out.push({ feature: "udp-port", field: ["ports", i], detail: `port ${p.target}/udp` });
    });
    const ingress = c.ports.map((p, i) => ({ p, i })).filter(({ p }) => p.mode === "ingress");
    if (ingress.length > 1) out.push({ feature: "multiple-ingress-ports", field: ["ports", ingress[1].i], detail: `ports ${ingress.map(({ p }) => p.target).join(", ")}` });
    if (c.architecture === "arm64") out.push({ feature: "arm64", field: ["platform"] });
    if (c.user !== undefined) out.push({ feature: "container-user", field: ["user"], detail: c.user });
    if (c.workingDir !== undefined) out.push({ feature: "working-dir", field: ["working_dir"], detail: c.workingDir });
    const first = c.image?.split("/")[0];
    if (c.image && c.image.includes("/") && first && /[.:]|^localhost$/.test(first) && !APP_PLATFORM_REGISTRIES.has(first)) {
        out.push({ feature: "image-registry", field: ["image"], detail: c.image });
    }
    return out;
}
