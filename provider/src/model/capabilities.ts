/**
 * What each cloud can run, checked before any resource is created: every unsupported feature of a
 * project is listed at once, with where it was written and how to fix it.
 */
import { UnsupportedFeature } from "./errors";
import { portTraffic } from "./ports";
import { CloudName, ComponentModel, FeatureUse, PortModel, ProjectModel, SourceLocation } from "./types";

export { NON_HTTP_PORTS } from "./ports";

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
    "managed-mongodb": { message: "managed MongoDB (x-defang-mongodb) is not supported yet", hint: "remove x-defang-mongodb and point the service at a MongoDB you run elsewhere" },
    "managed-static-files": { message: "x-defang-static-files is not supported yet", hint: "serve the files from the service's image" },
    "remote-build-context": { message: "building from a remote (git) context is not supported yet", hint: "check the source out and use a local build context" },
    "postgres-password-template": {
        message: "POSTGRES_PASSWORD must be a single config value",
        hint: "write `POSTGRES_PASSWORD:` without a value (or as `${KEY}`) and set it with `pulumi config set --secret`",
    },
    "no-image": { message: "the service has neither `image` nor `build`", hint: "add an image, or a build context" },
    volumes: {
        message: "volumes and bind mounts cannot be mounted: containers have no persistent disk",
        hint: "keep state in a managed service (x-defang-postgres, x-defang-redis) and copy files into the image; keep mounts in a local override file",
    },
    "udp-port": {
        message: "UDP ports are not available: the container runtime carries TCP only",
        hint: "use TCP, or deploy this service to AWS (a network load balancer carries UDP)",
    },
    "multiple-ingress-ports": {
        message: "a service can have one public HTTP port",
        hint: "keep one public port and move the others to `expose` (reachable from the project's services), or split the service",
    },
    "non-http-port": {
        message: "a public port that does not carry HTTP cannot be served: the cloud's front end takes HTTP, HTTP/2, gRPC and WebSockets only",
        hint: "use x-defang-postgres or x-defang-redis for a database or cache, move the port to `expose` if only the project's services use it, set `app_protocol: http` if it does speak HTTP, or deploy this service to AWS (a network load balancer carries TCP and UDP)",
    },
    "private-tcp-port": {
        message: "a private port that does not carry HTTP cannot be reached: Cloud Run serves HTTP only, and a worker pool has no address the project's services could reach",
        hint: "use x-defang-postgres or x-defang-redis for a database or cache, set `app_protocol: http` if the port does speak HTTP, or deploy this service to AWS or DigitalOcean",
    },
    "http2-port": {
        message: "a public HTTP/2 or gRPC port cannot be served: the App's front end forwards HTTP/1.1 to the container",
        hint: "serve HTTP/1.1 (or gRPC-Web) on this port, move it to `expose` if only the project's services use it, or deploy this service to AWS or Google Cloud",
    },
    "published-range": {
        message: "a published port range (one host port per replica in Docker) cannot be given to a load balancer",
        hint: "publish one port (e.g. `8000:80`); the load balancer spreads requests across the replicas",
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
const NOT_YET = ["published-range", "model-runner", "file-secrets", "file-configs", "managed-mongodb", "managed-static-files", "remote-build-context", "postgres-password-template", "no-image", "model-provider"];

export const CAPABILITIES: Record<CloudName, CloudCapabilities> = {
    // Fargate: up to 16 vCPU and 120 GiB; no GPUs. Public TCP and UDP ports go to a network load balancer.
    aws: { unsupported: new Set([...HOST_ONLY, ...NOT_YET, "gpu"]), maxCpus: 16, maxMemoryMiB: 120 * 1024, maxCacheNodes: 6, sharedIngressPorts: true },
    // Cloud Run: up to 8 vCPU and 32 GiB per instance, one HTTP port per service, no plain TCP or UDP.
    gcp: { unsupported: new Set([...HOST_ONLY, ...NOT_YET, "gpu", "udp-port", "non-http-port", "private-tcp-port"]), maxCpus: 8, maxMemoryMiB: 32 * 1024, maxCacheNodes: 6, sharedIngressPorts: false, oneHttpPort: true },
    // App Platform: the largest dedicated instance has 8 vCPU and 32 GiB; it builds from git itself; no disks, no UDP, public HTTP only (private TCP is fine), x86_64 only.
    digitalocean: {
        unsupported: new Set([...HOST_ONLY, ...NOT_YET.filter((f) => f !== "remote-build-context"), "gpu", "volumes", "udp-port", "non-http-port", "http2-port", "multiple-ingress-ports", "arm64", "image-registry", "container-user", "working-dir"]),
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

/**
 * Cloud Run sends HTTP requests (HTTP/1, HTTP/2, gRPC, WebSockets) to one container port: a second
 * port cannot be served there. (UDP and plain TCP ports are refused by their own features.)
 */
function oneHttpPort(components: ComponentModel[], locate?: ProjectModel["locate"]): UnsupportedFeature[] {
    const out: UnsupportedFeature[] = [];
    for (const c of components) {
        if (c.kind !== "service") continue;
        const first = c.ports[0]?.target;
        c.ports.forEach((p, i) => {
            if (p.target === first || portTraffic(p) !== "http") return;
            const field = portField(p, i);
            const location = locate?.(c.name, field);
            out.push({
                service: c.name,
                field: fieldText(field),
                message: `a second port (${p.target}): requests reach one container port only`,
                hint: `serve everything on port ${first}, or split the service in two`,
                ...(location ? { location } : {}),
            });
        });
    }
    return out;
}

/**
 * A load balancer listener is one port of one protocol family. Services public on the same HTTP
 * port (published, else target) are told apart by their domain names, and at most one without a
 * domain name takes the rest of the port's traffic; a plain TCP or UDP port carries no host name,
 * so it is one service's.
 */
function sharedIngressPorts(components: ComponentModel[], locate?: ProjectModel["locate"]): UnsupportedFeature[] {
    const owners = new Map<string, string>();
    const out: UnsupportedFeature[] = [];
    for (const c of components) {
        if (c.kind !== "service") continue;
        c.ports.forEach((p, i) => {
            if (p.mode !== "ingress" || p.publishedRange !== undefined) return;
            const traffic = portTraffic(p);
            if (traffic === "http" && c.domainname) return;
            const port = p.published ?? p.target;
            const key = `${traffic}:${port}`;
            const owner = owners.get(key);
            if (owner === undefined) return void owners.set(key, c.name);
            if (owner === c.name) return;
            const field = portField(p, i);
            const location = locate?.(c.name, field);
            out.push({
                service: c.name,
                field: fieldText(field),
                message:
                    traffic === "http"
                        ? `public port ${port} is also the public port of "${owner}", and the load balancer can tell them apart only by their domain names`
                        : `public ${traffic.toUpperCase()} port ${port} is also the public port of "${owner}"; a network load balancer port carries one service`,
                hint: traffic === "http" ? `publish another port, give one of them a \`domainname\`, or move this port to \`expose\`` : `publish another port (e.g. \`${port + 1}:${p.target}\`), or move this port to \`expose\``,
                ...(location ? { location } : {}),
            });
        });
    }
    return out;
}

/** `app_protocol` values that need HTTP/2 all the way to the container. */
const HTTP2_APP_PROTOCOLS: ReadonlySet<string> = new Set(["grpc", "http2", "h2", "h2c"]);

/** Where a port was written: its own field, else `ports[i]`. */
const portField = (p: PortModel, i: number): Array<string | number> => p.field ?? ["ports", i];

/** Hosts of the registries App Platform pulls from (an image without a host is on Docker Hub). */
const APP_PLATFORM_REGISTRIES = new Set(["docker.io", "index.docker.io", "registry-1.docker.io", "ghcr.io", "registry.digitalocean.com"]);

/** Features read from the model itself (ports, platform, image); each cloud's table decides which it refuses. */
function derivedFeatures(c: ComponentModel): FeatureUse[] {
    if (c.kind !== "service") return [];
    const out: FeatureUse[] = [];
    c.ports.forEach((p, i) => {
        const field = portField(p, i);
        const traffic = portTraffic(p);
        if (p.protocol === "udp") out.push({ feature: "udp-port", field, detail: `port ${p.target}/udp` });
        else if (traffic === "tcp" && p.mode === "ingress") out.push({ feature: "non-http-port", field, detail: `port ${p.published ?? p.target}${p.appProtocol ? `, app_protocol ${p.appProtocol}` : ""}` });
        else if (traffic === "tcp") out.push({ feature: "private-tcp-port", field, detail: `port ${p.target}${p.appProtocol ? `, app_protocol ${p.appProtocol}` : ""}` });
        if (traffic === "http" && p.mode === "ingress" && HTTP2_APP_PROTOCOLS.has(p.appProtocol?.toLowerCase() ?? "")) out.push({ feature: "http2-port", field, detail: `port ${p.target}, app_protocol ${p.appProtocol}` });
        if (p.publishedRange !== undefined) out.push({ feature: "published-range", field: [...field, "published"], detail: `ports ${p.publishedRange}` });
    });
    const ingress = c.ports.map((p, i) => ({ p, i })).filter(({ p }) => p.mode === "ingress");
    if (ingress.length > 1) out.push({ feature: "multiple-ingress-ports", field: portField(ingress[1].p, ingress[1].i), detail: `ports ${ingress.map(({ p }) => p.target).join(", ")}` });
    if (c.architecture === "arm64") out.push({ feature: "arm64", field: ["platform"] });
    if (c.user !== undefined) out.push({ feature: "container-user", field: ["user"], detail: c.user });
    if (c.workingDir !== undefined) out.push({ feature: "working-dir", field: ["working_dir"], detail: c.workingDir });
    const first = c.image?.split("/")[0];
    if (c.image && c.image.includes("/") && first && /[.:]|^localhost$/.test(first) && !APP_PLATFORM_REGISTRIES.has(first)) {
        out.push({ feature: "image-registry", field: ["image"], detail: c.image });
    }
    return out;
}
