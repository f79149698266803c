/**
 * How a service's public HTTP ports are reached through the load balancer, and what its endpoints are:
 * pure functions, no resources. Checked before any resource is created.
 */
import { InvalidArgumentError } from "../../../model/errors";
import { portTraffic } from "../../../model/ports";
import { PortModel, ServiceModel } from "../../../model/types";
import { HTTPS_PORT } from "./listener-ports";
import { networkPortCount } from "./network-routing-plan";

export { HTTPS_PORT };

export type ProtocolVersion = "HTTP1" | "HTTP2" | "GRPC";

/**
 * Seconds the load balancer keeps sending in-flight requests to a task being replaced: 30, not the
 * AWS default of 300, so that deployments finish in a minute rather than five.
 */
export const DEREGISTRATION_DELAY_SECONDS = 30;

/** HTTP status codes that mean a target is healthy: success and redirects (a login redirect is a live app). */
export const HTTP_HEALTHY_CODES = "200-399";

/** gRPC status codes that mean a target is healthy: any answer from a gRPC server (most do not implement a health method). */
export const GRPC_HEALTHY_CODES = "0-99";

/** The path probed when the service's health check names none. */
export const DEFAULT_HEALTHCHECK_PATH = "/";

/** The path probed on gRPC targets: the AWS default, a method no server has (answered with UNIMPLEMENTED, a healthy code). */
export const GRPC_HEALTHCHECK_PATH = "/AWS.ALB/healthcheck";

/** ECS attaches at most this many target groups to one service. */
export const MAX_TARGET_GROUPS_PER_SERVICE = 5;

/** The HTTP port browsers use: endpoints on it are written without a port. */
const DEFAULT_HTTP_PORT = 80;

export interface IngressRoute {
    port: PortModel;
    /** The index of the port in `model.ports`. */
    portIndex: number;
    /** The load balancer port that serves it over plain HTTP: the published port, else the target port. */
    listenerPort: number;
    /** `${target}`, or `${target}-${listenerPort}` when two ingress ports share a target: the suffix of the target group and rule names. */
    suffix: string;
    protocolVersion: ProtocolVersion;
    /** Served over HTTPS at the service's domain name (the first ingress port of a service that has one). */
    https: boolean;
    /** Also served over plain HTTP on `listenerPort` (not for HTTP/2 and gRPC, which AWS allows on HTTPS listeners only). */
    plainHttp: boolean;
    healthCheck: { path: string; matcher: string };
}

function protocolVersionOf(port: PortModel): ProtocolVersion {
    switch (port.appProtocol?.toLowerCase()) {
        case "grpc":
            return "GRPC";
        case "http2":
        case "h2":
        case "h2c":
            return "HTTP2";
        default:
            return "HTTP1";
    }
}

function healthCheckOf(model: ServiceModel, port: PortModel, version: ProtocolVersion): { path: string; matcher: string } {
    if (version === "GRPC") return { path: GRPC_HEALTHCHECK_PATH, matcher: GRPC_HEALTHY_CODES };
    const http = model.healthcheck?.http;
    // The service's own probe path, when it probes this port (the load balancer probes the traffic port).
    const path = http && (http.port === undefined || http.port === port.target) ? http.path : DEFAULT_HEALTHCHECK_PATH;
    return { path: path.startsWith("/") ? path : `/${path}`, matcher: HTTP_HEALTHY_CODES };
}

/** The service's public HTTP ports (those the application load balancer serves), with their index in `model.ports`. */
export function httpIngressPorts(model: ServiceModel): Array<{ port: PortModel; portIndex: number }> {
    return model.ports.map((port, portIndex) => ({ port, portIndex })).filter((p) => p.port.mode === "ingress" && p.port.publishedRange === undefined && portTraffic(p.port) === "http");
}

/**
 * The routes of the service's public HTTP ports, in port order. Throws an `InvalidArgumentError`
 * naming the port for what the load balancer cannot carry: HTTP/2 or gRPC without HTTPS, the HTTPS
 * port without a certificate, two ports on one public port, more ports than ECS attaches. Public
 * ports that are not HTTP go to the network load balancer (`network-routing-plan.ts`).
 */
export function planIngress(model: ServiceModel): IngressRoute[] {
    const ingress = httpIngressPorts(model);
    const loadBalanced = ingress.length + networkPortCount(model);
    if (loadBalanced > MAX_TARGET_GROUPS_PER_SERVICE) {
        throw new InvalidArgumentError(
            model.name,
            "ports",
            `has ${loadBalanced} public ports; ECS attaches at most ${MAX_TARGET_GROUPS_PER_SERVICE} load balancer target groups to a service`,
            "move some of them to `expose` (reachable from the project's services)",
        );
    }
    const targets = ingress.map((p) => p.port.target);
    const listenerPorts = new Map<number, number>();
    return ingress.map(({ port, portIndex }, i) => {
        const field = `ports[${portIndex}]`;
        const listenerPort = port.published ?? port.target;
        const other = listenerPorts.get(listenerPort);
        if (other !== undefined) {
            throw new InvalidArgumentError(model.name, field, `publishes port ${listenerPort}, which ports[${other}] already publishes`, "publish each ingress port on its own port");
        }
        listenerPorts.set(listenerPort, portIndex);
        const https = i === 0 && !!model.domainname;
        if (listenerPort === HTTPS_PORT && !https) {
            throw new InvalidArgumentError(
                model.name,
                field,
                `is public on port ${HTTPS_PORT}, the HTTPS port, but ${model.domainname ? "only the service's first public port is served at its domain name" : "the service has no domainname to hold the certificate HTTPS needs"}`,
                model.domainname ? "make it the first public port, or publish it on another port" : "give the service a `domainname` (it is then served over HTTPS on 443), or publish the port on 80",
            );
        }
        const protocolVersion = protocolVersionOf(port);
        if (protocolVersion !== "HTTP1" && !https) {
            throw new InvalidArgumentError(
                model.name,
                field,
                `uses ${port.appProtocol}, which the AWS load balancer forwards over HTTPS only`,
                model.domainname ? "make it the first ingress port (the one served at the domain name)" : "give the service a domainname so that it is served over HTTPS",
            );
        }
        const shared = targets.filter((t) => t === port.target).length > 1;
        return {
            port,
            portIndex,
            listenerPort,
            suffix: shared ? `${port.target}-${listenerPort}` : `${port.target}`,
            protocolVersion,
            https,
            // 443 is the HTTPS listener's; the domain is served there.
            plainHttp: protocolVersion === "HTTP1" && listenerPort !== HTTPS_PORT,
            healthCheck: healthCheckOf(model, port, protocolVersion),
        };
    });
}

/**
 * One endpoint per port, in port order: `https://<domain>` for the port served at the domain name,
 * `https://<front door>` for a public HTTP port served through CloudFront or API Gateway (`frontDoors`,
 * by port index), `http://<load balancer>[:port]` for other public HTTP ports (`defang:ingress alb-http`), `tcp://` or `udp://<network load
 * balancer>:<port>` for other public ports, `<service>:<port>` for private ports (as the project's
 * services reach them).
 */
export function serviceEndpoints(model: ServiceModel, routes: IngressRoute[], loadBalancerDnsName: string, networkLoadBalancerDnsName = "", frontDoors: ReadonlyMap<number, string> = new Map()): string[] {
    return model.ports.map((port, i) => {
        if (port.mode === "host") return `${model.name}:${port.target}`;
        const listenerPort = port.published ?? port.target;
        const traffic = portTraffic(port);
        // A TCP port of a service with a domain name and no HTTP port is served over TLS at the name (see network-routing-plan.ts).
        const tls = traffic === "tcp" && !!model.domainname && !model.ports.some((p) => p.mode === "ingress" && portTraffic(p) === "http");
        if (tls) return `tls://${model.domainname}:${listenerPort}`;
        if (traffic !== "http") return `${traffic}://${networkLoadBalancerDnsName}:${listenerPort}`;
        const route = routes.find((r) => r.portIndex === i);
        if (route?.https && model.domainname) return `https://${model.domainname}`;
        const frontDoor = frontDoors.get(i);
        if (frontDoor) return `https://${frontDoor.replace(/^https:\/\//, "").replace(/\/$/, "")}`;
        return `http://${loadBalancerDnsName}${listenerPort === DEFAULT_HTTP_PORT ? "" : `:${listenerPort}`}`;
    });
}

/** The DNS zone that holds `domain`: `override` when given, else the domain's last two labels. */
export function hostedZoneName(domain: string, override?: string): string {
    if (override) return override.replace(/\.$/, "");
    return domain.replace(/\.$/, "").split(".").slice(-2).join(".");
}
