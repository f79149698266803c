/**
 * What a port means, from what was written: whether it carries HTTP, and whether its host address
 * keeps it off the internet. Pure; read by the loader's rules (`ports.ts`) and by the model
 * (`model/ports.ts`), so that `validate` and every cloud judge a port alike.
 */

/** What `portTraffic` reads of a port (a model port, or a compose port with its published port as a number). */
export interface PortFacts {
    protocol: string;
    appProtocol?: string;
    target: number;
    published?: number;
}

/** What a port carries, as the clouds front it: HTTP (and HTTP/2, gRPC, WebSockets), other TCP, or UDP. */
export type PortTraffic = "http" | "tcp" | "udp";

/** `app_protocol` values that are HTTP, as a load balancer or Cloud Run can serve them. */
export const HTTP_APP_PROTOCOLS: ReadonlySet<string> = new Set(["http", "https", "http1", "http2", "h2", "h2c", "grpc", "ws", "wss"]);

/**
 * The usual ports of protocols that are not HTTP: a port with one of these numbers (as its target
 * or its published port) and no `app_protocol` is taken as plain TCP, never put behind an HTTP
 * front end. `app_protocol: http` says otherwise.
 */
export const NON_HTTP_PORTS: ReadonlySet<number> = new Set([
    21, // FTP
    22, // SSH
    25, // SMTP
    53, // DNS
    110, // POP3
    143, // IMAP
    389, // LDAP
    465, // SMTP over TLS
    587, // SMTP submission
    636, // LDAP over TLS
    993, // IMAP over TLS
    995, // POP3 over TLS
    1433, // SQL Server
    1521, // Oracle
    1883, // MQTT
    2181, // ZooKeeper
    3306, // MySQL, MariaDB
    3389, // RDP
    4222, // NATS
    5222, // XMPP
    5432, // PostgreSQL
    5672, // AMQP (RabbitMQ)
    5900, // VNC
    6379, // Redis, Valkey
    7687, // Neo4j Bolt
    8883, // MQTT over TLS
    9042, // Cassandra
    9092, // Kafka
    11211, // Memcached
    25565, // Minecraft
    26257, // CockroachDB
    27015, // Source game servers
    27017, // MongoDB
    28015, // RethinkDB
]);

/** What `port` carries: UDP, else HTTP when its `app_protocol` says so (or it has none and its port is not a usual non-HTTP one), else plain TCP. */
export function portTraffic(port: PortFacts): PortTraffic {
    if (port.protocol === "udp") return "udp";
    if (port.appProtocol !== undefined) return HTTP_APP_PROTOCOLS.has(port.appProtocol.toLowerCase()) ? "http" : "tcp";
    return NON_HTTP_PORTS.has(port.target) || (port.published !== undefined && NON_HTTP_PORTS.has(port.published)) ? "tcp" : "http";
}

/** Whether the port is public (`mode: ingress`). */
export const isPublic = (port: { mode: string }): boolean => port.mode === "ingress";

/** What a `host_ip` means for the port's reach. */
export type HostAddressReach = "any" | "private" | "public";

/**
 * `any`: absent, `0.0.0.0` or `::` (every address: public). `private`: loopback (127/8, `::1`),
 * private (10/8, 172.16/12, 192.168/16, fc00::/7) or link-local addresses, which the internet
 * cannot reach. `public`: another address, public but not one the cloud can let the user choose.
 */
export function hostAddressReach(hostIp: string | undefined): HostAddressReach {
    if (hostIp === undefined) return "any";
    const ip = hostIp
        .trim()
        .replace(/^\[|\]$/g, "")
        .toLowerCase();
    if (ip === "" || ip === "0.0.0.0" || ip === "::" || ip === "0:0:0:0:0:0:0:0") return "any";
    const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(ip.replace(/^::ffff:/, ""));
    if (v4) {
        const [a, b] = [Number(v4[1]), Number(v4[2])];
        const priv = a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
        return priv ? "private" : "public";
    }
    if (ip === "::1" || ip === "0:0:0:0:0:0:0:1" || /^f[cd][0-9a-f]{0,2}:/.test(ip) || /^fe[89ab][0-9a-f]?:/.test(ip)) return "private";
    return "public";
}
