/**
 * Service ports in long form. The short syntax `[HOST_IP:][PUBLISHED[-END]:]TARGET[-END][/PROTOCOL]`
 * (and a bare number) expands to one entry per container port; ranges pair up one to one.
 */
import { isPlainObject } from "../paths";
import { ComposePort } from "../types";

export class PortError extends Error {}

/** Turns one `ports:` entry into its long form entries. */
export function canonicalPorts(entry: unknown): ComposePort[] {
    if (typeof entry === "number") return [longPort({ target: entry })];
    if (typeof entry === "string") return parseShortPort(entry);
    if (isPlainObject(entry)) return [longPort(entry)];
    throw new PortError(`a port must be a number, a string such as "8080:80", or a mapping with "target"`);
}

/** The long form of one port, its keys in the order `docker compose config` prints them. */
function longPort(p: Record<string, unknown>): ComposePort {
    const target = toPortNumber(p.target, "target");
    const mode = (p.mode as string) ?? "ingress";
    const protocol = ((p.protocol as string) ?? "tcp").toLowerCase();
    const hostIp = p.host_ip !== undefined && p.host_ip !== null ? String(p.host_ip) : undefined;
    const published = p.published !== undefined && p.published !== null && p.published !== "" ? String(p.published) : undefined;
    const appProtocol = p.app_protocol !== undefined ? String(p.app_protocol) : undefined;
    const name = p.name !== undefined ? String(p.name) : undefined;
    const out: Record<string, unknown> = { mode };
    if (hostIp !== undefined) out.host_ip = hostIp;
    out.target = target;
    if (published !== undefined) out.published = published;
    out.protocol = protocol;
    if (appProtocol !== undefined) out.app_protocol = appProtocol;
    if (name !== undefined) out.name = name;
    return out as unknown as ComposePort;
}

function toPortNumber(v: unknown, what: string): number {
    if (v === undefined || v === null) throw new PortError(`the ${what} port is missing: write the port the container listens on, e.g. \`${what}: 8080\``);
    const n = typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < 0 || n > 65535) {
        throw new PortError(`${what} ${JSON.stringify(v)} is not a port number (0-65535)`);
    }
    return n;
}

interface Range {
    start: number;
    end: number;
}

function parseRange(s: string, what: string): Range {
    const m = /^(\d+)(?:-(\d+))?$/.exec(s);
    if (!m) throw new PortError(`${what} "${s}" is not a port or a range such as 8000-8010`);
    const start = toPortNumber(m[1], what);
    const end = m[2] === undefined ? start : toPortNumber(m[2], what);
    if (end < start) throw new PortError(`${what} range "${s}" ends before it starts`);
    return { start, end };
}

/** `127.0.0.1:8080:80/tcp`, `[::1]:80:80`, `8000-8001:80-81`, `3000`. */
export function parseShortPort(spec: string): ComposePort[] {
    let rest = spec.trim();
    let protocol = "tcp";
    const slash = rest.lastIndexOf("/");
    if (slash >= 0) {
        protocol = rest.slice(slash + 1).toLowerCase();
        rest = rest.slice(0, slash);
        if (!protocol) throw new PortError(`port "${spec}" ends with "/" but names no protocol (tcp or udp)`);
    }
    let hostIp: string | undefined;
    if (rest.startsWith("[")) {
        const close = rest.indexOf("]");
        if (close < 0) throw new PortError(`port "${spec}" has an unclosed "[" around its IPv6 address`);
        hostIp = rest.slice(1, close);
        rest = rest.slice(close + 1);
        if (!rest.startsWith(":")) throw new PortError(`port "${spec}": the host address must be followed by ":PORT"`);
        rest = rest.slice(1);
    }
    const parts = rest.split(":");
    let published: string | undefined;
    let target: string;
    const [first = "", second = "", third = ""] = parts;
    if (parts.length === 1) target = first;
    else if (parts.length === 2) [published, target] = [first, second];
    else if (parts.length === 3 && hostIp === undefined) [hostIp, published, target] = [first, second, third];
    else throw new PortError(`port "${spec}" is not of the form [HOST_IP:][PUBLISHED:]TARGET[/PROTOCOL]`);
    if (published === "") published = undefined;
    if (hostIp === "") hostIp = undefined;
    const t = parseRange(target, "target port");
    const p = published === undefined ? undefined : parseRange(published, "published port");
    const count = t.end - t.start + 1;
    const out: ComposePort[] = [];
    if (p && p.end - p.start + 1 !== count) {
        if (count !== 1) throw new PortError(`port "${spec}": the published range and the target range differ in length`);
        // One container port behind a range of host ports: keep the range as written.
        out.push(longPort({ target: t.start, published: `${p.start}-${p.end}`, protocol, host_ip: hostIp }));
        return out;
    }
    for (let i = 0; i < count; i++) {
        out.push(longPort({ target: t.start + i, published: p ? String(p.start + i) : undefined, protocol, host_ip: hostIp }));
    }
    return out;
}
