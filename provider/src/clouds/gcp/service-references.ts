/**
 * How one service reaches another by its compose name on Google Cloud: pure functions, no resources.
 *
 * Cloud Run has no private DNS shared by a project's services, so `http://backend:8080` cannot
 * resolve. Instead, environment values that name another component of the project are rewritten
 * when the service is deployed:
 * - a Cloud Run service: `http://backend:8080/api` becomes `https://<backend's run.app host>/api`
 *   (`ws` becomes `wss`), `backend:8080` becomes `<host>:443`, and a value that is just `backend`
 *   becomes `<host>`. Its deterministic URL is known before it exists, so references may go both ways.
 * - a managed database or cache: the name becomes its private IP address, and the port its real
 *   port. A Redis URL gets `rediss` when the cache requires TLS, and the AUTH string as its password
 *   when it has none (the value is then kept in Secret Manager).
 *
 * - a managed MongoDB (Firestore with MongoDB compatibility): a `mongodb://` URL gets the database's
 *   host, credentials, Firestore database and required options (`../mongo-references.ts`); the
 *   value is then kept in Secret Manager.
 *
 * A name is only recognized where a host is: after `scheme://` (and an optional `user@`), before
 * `:<port>`, or as the whole value; `backend.example.com` and `my-backend` are left alone.
 */

export type ReferenceTarget =
    | { kind: "service"; host: string }
    | { kind: "postgres"; host: string; port: number }
    | { kind: "redis"; host: string; port: number; tls: boolean; password?: string }
    | { kind: "mongo"; host: string; port: number; endpoint: MongoEndpoint };

import { MongoEndpoint, mongoRewriteAddsSecret, rewriteMongoReferences } from "../mongo-references";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The names of `targets` that `value` mentions as a host. */
export function referencedNames(value: string, names: Iterable<string>): string[] {
    return [...names].filter((n) => hostPattern(n).test(value) || value === n);
}

/** `name` where a host is written: after `//` or `@`, or at the start, and before `:`, `/`, `?`, `#` or the end. */
function hostPattern(name: string): RegExp {
    return new RegExp(`(^|//|@|[^A-Za-z0-9._-])${escape(name)}(?=:\\d|[/?#]|$)`);
}

const URL_REFERENCE = (name: string) => new RegExp(`\\b([A-Za-z][A-Za-z0-9+.-]*)://([^/@\\s]*@)?${escape(name)}(:\\d+)?(?=[/?#\\s"']|$)`, "g");
const HOST_PORT_REFERENCE = (name: string) => new RegExp(`(^|[^A-Za-z0-9._@/-])${escape(name)}:(\\d+)(?![0-9])`, "g");

function secureScheme(scheme: string): string {
    const lower = scheme.toLowerCase();
    return lower === "http" ? "https" : lower === "ws" ? "wss" : scheme;
}

function rewriteUrl(target: ReferenceTarget, scheme: string, userinfo: string | undefined): string {
    switch (target.kind) {
        case "service":
            return `${secureScheme(scheme)}://${userinfo ?? ""}${target.host}`;
        case "postgres":
        case "mongo":
            return `${scheme}://${userinfo ?? ""}${target.host}:${target.port}`;
        case "redis": {
            const redis = /^rediss?$/i.test(scheme);
            const s = redis && target.tls ? "rediss" : scheme;
            const auth = userinfo ?? (redis && target.password !== undefined ? `:${encodeURIComponent(target.password)}@` : "");
            return `${s}://${auth}${target.host}:${target.port}`;
        }
    }
}

function hostPort(target: ReferenceTarget): string {
    return target.kind === "service" ? `${target.host}:443` : `${target.host}:${target.port}`;
}

/** `value` with every reference to a name of `targets` rewritten to where that component really is. */
export function rewriteReferences(value: string, targets: ReadonlyMap<string, ReferenceTarget>): string {
    const whole = targets.get(value);
    if (whole) return whole.host;
    const mongo = new Map<string, MongoEndpoint>();
    for (const [name, t] of targets) if (t.kind === "mongo") mongo.set(name, t.endpoint);
    let out = mongo.size > 0 ? rewriteMongoReferences(value, mongo) : value;
    // Longest names first, so that `api` does not take a part of `api-v2`'s reference.
    for (const name of [...targets.keys()].sort((a, b) => b.length - a.length)) {
        const target = targets.get(name)!;
        out = out.replace(URL_REFERENCE(name), (_m, scheme: string, userinfo: string | undefined) => rewriteUrl(target, scheme, userinfo));
        out = out.replace(HOST_PORT_REFERENCE(name), (_m, before: string) => `${before}${hostPort(target)}`);
    }
    return out;
}

/**
 * Whether rewriting `value` may put a secret in it: a URL naming one of `caches` (which require AUTH)
 * gets the AUTH string, a `mongodb://` URL naming one of `mongos` gets the password.
 */
export function rewriteAddsSecret(value: string, caches: Iterable<string>, mongos: Iterable<string> = []): boolean {
    return [...caches].some((name) => URL_REFERENCE(name).test(value)) || mongoRewriteAddsSecret(value, mongos);
}
