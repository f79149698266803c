/**
 * How a service's environment reaches a managed MongoDB-compatible database by its compose name
 * (pure; each cloud fills in the endpoint). A compose app writes `mongodb://mongo:27017/app` or
 * `MONGO_HOST: mongo`; the managed server has another address, requires credentials and TLS, and
 * some clouds require more options. So:
 *
 * - a `mongodb://` URL whose host is the name gets the cloud's scheme, the managed user and
 *   password (replacing any written), host and port, the database written (the path is kept), and
 *   the cloud's required options added to the query unless the URL sets them;
 * - a value that is just the name gets the host; `name:port` gets `host:port`.
 *
 * Where a name counts as a host is the grammar every cloud shares (`model/host-references.ts`).
 * A rewritten URL holds the password: the value becomes a secret.
 */
import { findHostReferences, HostReference, referencedHostNames, rewriteHostReferences } from "../model/host-references";

/** The schemes of a MongoDB connection string. */
const MONGO_SCHEME = /^mongodb(\+srv)?$/i;

/** Where a managed MongoDB-compatible database is and how clients must connect to it. */
export interface MongoEndpoint {
    /** `mongodb+srv` when the host is a DNS seed list (no port then). */
    scheme: "mongodb" | "mongodb+srv";
    host: string;
    port: number;
    user: string;
    password: string;
    /** Query options the server requires, e.g. `{ tls: "true", retryWrites: "false" }`, in order. */
    options: ReadonlyArray<readonly [string, string]>;
    /** The database to name when the URL names none (some servers need one); undefined keeps none. */
    defaultDatabase?: string;
}

/** The query with `options` added where the URL does not set them (the URL's own choice wins). */
export function mergeQuery(query: string | undefined, options: MongoEndpoint["options"]): string {
    const written = (query ?? "").replace(/^\?/, "");
    const set = new Set(
        written
            .split("&")
            .filter(Boolean)
            .map((p) => {
                // `split` gives at least one part: the whole option, when it has no `=`.
                const [name = ""] = p.split("=");
                return name.toLowerCase();
            }),
    );
    const added = options.filter(([k]) => !set.has(k.toLowerCase())).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
    const all = [...written.split("&").filter(Boolean), ...added];
    return all.length > 0 ? `?${all.join("&")}` : "";
}

/** The connection string of `endpoint` for the database `database` (none: the endpoint's default, if any). */
export function mongoUrl(endpoint: MongoEndpoint, database?: string, query?: string): string {
    const auth = `${encodeURIComponent(endpoint.user)}:${encodeURIComponent(endpoint.password)}@`;
    const address = endpoint.scheme === "mongodb" ? `${endpoint.host}:${endpoint.port}` : endpoint.host;
    const db = database ?? endpoint.defaultDatabase ?? "";
    return `${endpoint.scheme}://${auth}${address}/${db}${mergeQuery(query, endpoint.options)}`;
}

/** What one reference to a managed MongoDB becomes: a `mongodb://` URL gets the endpoint's URL, another URL is left alone. */
function rewriteOne(ref: HostReference, t: MongoEndpoint): string | undefined {
    if (ref.form === "host") return t.host;
    if (ref.form === "host-port") return `${t.host}${t.scheme === "mongodb" ? `:${t.port}` : ""}`;
    if (!MONGO_SCHEME.test(ref.scheme ?? "")) return undefined;
    const db = ref.path?.replace(/^\//, "");
    return mongoUrl(t, db ? decodeURIComponent(db) : undefined, ref.query);
}

/** The names of `targets` that `value` refers to (as a URL host, `name:port`, or the whole value). */
export function mongoReferences(value: string, names: Iterable<string>): string[] {
    return referencedHostNames(value, [...names]);
}

/** Whether rewriting `value` puts a password in it (a `mongodb://` URL naming one of `names`). */
export function mongoRewriteAddsSecret(value: string, names: Iterable<string>): boolean {
    return findHostReferences(value, [...names]).some((r) => r.form === "url" && MONGO_SCHEME.test(r.scheme ?? ""));
}

/** `value` with every reference to one of `targets` (by compose name or alias) rewritten to its endpoint. */
export function rewriteMongoReferences(value: string, targets: ReadonlyMap<string, MongoEndpoint>): string {
    return rewriteHostReferences(value, [...targets.keys()], (ref) => rewriteOne(ref, targets.get(ref.name)!));
}
