/**
 * Ports: what compose `ports` and `expose` mean, once for every cloud, as one `PortModel` per
 * container port.
 * - `ports` entries are public (`mode: ingress`) unless written `mode: host`, or bound to a host
 *   address that is not reachable from the internet (`127.0.0.1:5432:5432`, `::1`, private
 *   addresses): those are private, reachable by the project's services only, as `expose` is.
 * - `published` is the public port (the load balancer's listener); without it, the target port.
 * - `expose` entries are private ports.
 * Whether a port carries HTTP decides what may front it (`portTraffic`): a load balancer for HTTP,
 * a network load balancer (or a refusal) for anything else.
 */
import { hostAddressReach } from "../compose/rules/port-meaning";
import { ComposePort } from "../compose/types";
import { PortModel } from "./types";

export { HTTP_APP_PROTOCOLS, NON_HTTP_PORTS, PortTraffic, hostAddressReach, isPublic, portTraffic } from "../compose/rules/port-meaning";

/** A single published port as a number; a range (`8000-8010`) is kept aside as text. */
function publishedOf(published: string | undefined): { published?: number; publishedRange?: string } {
    if (published === undefined) return {};
    if (/^\d+$/.test(published)) return { published: Number(published) };
    const range = /^(\d+)-(\d+)$/.exec(published);
    if (range && range[1] === range[2]) return { published: Number(range[1]) };
    return { publishedRange: published };
}

/** The compose `ports` list (long syntax) as the model's ports, each with the field it was written at. */
export function portsFromCompose(ports: ComposePort[] | undefined): PortModel[] {
    return (ports ?? []).map((p, i) => {
        const protocol = p.protocol === "udp" ? "udp" : "tcp";
        const reach = hostAddressReach(p.host_ip);
        const mode = p.mode === "host" || reach === "private" ? "host" : "ingress";
        const port: PortModel = { target: p.target, mode, protocol, field: ["ports", i], ...publishedOf(p.published) };
        if (p.app_protocol) port.appProtocol = p.app_protocol;
        if (p.host_ip !== undefined) port.hostIp = p.host_ip;
        return port;
    });
}

/**
 * The compose `expose` list (`"5432"`, `"8000-8010"`, `"53/udp"`) as private ports, one per
 * container port, skipping those already listed under `ports` with the same protocol.
 */
export function exposedPorts(expose: string[] | undefined, ports: PortModel[]): PortModel[] {
    const out: PortModel[] = [];
    const seen = new Set(ports.map((p) => `${p.target}/${p.protocol}`));
    (expose ?? []).forEach((entry, i) => {
        const m = /^\s*(\d+)(?:-(\d+))?(?:\/(tcp|udp))?\s*$/i.exec(String(entry));
        if (!m) return;
        const start = Number(m[1]);
        const end = m[2] === undefined ? start : Number(m[2]);
        const protocol = m[3]?.toLowerCase() === "udp" ? "udp" : "tcp";
        for (let target = start; target <= end && target <= 65535; target++) {
            const key = `${target}/${protocol}`;
            if (seen.has(key)) continue;
            seen.add(key);
            out.push({ target, mode: "host", protocol, field: ["expose", i] });
        }
    });
    return out;
}
