/**
 * Ports: what the cloud load balancer does with them.
 */
import { ComposePort } from "../types";
import { hasHealthcheck } from "./healthcheck";
import { Reporter, Rule, services } from "./report";

function mode(p: ComposePort): string {
    return p.mode ?? "ingress";
}

function protocol(p: ComposePort): string {
    return p.protocol ?? "tcp";
}

/** A port the load balancer serves publicly: `mode: ingress` over TCP. */
export function isIngressPort(p: ComposePort): boolean {
    return mode(p) === "ingress" && protocol(p) === "tcp";
}

/** The first port of an `expose` entry (`"3000"`, `"3000-3005"`, `"3000/tcp"`). */
function exposedPort(entry: string): number {
    return Number(String(entry).split("/")[0].split("-")[0]);
}

/** Container port 0 in `ports` (`"0"`, `target: 0`) or `expose`: no process listens on port 0, on any cloud. */
function checkPortZero(name: string, ports: ComposePort[], expose: string[], report: Reporter): void {
    const finding = (what: string) => ({
        severity: "error" as const,
        code: "port-zero",
        message: `${what} 0 is not a port a container can listen on`,
        hint: "write the port the service listens on (1-65535)",
    });
    ports.forEach((p, i) => {
        if (p.target === 0) report.service(name, ["ports", i], finding("port"));
    });
    expose.forEach((e, i) => {
        if (exposedPort(e) === 0) report.service(name, ["expose", i], finding("exposed port"));
    });
}

/**
 * Container port 0, UDP in ingress mode, `published` that differs from `target` on an ingress
 * port, ingress ports without a healthcheck, and `domainname` on a service that has no ingress port.
 */
export const checkPorts: Rule = (project, report) => {
    for (const [name, svc] of services(project)) {
        const ports = svc.ports ?? [];
        checkPortZero(name, ports, svc.expose ?? [], report);
        ports.forEach((p, i) => {
            if (mode(p) !== "ingress" || p.target === 0) return;
            if (protocol(p) === "udp") {
                report.service(name, ["ports", i], {
                    severity: "warning",
                    code: "udp-ingress",
                    message: `UDP port ${p.target} cannot be load-balanced; it is deployed as a host port, reachable only from the project's services`,
                    hint: "add `mode: host` to this port to say so explicitly",
                });
            }
            if (p.published !== undefined && p.published !== String(p.target)) {
                report.service(name, ["ports", i, "published"], {
                    severity: "warning",
                    code: "ingress-published-ignored",
                    message: `published port ${p.published} is ignored: in the cloud the port is exposed as its target, ${p.target}`,
                    hint: `remove \`published\`, or set it to ${p.target}`,
                });
            }
        });
        const ingress = ports.findIndex((p) => isIngressPort(p) && p.target !== 0);
        if (ingress >= 0 && !hasHealthcheck(svc)) {
            const port = ports[ingress].target;
            report.service(name, ["ports", ingress], {
                severity: "warning",
                code: "ingress-without-healthcheck",
                message: `port ${port} is load-balanced but the service has no healthcheck: the load balancer will probe GET / on port ${port} and restart the service when it does not answer with a success status`,
                hint: `add a healthcheck, e.g. test: ["CMD", "curl", "-f", "http://localhost:${port}/health"], or use \`mode: host\` if the port need not be public`,
            });
        }
        if (svc.domainname && ingress < 0) {
            report.service(name, ["domainname"], {
                severity: "error",
                code: "domainname-without-ingress",
                message: `"${svc.domainname}" needs a public port, but the service has no ingress port to route it to`,
                hint: "add a port with `mode: ingress` (e.g. `ports: [\"8080\"]`), or remove domainname",
            });
        }
    }
};
