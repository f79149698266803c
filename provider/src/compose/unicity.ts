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

/** Returns a copy of `value` with duplicate-keyed list entries folded, everywhere a rule applies. */
export function enforceUnicity(value: unknown, path: Path = []): unknown {
    return fold(value, [...path]);
}

/** `path`: the walk's own stack, pushed and popped on the way down. */
function fold(value: unknown, path: Array<string | number>): unknown {
    if (Array.isArray(value)) {
        const items: unknown[] = [];
        for (let i = 0; i < value.length; i++) {
            path.push(i);
            items.push(fold(value[i], path));
            path.pop();
        }
        const indexer = ruleFor(path);
        return indexer ? foldByKey(items, indexer) : items;
    }
    if (isPlainObject(value)) {
        const out: Record<string, unknown> = {};
        // A plain object inherits no enumerable key: `for...in` lists its own, in `Object.entries` order.
        for (const k in value) {
            path.push(k);
            setOwn(out, k, fold(value[k], path));
            path.pop();
        }
        return out;
    }
    return value;
}

function foldByKey(items: unknown[], index: Indexer): unknown[] {
    const out: unknown[] = [];
    const at = new Map<string, number>();
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
        }
    }
    return out;
}
