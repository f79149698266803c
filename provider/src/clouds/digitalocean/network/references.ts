/**
 * How a service's environment reaches the project's other components on App Platform, decided on
 * the text of each value (pure; `environment.ts` fills in the values):
 *
 * - A compose service is reached by its App component name, which is its compose name made a valid
 *   DNS label (`app_a` -> `app-a`); aliases become that name too. Ports stay as written.
 * - A managed PostgreSQL, Valkey or MongoDB cluster lives outside the App, at its own host and port (25060,
 *   25061), with a password DigitalOcean generates and TLS always on. So a reference to it by compose
 *   name is rewritten:
 *   - a URL whose host is the name (`postgres://u:${PW}@db:5432/app`) gets the cluster's user,
 *     password, host and port (and the database when it named the compose one, or none), plus
 *     `sslmode=require` when it sets no sslmode; a `redis://` URL becomes `rediss://default:<password>@host:port`;
 *     a `mongodb://` URL becomes `mongodb+srv://doadmin:<password>@host/<db>` (the cluster's host is a
 *     DNS seed list), with `tls=true&authSource=admin` unless it sets them;
 *   - a value that is just the name (`DB_HOST: db`) or `name:port` gets the host (and port);
 *   - then, in a service that referenced a cluster that way, its companion values: a variable ending
 *     in `PORT` whose value is the compose port, in `USER`/`USERNAME` whose value is the compose user,
 *     in `DB`/`DATABASE`/`DB_NAME`/`DBNAME` whose value is the compose database.
 *
 * Where a name counts as a host is the grammar every cloud shares (`model/host-references.ts`);
 * this file says only what a name becomes on App Platform.
 *
 * Rewritten pieces are tokens (`\u0000<target>.<field>\u0000`) that `environment.ts` replaces with
 * the cluster's outputs; `${KEY}` config references stay as they are.
 */

import { HostReference, rewriteHostReferences } from "../../../model/host-references";
import { mergeQuery } from "../../mongo-references";

export type ManagedField = "host" | "port" | "user" | "password" | "database";

/** What a compose name resolves to. */
export type ReferenceTarget = { kind: "service"; component: string } | { kind: "postgres" | "redis" | "mongo"; id: string; port: number; user?: string; database?: string };

/** Options a DigitalOcean MongoDB cluster requires of clients. */
export const MONGO_OPTIONS: ReadonlyArray<readonly [string, string]> = [
    ["tls", "true"],
    ["authSource", "admin"],
];

/** A placeholder for a managed cluster's value. */
export function token(id: string, field: ManagedField): string {
    return `\u0000${id}.${field}\u0000`;
}

/** The tokens in `text`, in order. */
// eslint-disable-next-line no-control-regex -- NUL delimits a token, on purpose: it cannot occur in a value the user wrote
export const TOKEN = /\u0000([^\u0000.]+)\.(host|port|user|password|database)\u0000/g;

export interface RewrittenValue {
    text: string;
    /** Managed clusters referenced by host (their companions may be rewritten). */
    managed: string[];
}

/** What a reference becomes on App Platform (see the file's comment). */
function rewriteOne(ref: HostReference, t: ReferenceTarget, use: (id: string) => void): string | undefined {
    if (t.kind === "service") {
        // The component name in place of the compose name; everything else as written.
        const written = ref.form === "url" ? undefined : ref.port === undefined ? t.component : `${t.component}:${ref.port}`;
        return written ?? `${ref.scheme}://${ref.userinfo === undefined ? "" : `${ref.userinfo}@`}${t.component}${ref.port === undefined ? "" : `:${ref.port}`}${ref.path ?? ""}${ref.query ?? ""}`;
    }
    use(t.id);
    const address = `${token(t.id, "host")}:${token(t.id, "port")}`;
    if (ref.form === "host") return token(t.id, "host");
    if (ref.form === "host-port") return address;
    const credentials = `${token(t.id, "user")}:${token(t.id, "password")}@`;
    if (t.kind === "redis") return `rediss://${credentials}${address}${ref.path ?? ""}${ref.query ?? ""}`;
    const named = ref.path?.replace(/^\//, "");
    // The cluster's host is a DNS seed list: no port.
    if (t.kind === "mongo") return `mongodb+srv://${credentials}${token(t.id, "host")}/${named || token(t.id, "database")}${mergeQuery(ref.query, MONGO_OPTIONS)}`;
    const db = named === undefined || named === "" || named === t.database ? `/${token(t.id, "database")}` : ref.path!;
    const q = ref.query === undefined ? "?sslmode=require" : /[?&]sslmode=/.test(ref.query) ? ref.query : `${ref.query}&sslmode=require`;
    return `${ref.scheme}://${credentials}${address}${db}${q}`;
}

/** Rewrites the references of one value (see the file's comment). */
export function rewriteReferences(text: string, targets: ReadonlyMap<string, ReferenceTarget>): RewrittenValue {
    const managed: string[] = [];
    const use = (id: string) => void (managed.includes(id) ? undefined : managed.push(id));
    const out = rewriteHostReferences(text, [...targets.keys()], (ref) => rewriteOne(ref, targets.get(ref.name)!, use));
    return { text: out, managed };
}

/** A companion of a referenced cluster: the variable's new text, or undefined when it is not one. */
export function rewriteCompanion(name: string, text: string, referenced: ReferenceTarget[]): string | undefined {
    for (const t of referenced) {
        if (t.kind === "service") continue;
        if (/PORT$/i.test(name) && text === String(t.port)) return token(t.id, "port");
        if (/(^|_)(USER|USERNAME)$/i.test(name) && t.user !== undefined && text === t.user) return token(t.id, "user");
        if (/(^|_)(DB|DATABASE|DB_NAME|DBNAME|DATABASE_NAME)$/i.test(name) && t.database !== undefined && text === t.database) return token(t.id, "database");
    }
    return undefined;
}
