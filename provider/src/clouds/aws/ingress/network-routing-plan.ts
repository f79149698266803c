/**
 * How a service's public ports that do not carry HTTP (plain TCP, UDP) are reached: through the
 * project's network load balancer, one listener per published port, forwarding to a target group
 * of the service's tasks. Pure functions, no resources; checked before any resource is created.
 */
import { InvalidArgumentError } from "../../../model/errors";
import { portTraffic } from "../../../model/ports";
import { PortModel, ServiceModel } from "../../../model/types";

/** The listener's protocol: TCP and UDP pass traffic through; TLS is decrypted at the listener (with the domain's certificate) and passed on as TCP. */
export type NetworkProtocol = "TCP" | "UDP" | "TLS";

export interface NetworkRoute {
    port: PortModel;
    /** The index of the port in `model.ports`. */
    portIndex: number;
    /** The network load balancer's port: the published port, else the target port. */
    listenerPort: number;
    protocol: NetworkProtocol;
    /** What the target group receives: TCP (also behind a TLS listener) or UDP. */
    targetProtocol: "TCP" | "UDP";
    /** `${target}` or `${target}-udp`: the suffix of the target group's name. */
    suffix: string;
    /**
     * The port the load balancer's TCP health check connects to: the target port for TCP; for UDP
     * (which has no handshake to check) the service's first TCP port, else the same port number over
     * TCP, so a UDP server must also accept TCP connections on one of its ports (DNS servers do).
     */
    healthCheckPort: number;
}

/** The service's public ports that are not HTTP, with their index in `model.ports`. */
function networkPorts(model: ServiceModel): Array<{ port: PortModel; portIndex: number }> {
    return model.ports.map((port, portIndex) => ({ port, portIndex })).filter((p) => p.port.mode === "ingress" && p.port.publishedRange === undefined && portTraffic(p.port) !== "http");
}

/** How many target groups the service's network ports take. */
export function networkPortCount(model: ServiceModel): number {
    return networkPorts(model).length;
}

/**
 * The network load balancer routes of the service, in port order. A service with a domain name and
 * no public HTTP port to serve it at gets TLS listeners on its TCP ports, with the domain's
 * certificate (clients connect with TLS to `<domain>:<port>`; the container receives plain TCP).
 * Throws an `InvalidArgumentError` naming the port when two of its ports publish the same port and
 * protocol.
 */
export function planNetworkPorts(model: ServiceModel): NetworkRoute[] {
    const ports = networkPorts(model);
    const tls = !!model.domainname && !model.ports.some((p) => p.mode === "ingress" && portTraffic(p) === "http");
    const firstTcp = model.ports.find((p) => p.protocol === "tcp");
    const seen = new Map<string, number>();
    return ports.map(({ port, portIndex }) => {
        const targetProtocol = port.protocol === "udp" ? "UDP" : "TCP";
        const protocol: NetworkProtocol = targetProtocol === "TCP" && tls ? "TLS" : targetProtocol;
        const listenerPort = port.published ?? port.target;
        const key = `${targetProtocol}:${listenerPort}`;
        const other = seen.get(key);
        if (other !== undefined) {
            throw new InvalidArgumentError(model.name, `ports[${portIndex}]`, `publishes ${targetProtocol} port ${listenerPort}, which ports[${other}] already publishes`, "publish each port on its own port");
        }
        seen.set(key, portIndex);
        return {
            port,
            portIndex,
            listenerPort,
            protocol,
            targetProtocol,
            suffix: targetProtocol === "UDP" ? `${port.target}-udp` : `${port.target}`,
            healthCheckPort: targetProtocol === "TCP" ? port.target : (firstTcp?.target ?? port.target),
        };
    });
}
