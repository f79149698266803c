/**
 * Finds where a path of the loaded project was written: which file, line and column. A value may
 * come from an override file, from the service it extends, or from an included file; the locator
 * looks in the same order the merge gave precedence to, and falls back to the nearest ancestor
 * that has a position (a port expanded from a range points at the range).
 */
import { SourcePosition } from "./diagnostics";
import { childKey, Path } from "./paths";
import { YamlSource } from "./yaml-source";

/** Where a service's attributes may have been written, most significant first. */
export interface ServiceOrigin {
    source: YamlSource;
    service: string;
}

export interface SourceLocator {
    /** The position of `path`, or of its nearest ancestor that has one. */
    locate(path: Path): SourcePosition | undefined;
}

export class ProjectSources implements SourceLocator {
    /** Every file read, in increasing precedence. */
    readonly sources: YamlSource[] = [];
    private readonly origins = new Map<string, ServiceOrigin[]>();

    add(source: YamlSource): void {
        this.sources.push(source);
    }

    /** Records that `service` takes attributes from `origin` (with lower precedence than those recorded before). */
    addServiceOrigin(service: string, origin: ServiceOrigin): void {
        const list = this.origins.get(service) ?? [];
        if (!list.some((o) => o.source === origin.source && o.service === origin.service)) list.push(origin);
        this.origins.set(service, list);
    }

    locate(path: Path): SourcePosition | undefined {
        if (path.length === 0) return undefined;
        // The files that may hold the path as it is, and the keys of its prefixes: computed once, shared by these files.
        const keys = prefixKeys(path);
        const service = path[0] === "services" && typeof path[1] === "string" ? path[1] : undefined;
        const serviceKey = keys[2];
        const direct: YamlSource[] = [];
        for (let i = this.sources.length - 1; i >= 0; i--) {
            const s = this.sources[i];
            // Files that define the service under its own name, last file first (every file, for a path outside the services).
            if (s && (service === undefined || (serviceKey !== undefined && s.positions.has(serviceKey)))) direct.push(s);
        }
        // The services this one extends, by the name they have in their own file.
        const origins = service === undefined ? undefined : this.origins.get(service);
        const originPaths = origins?.map((o) => ["services", o.service, ...path.slice(2)]);
        const originKeys = originPaths?.map(prefixKeys);
        for (let len = path.length; len >= 1; len--) {
            for (const source of direct) {
                const pos = positionAt(source, path, keys, len);
                if (pos) return pos;
            }
            if (!origins || !originPaths || !originKeys) continue;
            for (let i = 0; i < origins.length; i++) {
                const source = origins[i]?.source;
                const p = originPaths[i];
                const k = originKeys[i];
                if (!source || !p || !k) continue;
                const pos = positionAt(source, p, k, len);
                if (pos) return pos;
            }
        }
        return undefined;
    }
}

/** The position in `source` of the prefix of `path` of length `len` (`keys` are the keys of `path`'s prefixes), if it was written there. */
function positionAt(source: YamlSource, path: Path, keys: readonly string[], len: number): SourcePosition | undefined {
    const key = keys[len];
    if (key === undefined) return undefined;
    let pos = source.positions.get(key);
    if (!pos) {
        const parentKey = keys[len - 1];
        const entry = parentKey === undefined ? -1 : listEntryIndex(source.value, path, len);
        if (entry >= 0 && parentKey !== undefined) pos = source.positions.get(childKey(parentKey, len - 1, entry));
    }
    return pos ? { file: source.file, line: pos.line, column: pos.column } : undefined;
}

/** The key of each prefix of `path`: `keys[n]` is `pathKey(path.slice(0, n))`. */
function prefixKeys(path: Path): string[] {
    const keys = [""];
    let key = "";
    for (let i = 0; i < path.length; i++) {
        const part = path[i];
        if (part === undefined) break;
        key = childKey(key, i, part);
        keys.push(key);
    }
    return keys;
}

/** Attributes written either as a mapping or as a list of `KEY=value` (or of names, for `depends_on`). */
const KEYED_LISTS = new Set(["environment", "labels", "args", "annotations", "sysctls", "depends_on"]);

/**
 * The canonical project keys `environment.DB_URL`; the file may have written `- DB_URL=...` as the
 * third entry of a list. Returns the index of that entry (2) in the list at `path.slice(0, len - 1)`,
 * or -1 when the prefix of length `len` is not such a key or the file has no such entry.
 */
function listEntryIndex(root: unknown, path: Path, len: number): number {
    const key = path[len - 1];
    const attribute = path[len - 2];
    if (typeof key !== "string" || typeof attribute !== "string" || !KEYED_LISTS.has(attribute)) return -1;
    let node: unknown = root;
    for (let i = 0; i < len - 1; i++) {
        if (node === null || typeof node !== "object") return -1;
        node = (node as Record<string | number, unknown>)[path[i] as string | number];
    }
    if (!Array.isArray(node)) return -1;
    const prefix = key + "=";
    return node.findIndex((e) => typeof e === "string" && (e === key || e.startsWith(prefix)));
}
