/**
 * Ports: what the loader says of them before any cloud is chosen (what each cloud does with them
 * is the model's and the backends' business; see `port-meaning.ts` and `model/ports.ts`).
 */
import { ComposePort } from "../types";
import { hasHealthcheck } from "./healthcheck";
import { hostAddressReach, PortFacts, portTraffic } from "./port-meaning";
import { Finding, Reporter, Rule } from "./report";

function mode(p: ComposePort): string {
    return p.mode ?? "ingress";
}

function protocol(p: ComposePort): string {
    return p.protocol ?? "tcp";
}

/** A public port that carries HTTP: `mode: ingress`, not bound to a private address, HTTP by `portTraffic`. */
export function isIngressPort(p: ComposePort): boolean {
    return mode(p) === "ingress" && hostAddressReach(p.host_ip) !== "private" && portTraffic(factsOf(p)) === "http";
}

/** A public port of any protocol. */
function isPublicPort(p: ComposePort): boolean {
    return mode(p) === "ingress" && hostAddressReach(p.host_ip) !== "private";
}

function factsOf(p: ComposePort): PortFacts {
    const published = p.published !== undefined && /^\d+$/.test(p.published) ? Number(p.published) : undefined;
    return { protocol: protocol(p), appProtocol: p.app_protocol, target: p.target, published };
}

/** The first port of an `expose` entry (`"3000"`, `"3000-3005"`, `"3000/tcp"`): what comes before the first `/` or `-`. */
function exposedPort(entry: string): number {
    const text = String(entry);
    let end = 0;
    while (end < text.length) {
        const c = text.charCodeAt(end);
        if (c === SLASH || c === DASH) break;
        end++;
    }
    return Number(text.slice(0, end));
}

const SLASH = "/".charCodeAt(0);
const DASH = "-".charCodeAt(0);

/** Port 0 (`what`: a port, an exposed port) is not one a container can listen on. */
function portZero(what: string): Finding {
    return { severity: "error", code: "port-zero", message: `${what} 0 is not a port a container can listen on`, hint: "write the port the service listens on (1-65535)" };
}

/** Container port 0 in `ports` (`"0"`, `target: 0`) or `expose`: no process listens on port 0, on any cloud. */
function checkPortZero(name: string, ports: ComposePort[], expose: string[] | undefined, report: Reporter): void {
    for (let i = 0; i < ports.length; i++) {
        if (ports[i]?.target === 0) report.service(name, ["ports", i], portZero("port"));
    }
    if (!expose) return;
    for (let i = 0; i < expose.length; i++) {
        const e = expose[i];
        if (e !== undefined && exposedPort(e) === 0) report.service(name, ["expose", i], portZero("exposed port"));
    }
}

/**
 * Container port 0, a `host_ip` that keeps a port off the internet (the port becomes private) or
 * names an address that cannot be chosen, public HTTP ports without a healthcheck, and `domainname`
 * on a service that has no public port.
 */
export const checkPorts: Rule = (project, report, _ctx, services) => {
    for (const [name, svc] of services) {
        const ports = svc.ports ?? [];
        checkPortZero(name, ports, svc.expose, report);
        ports.forEach((p, i) => {
            if (mode(p) !== "ingress" || p.target === 0 || p.host_ip === undefined) return;
            const reach = hostAddressReach(p.host_ip);
            if (reach === "private") {
                report.service(name, ["ports", i], {
                    severity: "warning",
                    code: "private-host-ip",
                    message: `port ${p.target} is bound to ${p.host_ip}, which the internet cannot reach: it is deployed as a private port, reachable by the project's services only`,
                    hint: `remove \`${p.host_ip}:\` (or write 0.0.0.0) to make it public, or move the port to \`expose\` to say it is private`,
                });
            } else if (reach === "public") {
                report.service(name, ["ports", i], {
                    severity: "warning",
                    code: "public-host-ip",
                    message: `port ${p.target} is bound to ${p.host_ip}, but the address a public port is reached at is the cloud's (its load balancer or URL) and cannot be chosen`,
                    hint: `remove \`${p.host_ip}:\``,
                });
            }
        });
        const ingress = ports.findIndex((p) => isPublicPort(p) && protocol(p) === "tcp" && p.target !== 0);
        const ingressPort = ports[ingress];
        if (ingressPort && !hasHealthcheck(svc)) {
            const port = ingressPort.target;
            const http = isIngressPort(ingressPort);
            report.service(name, ["ports", ingress], {
                severity: "warning",
                code: "ingress-without-healthcheck",
                message: http
                    ? `port ${port} is load-balanced but the service has no healthcheck: the load balancer will probe GET / on port ${port} and restart the service when it does not answer with a success status`
                    : `port ${port} is load-balanced but the service has no healthcheck: the load balancer will only check that port ${port} accepts TCP connections, and restart the service when it does not`,
                hint: `add a healthcheck, e.g. test: ["CMD", "curl", "-f", "http://localhost:${port}/health"], or move the port to \`expose\` if it need not be public`,
            });
        }
        if (svc.domainname && !ports.some(isPublicPort)) {
            report.service(name, ["domainname"], {
                severity: "error",
                code: "domainname-without-ingress",
                message: `"${svc.domainname}" needs a public port, but the service has no ingress port to route it to`,
                hint: 'add a port with `mode: ingress` (e.g. `ports: ["8080"]`), or remove domainname',
            });
        }
    }
};
