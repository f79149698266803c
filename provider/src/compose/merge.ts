/**
 * Merging compose models, as the Compose specification's override rules say: later files (and an
 * extending service) win, mappings merge key by key, sequences append, and some attributes have
 * rules of their own (environment-like lists merge by key, `command` is replaced, and so on).
 *
 * Works on raw values, before normalization, exactly like the reference loader's merge, so that an
 * override written in either short or long syntax combines the same way.
 */
import { Path, pathPattern, pathToString, isPlainObject, setOwn } from "./paths";
import { Override, RESET } from "./yaml-source";

export class MergeError extends Error {
    constructor(
        message: string,
        readonly path: Path,
    ) {
        super(message);
    }
}

type Merger = (base: unknown, override: unknown, path: Path) => unknown;

const replace: Merger = (_b, o) => o;

/** Attributes with a merge rule of their own. */
const SPECIAL: Array<[(p: Path) => boolean, Merger]> = (
    [
        ["networks.*.ipam.config", mergeIpamConfig],
        ["networks.*.labels", mergeToSequence],
        ["volumes.*.labels", mergeToSequence],
        ["services.*.annotations", mergeToSequence],
        ["services.*.build", mergeBuild],
        ["services.*.build.args", mergeToSequence],
        ["services.*.build.additional_contexts", mergeToSequence],
        ["services.*.build.extra_hosts", mergeExtraHosts],
        ["services.*.build.labels", mergeToSequence],
        ["services.*.command", replace],
        ["services.*.depends_on", mergeDependsOn],
        ["services.*.deploy.labels", mergeToSequence],
        ["services.*.dns", mergeToSequence],
        ["services.*.dns_opt", mergeToSequence],
        ["services.*.dns_search", mergeToSequence],
        ["services.*.entrypoint", replace],
        ["services.*.env_file", mergeToSequence],
        ["services.*.label_file", mergeToSequence],
        ["services.*.environment", mergeToSequence],
        ["services.*.extra_hosts", mergeExtraHosts],
        ["services.*.healthcheck.test", replace],
        ["services.*.labels", mergeToSequence],
        ["services.*.volumes.*.volume.labels", mergeToSequence],
        ["services.*.logging", mergeLogging],
        ["services.*.models", mergeServiceModels],
        ["services.*.networks", mergeServiceNetworks],
        ["services.*.sysctls", mergeToSequence],
        ["services.*.tmpfs", mergeToSequence],
        ["services.*.ulimits.*", replace],
        ["models.*.runtime_flags", replace],
    ] as Array<[string, Merger]>
).map(([p, m]) => [pathPattern(p), m]);

/** Merges `override` into `base` (neither is modified). `path` is where the values stand in the project. */
export function mergeValues(base: unknown, override: unknown, path: Path = []): unknown {
    if (override instanceof Override) return stripMarkers(override.value);
    if (override === RESET) return RESET;
    if (override === null || override === undefined) return base;
    if (base === null || base === undefined || base === RESET) return stripMarkers(override);
    for (const [match, merger] of SPECIAL) {
        if (match(path)) return merger(unwrap(base), override, path);
    }
    return mergeDefault(unwrap(base), override, path);
}

function mergeDefault(base: unknown, override: unknown, path: Path): unknown {
    if (isPlainObject(base)) {
        if (!isPlainObject(override)) throw new MergeError(`cannot merge a ${kind(override)} into a mapping`, path);
        return mergeMappings(base, override, path);
    }
    if (Array.isArray(base)) {
        if (!Array.isArray(override)) throw new MergeError(`cannot merge a ${kind(override)} into a list`, path);
        return [...base, ...stripMarkers(override)];
    }
    return stripMarkers(override);
}

export function mergeMappings(base: Record<string, unknown>, override: Record<string, unknown>, path: Path): Record<string, unknown> {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(override)) {
        if (v === RESET) {
            delete out[k];
            continue;
        }
        if (!(k in out)) {
            const clean = stripMarkers(v);
            if (clean !== RESET) setKey(out, k, clean);
            continue;
        }
        const merged = mergeValues(out[k], v, [...path, k]);
        if (merged === RESET) delete out[k];
        else setKey(out, k, merged);
    }
    return out;
}

/** Removes `!reset` entries and unwraps `!override` values, everywhere below `v`. */
export function stripMarkers<T>(v: T): T {
    if (v instanceof Override) return stripMarkers(v.value) as T;
    if (Array.isArray(v)) return v.filter((x) => x !== RESET).map((x) => stripMarkers(x)) as unknown as T;
    if (isPlainObject(v)) {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) if (x !== RESET) setKey(out, k, stripMarkers(x));
        return out as T;
    }
    return v;
}

function unwrap(v: unknown): unknown {
    return v instanceof Override ? v.value : v;
}

function setKey(o: Record<string, unknown>, k: string, v: unknown): void {
    setOwn(o, k, v);
}

function kind(v: unknown): string {
    if (Array.isArray(v)) return "list";
    if (isPlainObject(v)) return "mapping";
    return typeof v === "string" ? "string" : `${typeof v} value`;
}

// ---------------------------------------------------------------------------------------------
// Rules of particular attributes

/** `KEY=value` text of a mapping entry, as the list form of environment-like attributes writes it. */
function entryText(k: string, v: unknown): string {
    if (v === null || v === undefined) return k;
    return `${k}=${Array.isArray(v) ? v.join(",") : String(v)}`;
}

function keyOfEntry(s: unknown): string {
    const t = String(s);
    const i = t.indexOf("=");
    return i < 0 ? t : t.slice(0, i);
}

function toSequence(v: unknown): unknown[] {
    if (Array.isArray(v)) return v;
    if (isPlainObject(v)) {
        return Object.keys(v)
            .filter((k) => v[k] !== RESET)
            .sort()
            .map((k) => entryText(k, v[k]));
    }
    return [v];
}

function mergeToSequence(base: unknown, override: unknown): unknown {
    let right = unwrap(override);
    let left = toSequence(base);
    if (isPlainObject(right)) {
        const resets = new Set(Object.keys(right).filter((k) => right && (right as Record<string, unknown>)[k] === RESET));
        if (resets.size) left = left.filter((e) => !(typeof e === "string" && resets.has(keyOfEntry(e))));
    }
    right = stripMarkers(right);
    return [...left, ...toSequence(right)];
}

function hostEntries(v: unknown): string[] {
    if (isPlainObject(v)) {
        const out: string[] = [];
        for (const k of Object.keys(v).sort()) {
            const ips = v[k];
            for (const ip of Array.isArray(ips) ? ips : [ips]) out.push(`${k}=${ip}`);
        }
        return out;
    }
    return toSequence(v).map(String);
}

function mergeExtraHosts(base: unknown, override: unknown): unknown {
    const out = hostEntries(base);
    for (const e of hostEntries(stripMarkers(unwrap(override)))) if (!out.includes(e)) out.push(e);
    return out;
}

function mergeBuild(base: unknown, override: unknown, path: Path): unknown {
    const toBuild = (v: unknown) => (typeof v === "string" ? { context: v } : v);
    const b = toBuild(base);
    const o = toBuild(unwrap(override));
    if (!isPlainObject(b) || !isPlainObject(o)) return stripMarkers(o);
    return mergeMappings(b, o, path);
}

function mergeDependsOn(base: unknown, override: unknown, path: Path): unknown {
    const toMap = (v: unknown): Record<string, unknown> => {
        if (!Array.isArray(v)) return v as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const s of v) setKey(out, String(s), { condition: "service_started", required: true });
        return out;
    };
    return mergeMappings(toMap(base), toMap(unwrap(override)), path);
}

function listToNullMap(v: unknown): Record<string, unknown> {
    if (!Array.isArray(v)) return (v ?? {}) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const s of v) setKey(out, String(s), null);
    return out;
}

function mergeServiceNetworks(base: unknown, override: unknown, path: Path): unknown {
    return mergeMappings(listToNullMap(base), listToNullMap(unwrap(override)), path);
}

function mergeServiceModels(base: unknown, override: unknown, path: Path): unknown {
    return mergeMappings(listToNullMap(base), listToNullMap(unwrap(override)), path);
}

function mergeLogging(base: unknown, override: unknown, path: Path): unknown {
    const o = unwrap(override);
    if (!isPlainObject(base) || !isPlainObject(o)) return stripMarkers(o);
    const sameDriver = !("driver" in o) || !("driver" in base) || o.driver === base.driver;
    return sameDriver ? mergeMappings(base, o, path) : stripMarkers(o);
}

function mergeIpamConfig(base: unknown, override: unknown, path: Path): unknown {
    const out = Array.isArray(base) ? [...base] : [];
    for (const item of toSequence(stripMarkers(unwrap(override)))) {
        const subnet = isPlainObject(item) ? item.subnet : undefined;
        const i = out.findIndex((x) => isPlainObject(x) && subnet !== undefined && x.subnet === subnet);
        if (i >= 0 && isPlainObject(out[i]) && isPlainObject(item)) out[i] = mergeMappings(out[i] as Record<string, unknown>, item, path);
        else out.push(item);
    }
    return out;
}

export function describeMergeError(e: MergeError): string {
    return `${pathToString(e.path)}: ${e.message}`;
}
