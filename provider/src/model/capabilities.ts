/**
 * What each cloud can run, checked before any resource is created: every unsupported feature of a
 * project is listed at once, with where it was written and how to fix it.
 */
import { UnsupportedFeature } from "./errors";
import { portTraffic } from "./ports";
import { requestedInstances } from "./replicas";
import { CLOUD_RUN_ENVIRONMENT, featureEntry, refusedFeatures } from "./translation/features";
import { CloudName, ComponentModel, FeatureId, FeatureUse, PortModel, ProjectModel, SourceLocation } from "./types";

export { NON_HTTP_PORTS } from "./ports";

interface FeatureText {
    message: string;
    hint: string;
}

/** Per cloud: the features it refuses, and the largest service it can run. */
export interface CloudCapabilities {
    /** The features it refuses: read from the translation table (`translation/features.ts`). */
    unsupported: ReadonlySet<FeatureId>;
    maxCpus: number;
    maxMemoryMiB: number;
    /** The largest instance with a GPU, where the cloud runs GPUs on larger machines (its preflight checks each GPU type's own range). */
    maxGpuCpus?: number;
    maxGpuMemoryMiB?: number;
    /** Nodes a managed cache can have (primary and replicas). */
    maxCacheNodes: number;
    /** Ingress ports of all services share one load balancer, by port (two services cannot both use 8080). */
    sharedIngressPorts: boolean;
    /** A service receives requests on one HTTP port only (Cloud Run): more ports, UDP, and the usual ports of non-HTTP protocols are refused. */
    oneHttpPort?: boolean;
}

export const CAPABILITIES: Record<CloudName, CloudCapabilities> = {
    // Fargate: up to 16 vCPU and 120 GiB; no GPUs. Public TCP and UDP ports go to a network load balancer.
    aws: { unsupported: refusedFeatures("aws"), maxCpus: 16, maxMemoryMiB: 120 * 1024, maxCacheNodes: 6, sharedIngressPorts: true },
    // Cloud Run: up to 8 vCPU and 32 GiB per instance (20 vCPU and 80 GiB with an RTX PRO 6000 GPU), one HTTP port per service, no plain TCP or UDP, x86-64 only.
    gcp: { unsupported: refusedFeatures("gcp"), maxCpus: 8, maxMemoryMiB: 32 * 1024, maxGpuCpus: 20, maxGpuMemoryMiB: 80 * 1024, maxCacheNodes: 6, sharedIngressPorts: false, oneHttpPort: true },
    // App Platform: the largest dedicated instance has 8 vCPU and 32 GiB; it builds from git itself; no disks, no UDP, public HTTP only (private TCP is fine), x86_64 only.
    digitalocean: {
        unsupported: refusedFeatures("digitalocean"),
        maxCpus: 8,
        maxMemoryMiB: 32 * 1024,
        maxCacheNodes: 3,
        sharedIngressPorts: false,
    },
};

const fieldText = (field: Array<string | number>): string => (field.length === 0 ? "(service)" : field.map((f, i) => (typeof f === "number" ? `[${f}]` : i === 0 ? f : `.${f}`)).join(""));

/** The unsupported features of `components` on `cloud`, in component order. */
export function unsupportedFeatures(components: ComponentModel[], cloud: CloudName, locate?: ProjectModel["locate"]): UnsupportedFeature[] {
    const caps = CAPABILITIES[cloud];
    const out: UnsupportedFeature[] = [];
    const add = (c: ComponentModel, field: Array<string | number>, text: FeatureText, detail?: string) => {
        const location: SourceLocation | undefined = locate?.(c.name, field);
        out.push({ service: c.name, field: fieldText(field), message: detail ? `${text.message} (${detail})` : text.message, hint: text.hint, ...(location ? { location } : {}) });
    };
    for (const c of components) {
        for (const f of featureUses(c)) {
            if (!caps.unsupported.has(f.feature)) continue;
            add(c, f.field, featureEntry(f.feature), f.detail);
        }
        if (c.kind === "redis" && c.replicas > caps.maxCacheNodes) {
            add(c, ["deploy", "replicas"], { message: `${c.replicas} cache nodes is more than the ${caps.maxCacheNodes} a managed cache can have here`, hint: `ask for at most ${caps.maxCacheNodes} replicas` });
        }
        if (c.kind !== "service") continue;
        const res = ["deploy", "resources", "reservations"];
        const maxCpus = (c.resources.gpus && caps.maxGpuCpus) || caps.maxCpus;
        const maxMemoryMiB = (c.resources.gpus && caps.maxGpuMemoryMiB) || caps.maxMemoryMiB;
        if ((c.resources.cpus ?? 0) > maxCpus) add(c, [...res, "cpus"], { message: `${c.resources.cpus} CPUs is more than the ${maxCpus} the largest container can have`, hint: `ask for at most ${maxCpus}` });
        if ((c.resources.memoryMiB ?? 0) > maxMemoryMiB) {
            add(c, [...res, "memory"], { message: `${c.resources.memoryMiB} MiB is more than the ${maxMemoryMiB / 1024} GiB the largest container can have`, hint: `ask for at most ${maxMemoryMiB / 1024}G` });
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
                hint:
                    traffic === "http"
                        ? `publish another port, give one of them a \`domainname\`, or move this port to \`expose\``
                        : `publish another port (e.g. \`${port + 1}:${p.target}\`), or move this port to \`expose\``,
                ...(location ? { location } : {}),
            });
        });
    }
    return out;
}

/** `app_protocol` values that need HTTP/2 all the way to the container. */
const HTTP2_APP_PROTOCOLS: ReadonlySet<string> = new Set(["grpc", "http2", "h2", "h2c"]);

/** Where a port was written: its own field, else `ports[i]`. */
/** The ports browsers use: a public service published on one of them is served as written everywhere. */
const WEB_PORTS: ReadonlySet<number> = new Set([80, 443]);

const portField = (p: PortModel, i: number): Array<string | number> => p.field ?? ["ports", i];

/** Hosts of the registries App Platform pulls from (an image without a host is on Docker Hub). */
const APP_PLATFORM_REGISTRIES = new Set(["docker.io", "index.docker.io", "registry-1.docker.io", "ghcr.io", "registry.digitalocean.com"]);

/** Every feature a component uses: those found while reading its source, then those read from the model; one per feature and field. */
export function featureUses(c: ComponentModel): FeatureUse[] {
    const seen = new Set<string>();
    return [...c.features, ...derivedFeatures(c)].filter((f) => {
        const key = `${f.feature}\u0000${fieldText(f.field)}`;
        return !seen.has(key) && !!seen.add(key);
    });
}

/** Features read from the model itself (ports, platform, image, health check); the table decides which each cloud refuses. */
function derivedFeatures(c: ComponentModel): FeatureUse[] {
    if (c.kind !== "service") return [];
    const out: FeatureUse[] = [];
    c.ports.forEach((p, i) => {
        const field = portField(p, i);
        const traffic = portTraffic(p);
        if (p.protocol === "udp") out.push({ feature: "udp-port", field, detail: `port ${p.target}/udp` });
        else if (traffic === "tcp" && p.mode === "ingress") out.push({ feature: "non-http-port", field, detail: `port ${p.published ?? p.target}${p.appProtocol ? `, app_protocol ${p.appProtocol}` : ""}` });
        else if (traffic === "tcp") out.push({ feature: "private-tcp-port", field, detail: `port ${p.target}${p.appProtocol ? `, app_protocol ${p.appProtocol}` : ""}` });
        if (traffic === "http" && p.mode === "ingress" && HTTP2_APP_PROTOCOLS.has(p.appProtocol?.toLowerCase() ?? ""))
            out.push({ feature: "http2-port", field, detail: `port ${p.target}, app_protocol ${p.appProtocol}` });
        if (p.publishedRange !== undefined) out.push({ feature: "published-range", field: [...field, "published"], detail: `ports ${p.publishedRange}` });
    });
    const ingress = c.ports.map((p, i) => ({ p, i })).filter(({ p }) => p.mode === "ingress");
    for (const { p, i } of ingress) {
        // Cloud Run and App Platform serve a public port on 443 (and 80): another published port cannot be kept.
        if (p.published !== undefined && !WEB_PORTS.has(p.published)) out.push({ feature: "published-port", field: [...portField(p, i), "published"], detail: `published: ${p.published}` });
    }
    if (c.internalNetworks) for (const { p, i } of ingress) out.push({ feature: "internal-network-ingress", field: portField(p, i), detail: `port ${p.target}` });
    const [, secondIngress] = ingress;
    if (secondIngress) out.push({ feature: "multiple-ingress-ports", field: portField(secondIngress.p, secondIngress.i), detail: `ports ${ingress.map(({ p }) => p.target).join(", ")}` });
    if (requestedInstances(c) === 0) {
        const field = c.autoscaling ? ["x-defang-autoscaling"] : ["deploy", "replicas"];
        if (c.lifecycle === "job") out.push({ feature: "zero-replicas-job", field, detail: "0 replicas" });
        else out.push({ feature: "zero-replicas", field, detail: "0 replicas" }, { feature: "zero-replicas-app-platform", field, detail: "0 replicas" });
    }
    if (c.user !== undefined) out.push({ feature: "container-user", field: ["user"], detail: c.user });
    if (c.workingDir !== undefined) out.push({ feature: "working-dir", field: ["working_dir"], detail: c.workingDir });
    c.environment.forEach((v) => {
        if (!CLOUD_RUN_ENVIRONMENT.has(v.name)) return;
        const samePort = v.name === "PORT" && v.value.kind === "literal" && c.ports[0] && v.value.value === String(c.ports[0].target);
        if (!samePort) out.push({ feature: "cloud-run-environment", field: ["environment", v.name], detail: v.name });
    });
    const test = c.healthcheck?.test ?? [];
    if (c.healthcheck && !c.healthcheck.http && test.length > 0 && test[0] !== "NONE") out.push({ feature: "healthcheck-command", field: ["healthcheck", "test"] });
    const first = c.image?.split("/")[0];
    if (c.image && c.image.includes("/") && first && /[.:]|^localhost$/.test(first) && !APP_PLATFORM_REGISTRIES.has(first)) {
        out.push({ feature: "image-registry", field: ["image"], detail: c.image });
    }
    return out;
}
