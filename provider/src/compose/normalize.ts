/**
 * Normalization of the merged model, as `docker compose config` does it: services join the
 * `default` network unless they say otherwise (a `provider:` service is no container and joins none), networks and volumes get their real names,
 * dependencies implied by `network_mode: service:x`, `volumes_from` and `links` become explicit,
 * builds get their default context and Dockerfile, and value-less environment entries and build
 * args take their value from the environment when it has one.
 */
import { isPlainObject } from "./paths";
import { Lookup } from "./template";

type Dict = Record<string, unknown>;

export function normalizeModel(model: Dict, projectName: string, lookup: Lookup): Dict {
    const out: Dict = { ...model };
    const services = isPlainObject(out.services) ? { ...out.services } : {};
    let usesDefault = false;
    // `services` is a plain copy: `for...in` lists its own keys, in `Object.entries` order.
    for (const name in services) {
        const raw = services[name];
        if (!isPlainObject(raw)) continue;
        const s: Dict = { ...raw };
        if (s.build !== undefined && s.build !== null) s.build = normalizeBuild(s.build, lookup);
        if (s.environment !== undefined) s.environment = resolveEnvironment(s.environment, lookup);
        if (joinsDefaultNetwork(s)) s.networks = { default: null };
        if (isPlainObject(s.networks) && "default" in s.networks) usesDefault = true;
        if (Array.isArray(s.networks) && s.networks.includes("default")) usesDefault = true;
        addImplicitDependencies(s);
        services[name] = s;
    }
    if (out.services !== undefined) out.services = services;
    if (usesDefault) {
        const networks = isPlainObject(out.networks) ? { ...out.networks } : {};
        if (!("default" in networks) || networks.default === null) networks.default = {};
        out.networks = networks;
    }
    for (const kind of ["networks", "volumes", "secrets", "configs"]) {
        if (isPlainObject(out[kind])) out[kind] = nameResources(out[kind] as Dict, projectName);
    }
    return out;
}

/** A container without `networks` (or with an empty one) and without `network_mode` is on `default`. */
function joinsDefaultNetwork(s: Dict): boolean {
    if (s.provider !== undefined || s.network_mode !== undefined) return false;
    const n = s.networks;
    return n === undefined || n === null || (Array.isArray(n) ? n.length === 0 : isPlainObject(n) && Object.keys(n).length === 0);
}

function normalizeBuild(build: unknown, lookup: Lookup): unknown {
    const b: Dict = typeof build === "string" ? { context: build } : isPlainObject(build) ? { ...build } : {};
    if (b.context === undefined || b.context === null) b.context = ".";
    if (b.dockerfile === undefined && b.dockerfile_inline === undefined) b.dockerfile = "Dockerfile";
    if (b.args !== undefined) b.args = resolveArgs(b.args, lookup);
    return b;
}

/** `environment` entries without a value take it from the environment when set there. */
function resolveEnvironment(env: unknown, lookup: Lookup): unknown {
    if (Array.isArray(env)) {
        return env.map((e) => {
            if (typeof e !== "string" || e.includes("=")) return e;
            const v = lookup(e);
            return v === undefined ? e : `${e}=${v}`;
        });
    }
    if (isPlainObject(env)) {
        const out: Dict = {};
        for (const [k, v] of Object.entries(env)) {
            const resolved = v === null ? lookup(k) : undefined;
            out[k] = resolved !== undefined ? resolved : v;
        }
        return out;
    }
    return env;
}

/** Build args without a value take it from the environment, and are dropped when it has none. */
function resolveArgs(args: unknown, lookup: Lookup): unknown {
    if (Array.isArray(args)) {
        const out: unknown[] = [];
        for (const a of args) {
            if (typeof a !== "string" || a.includes("=")) out.push(a);
            else {
                const v = lookup(a);
                if (v !== undefined) out.push(`${a}=${v}`);
            }
        }
        return out;
    }
    if (isPlainObject(args)) {
        const out: Dict = {};
        for (const [k, v] of Object.entries(args)) {
            if (v !== null) out[k] = v;
            else {
                const r = lookup(k);
                if (r !== undefined) out[k] = r;
            }
        }
        return out;
    }
    return args;
}

/** `x` of `service:x` (a namespace shared with another service), else undefined. */
function sharedWith(v: unknown): string | undefined {
    return typeof v === "string" && v.startsWith("service:") ? v.slice("service:".length) : undefined;
}

function addImplicitDependencies(s: Dict): void {
    const implicit: Array<[string, boolean]> = [];
    // The attributes are named one by one (no list of them per service): a named lookup is cheaper than one by a variable key.
    let shared: string | undefined;
    if ((shared = sharedWith(s.network_mode)) !== undefined) implicit.push([shared, true]);
    if ((shared = sharedWith(s.ipc)) !== undefined) implicit.push([shared, true]);
    if ((shared = sharedWith(s.pid)) !== undefined) implicit.push([shared, true]);
    if ((shared = sharedWith(s.uts)) !== undefined) implicit.push([shared, true]);
    if ((shared = sharedWith(s.cgroup)) !== undefined) implicit.push([shared, true]);
    if (Array.isArray(s.volumes_from)) {
        for (const v of s.volumes_from) {
            if (typeof v !== "string" || v.startsWith("container:")) continue;
            implicit.push([v.split(":")[0] ?? v, false]);
        }
    }
    if (Array.isArray(s.links)) {
        for (const l of s.links) if (typeof l === "string") implicit.push([l.split(":")[0] ?? l, true]);
    }
    if (implicit.length === 0 && !Array.isArray(s.depends_on)) return;
    const deps: Dict = {};
    if (Array.isArray(s.depends_on)) {
        for (const d of s.depends_on) deps[String(d)] = { condition: "service_started", required: true };
    } else if (isPlainObject(s.depends_on)) {
        Object.assign(deps, s.depends_on);
    }
    for (const [name, restart] of implicit) {
        if (!(name in deps)) deps[name] = { condition: "service_started", restart, required: true };
    }
    s.depends_on = deps;
}

/** External resources are named by their key; the others by `<project>_<key>`. */
function nameResources(resources: Dict, projectName: string): Dict {
    const out: Dict = {};
    for (const [key, raw] of Object.entries(resources)) {
        const r: Dict = isPlainObject(raw) ? { ...raw } : {};
        if (isPlainObject(r.external)) {
            // Legacy `external: { name: x }`.
            if (r.name === undefined && r.external.name !== undefined) r.name = r.external.name;
            r.external = true;
        }
        if (r.name === undefined) r.name = r.external === true ? key : `${projectName}_${key}`;
        out[key] = r;
    }
    return out;
}
