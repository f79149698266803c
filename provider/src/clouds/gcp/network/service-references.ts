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
 * Where a name counts as a host is the grammar every cloud shares (`model/host-references.ts`);
 * this file says only what a name becomes on Google Cloud.
 */
import { findHostReferences, HostReference, referencedHostNames, rewriteHostReferences } from "../../../model/host-references";

export type ReferenceTarget =
    | { kind: "service"; host: string }
    | { kind: "postgres"; host: string; port: number }
    | { kind: "redis"; host: string; port: number; tls: boolean; password?: string }
    | { kind: "mongo"; host: string; port: number; endpoint: MongoEndpoint };

import { MongoEndpoint, mongoRewriteAddsSecret, rewriteMongoReferences } from "../../mongo-references";

/** The names of `targets` that `value` mentions as a host. */
export function referencedNames(value: string, names: Iterable<string>): string[] {
    return referencedHostNames(value, [...names]);
}

function secureScheme(scheme: string): string {
    const lower = scheme.toLowerCase();
    return lower === "http" ? "https" : lower === "ws" ? "wss" : scheme;
}

/** A URL's new text up to its port; the path and query follow as written. */
function rewriteUrl(target: ReferenceTarget, scheme: string, userinfo: string | undefined): string {
    const auth = userinfo === undefined ? "" : `${userinfo}@`;
    switch (target.kind) {
        case "service":
            return `${secureScheme(scheme)}://${auth}${target.host}`;
        case "postgres":
        case "mongo":
            return `${scheme}://${auth}${target.host}:${target.port}`;
        case "redis": {
            const redis = /^rediss?$/i.test(scheme);
            const s = redis && target.tls ? "rediss" : scheme;
            const credentials = userinfo !== undefined ? auth : redis && target.password !== undefined ? `:${encodeURIComponent(target.password)}@` : "";
            return `${s}://${credentials}${target.host}:${target.port}`;
        }
    }
}

function hostPort(target: ReferenceTarget): string {
    return target.kind === "service" ? `${target.host}:443` : `${target.host}:${target.port}`;
}

function rewriteOne(ref: HostReference, target: ReferenceTarget): string {
    switch (ref.form) {
        case "url":
            return `${rewriteUrl(target, ref.scheme!, ref.userinfo)}${ref.path ?? ""}${ref.query ?? ""}`;
        case "host-port":
            return hostPort(target);
        case "host":
            return target.host;
    }
}

/** `value` with every reference to a name of `targets` rewritten to where that component really is. */
export function rewriteReferences(value: string, targets: ReadonlyMap<string, ReferenceTarget>): string {
    const mongo = new Map<string, MongoEndpoint>();
    for (const [name, t] of targets) if (t.kind === "mongo") mongo.set(name, t.endpoint);
    // A `mongodb://` URL of a managed MongoDB gets its endpoint's URL; every other reference its host.
    const out = mongo.size > 0 ? rewriteMongoReferences(value, mongo) : value;
    return rewriteHostReferences(out, [...targets.keys()], (ref) => rewriteOne(ref, targets.get(ref.name)!));
}

/**
 * Whether rewriting `value` may put a secret in it: a URL naming one of `caches` (which require AUTH)
 * gets the AUTH string, a `mongodb://` URL naming one of `mongos` gets the password.
 */
export function rewriteAddsSecret(value: string, caches: Iterable<string>, mongos: Iterable<string> = []): boolean {
    return findHostReferences(value, [...caches]).some((r) => r.form === "url") || mongoRewriteAddsSecret(value, mongos);
}
