/**
 * Where a compose name appears as a host in an environment value: the one grammar for it, read by
 * every cloud whose runtime does not resolve compose names itself (Google Cloud, DigitalOcean) and
 * by the plan's diagram of who reaches whom. Pure: no cloud SDK. A backend decides only what a
 * referenced name becomes (`rewriteHostReferences`' callback).
 *
 * A name (a service name or a `networks.<n>.aliases` entry) is a host reference when it is written:
 * - as the host of a URL: `scheme://[userinfo@]name[:port][/path][?query]`, anywhere in the value
 *   (`http://api:8080/v1`, `postgres://u:${PW}@db:5432/app`, `redis://cache:6379/0`);
 * - as `name:port` (the port digits or a `${KEY}` template) after a start, a space, a comma or
 *   another separator that cannot be part of a host (`db:5432`, `KAFKA=kafka1:9092,kafka2:9092`,
 *   the second host of `mongodb://u:p@m1:27017,m2:27017/app`);
 * - alone, as the whole value or as one item of a comma-separated list (`db`, `web, api`).
 *
 * Never: a name inside a longer host (`db` in `db2`, `db.example.com`, `my-db`; `api` in `rapid`),
 * a path segment or query value (`http://x/db`, `?host=db`), a word of a sentence (`the api is down`),
 * or the key of a `${KEY}` template (`${db}`).
 */

/** How the name was written. */
export type HostReferenceForm = "url" | "host-port" | "host";

/** One place where a compose name is written as a host. */
export interface HostReference {
    /** The compose name (or alias). */
    name: string;
    form: HostReferenceForm;
    /** The span of `value` the reference covers: the whole URL (up to its query), `name:port`, or the name. */
    start: number;
    end: number;
    /** `url` only: the scheme as written (`http`, `postgres`). */
    scheme?: string;
    /** `url` only: the text before `@`, as written (`u:${PW}`), when there is one. */
    userinfo?: string;
    /** The port as written (digits or a `${KEY}` template), when there is one. */
    port?: string;
    /** `url` only: the path, from its `/`, when there is one. */
    path?: string;
    /** `url` only: the query, from its `?`, when there is one. */
    query?: string;
}

import { matchGroup } from "../util/regex-group";

const HOST = "[A-Za-z0-9_.-]+";
const PORT = "\\d+|\\$\\{[A-Za-z_][A-Za-z0-9_]*\\}";
/** A URL with an authority; the host stops at the first character a host cannot have. */
const URL_PATTERN = new RegExp(`([A-Za-z][A-Za-z0-9+.-]*)://(?:([^@/\\s?#,]*)@)?(${HOST})(?::(${PORT}))?(/[^\\s?#,"']*)?(\\?[^\\s#,"']*)?`, "g");
/** `host:port` not glued to a longer host, a scheme, a path, userinfo or a template. */
const HOST_PORT_PATTERN = new RegExp(`(?<![A-Za-z0-9_.@/:$}{-])(${HOST}):(${PORT})(?![A-Za-z0-9_.-])`, "g");
/** One item of a comma-separated list, surrounding spaces aside. */
const LIST_ITEM = /[^,]+/g;

/** Every host reference to one of `names` in `value`, in the order written. */
export function findHostReferences(value: string, names: ReadonlySet<string> | readonly string[]): HostReference[] {
    const known: ReadonlySet<string> = names instanceof Set ? names : new Set(names as readonly string[]);
    const refs: HostReference[] = [];
    const taken: Array<[number, number]> = [];
    const free = (start: number, end: number) => taken.every(([s, e]) => end <= s || start >= e);

    for (const m of value.matchAll(URL_PATTERN)) {
        const start = m.index!;
        const end = start + m[0].length;
        // Glued to a word before it (`xhttp://`) is still a URL; its host is what matters.
        taken.push([start, end]);
        const name = matchGroup(m, 3);
        if (!known.has(name)) continue;
        const ref: HostReference = { name, form: "url", start, end, scheme: matchGroup(m, 1) };
        if (m[2] !== undefined) ref.userinfo = m[2];
        if (m[4] !== undefined) ref.port = m[4];
        if (m[5] !== undefined) ref.path = m[5];
        if (m[6] !== undefined) ref.query = m[6];
        refs.push(ref);
    }
    for (const m of value.matchAll(HOST_PORT_PATTERN)) {
        const start = m.index!;
        const end = start + m[0].length;
        if (!free(start, end)) continue;
        taken.push([start, end]);
        const name = matchGroup(m, 1);
        if (known.has(name)) refs.push({ name, form: "host-port", start, end, port: matchGroup(m, 2) });
    }
    for (const m of value.matchAll(LIST_ITEM)) {
        const item = m[0].trim();
        if (!known.has(item)) continue;
        const start = m.index! + m[0].indexOf(item);
        const end = start + item.length;
        if (free(start, end)) refs.push({ name: item, form: "host", start, end });
    }
    return refs.sort((a, b) => a.start - b.start);
}

/** The names `value` refers to as hosts, each once, in the order first written. */
export function referencedHostNames(value: string, names: ReadonlySet<string> | readonly string[]): string[] {
    return [...new Set(findHostReferences(value, names).map((r) => r.name))];
}

/**
 * `value` with each host reference to one of `names` replaced by what `replace` returns for it (the
 * new text of the reference's span); `undefined` keeps the span as written.
 */
export function rewriteHostReferences(value: string, names: ReadonlySet<string> | readonly string[], replace: (ref: HostReference) => string | undefined): string {
    let out = "";
    let at = 0;
    for (const ref of findHostReferences(value, names)) {
        out += value.slice(at, ref.start) + (replace(ref) ?? value.slice(ref.start, ref.end));
        at = ref.end;
    }
    return out + value.slice(at);
}
