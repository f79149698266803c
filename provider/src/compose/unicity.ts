/**
 * After merging, some lists may hold one entry per key only (one `FOO=` in `environment`, one mount
 * per target path, one device per container path...). The later entry wins and takes the place of
 * the first one, as the reference loader does.
 */
import { Path, pathPattern, isPlainObject, setOwn } from "./paths";

type Indexer = (item: unknown) => string | undefined;

const keyValue: Indexer = (item) => {
    if (typeof item === "string") {
        const i = item.indexOf("=");
        return i < 0 ? item : item.slice(0, i);
    }
    return item === null || item === undefined ? undefined : JSON.stringify(item);
};

/** Volumes and devices: one entry per path in the container (`SOURCE:TARGET[:MODE]` or `{target}`). */
const containerPath: Indexer = (item) => {
    if (isPlainObject(item)) return item.target === undefined ? undefined : String(item.target);
    if (typeof item === "string") {
        const parts = item.split(":");
        return parts.length > 1 ? parts[1] : parts[0];
    }
    return undefined;
};

const mountTarget =
    (defaultDir: string): Indexer =>
    (item) => {
        if (typeof item === "string") return `${defaultDir}/${item}`;
        if (isPlainObject(item)) {
            if (item.target !== undefined) {
                const t = String(item.target);
                return t.startsWith("/") ? t : `${defaultDir}/${t}`;
            }
            return `${defaultDir}/${String(item.source)}`;
        }
        return undefined;
    };

const envFile: Indexer = (item) => (isPlainObject(item) ? String(item.path) : String(item));

const port: Indexer = (item) => {
    if (isPlainObject(item)) {
        if (item.target === undefined) return undefined;
        return `${item.host_ip ?? "0.0.0.0"}:${item.published ?? ""}:${item.target}/${item.protocol ?? "tcp"}`;
    }
    return String(item);
};

const expose: Indexer = (item) => String(item);

const UNIQUE: Array<[string, Indexer]> = [
    ["networks.*.labels", keyValue],
    ["networks.*.ipam.options", keyValue],
    ["services.*.annotations", keyValue],
    ["services.*.build.args", keyValue],
    ["services.*.build.additional_contexts", keyValue],
    ["services.*.build.platforms", keyValue],
    ["services.*.build.platform", keyValue],
    ["services.*.build.tags", keyValue],
    ["services.*.build.labels", keyValue],
    ["services.*.cap_add", keyValue],
    ["services.*.cap_drop", keyValue],
    ["services.*.devices", containerPath],
    ["services.*.configs", mountTarget("")],
    ["services.*.deploy.labels", keyValue],
    ["services.*.dns", keyValue],
    ["services.*.dns_opt", keyValue],
    ["services.*.dns_search", keyValue],
    ["services.*.environment", keyValue],
    ["services.*.env_file", envFile],
    ["services.*.expose", expose],
    ["services.*.labels", keyValue],
    ["services.*.links", keyValue],
    ["services.*.networks.*.aliases", keyValue],
    ["services.*.networks.*.link_local_ips", keyValue],
    ["services.*.ports", port],
    ["services.*.profiles", keyValue],
    ["services.*.secrets", mountTarget("/run/secrets")],
    ["services.*.sysctls", keyValue],
    ["services.*.tmpfs", keyValue],
    ["services.*.volumes", containerPath],
];

/**
 * The rules by the last part of their pattern (none ends in `*`), each list in table order: a list
 * is matched against the few rules that can match it rather than all of them.
 */
const UNIQUE_BY_LAST_PART = new Map<string, Array<[(p: Path) => boolean, Indexer]>>();
for (const [pattern, indexer] of UNIQUE) {
    const last = pattern.slice(pattern.lastIndexOf(".") + 1);
    const rules = UNIQUE_BY_LAST_PART.get(last) ?? [];
    rules.push([pathPattern(pattern), indexer]);
    UNIQUE_BY_LAST_PART.set(last, rules);
}

function ruleFor(path: Path): Indexer | undefined {
    const last = path[path.length - 1];
    const rules = typeof last === "string" ? UNIQUE_BY_LAST_PART.get(last) : undefined;
    if (rules === undefined) return undefined;
    for (const [matches, indexer] of rules) if (matches(path)) return indexer;
    return undefined;
}

/**
 * Returns `value` with duplicate-keyed list entries folded, everywhere a rule applies. Copy on
 * write: a map or list in which nothing was folded is returned as it is (the raw model is never
 * modified afterwards: normalization and the canonical form build new values).
 */
export function enforceUnicity(value: unknown, path: Path = []): unknown {
    return fold(value, [...path]);
}

/** `path`: the walk's own stack, pushed and popped on the way down. */
function fold(value: unknown, path: Array<string | number>): unknown {
    if (Array.isArray(value)) {
        let items: unknown[] | undefined;
        for (let i = 0; i < value.length; i++) {
            const v: unknown = value[i];
            path.push(i);
            const folded = fold(v, path);
            path.pop();
            if (folded !== v && !items) items = value.slice(0, i);
            if (items) items.push(folded);
        }
        const indexer = ruleFor(path);
        return indexer ? foldByKey(items ?? value, indexer) : (items ?? value);
    }
    if (isPlainObject(value)) {
        let out: Record<string, unknown> | undefined;
        // A plain object inherits no enumerable key: `for...in` lists its own, in `Object.entries` order.
        for (const k in value) {
            const v = value[k];
            path.push(k);
            const folded = fold(v, path);
            path.pop();
            if (folded !== v && !out) {
                out = {};
                for (const before in value) {
                    if (before === k) break;
                    setOwn(out, before, value[before]);
                }
            }
            if (out) setOwn(out, k, folded);
        }
        return out ?? value;
    }
    return value;
}

/** `items` with each later entry of a key in the place of the first; `items` itself when no key repeats. */
function foldByKey(items: unknown[], index: Indexer): unknown[] {
    // One entry cannot repeat a key: its key is not even computed.
    if (items.length < 2) return items;
    const out: unknown[] = [];
    const at = new Map<string, number>();
    let folded = false;
    for (const item of items) {
        const key = index(item);
        if (key === undefined) {
            out.push(item);
            continue;
        }
        const i = at.get(key);
        if (i === undefined) {
            at.set(key, out.length);
            out.push(item);
        } else {
            out[i] = item;
            folded = true;
        }
    }
    return folded ? out : items;
}
