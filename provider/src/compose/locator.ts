/**
 * Finds where a path of the loaded project was written: which file, line and column. A value may
 * come from an override file, from the service it extends, or from an included file; the locator
 * looks in the same order the merge gave precedence to, and falls back to the nearest ancestor
 * that has a position (a port expanded from a range points at the range).
 */
import { SourcePosition } from "./diagnostics";
import { childKey, Path, pathKey } from "./paths";
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
        const candidates = this.candidates(path).map((c) => ({ ...c, keys: prefixKeys(c.path) }));
        for (let len = path.length; len >= 1; len--) {
            for (const { source, path: p, keys } of candidates) {
                const key = keys[len];
                if (key === undefined) continue;
                let pos = source.positions.get(key);
                if (!pos) {
                    const at = p.slice(0, len);
                    const entry = listEntryPath(source.value, at);
                    if (entry !== at) pos = source.positions.get(pathKey(entry));
                }
                if (pos) return { file: source.file, line: pos.line, column: pos.column };
            }
        }
        return undefined;
    }

    private candidates(path: Path): Array<{ source: YamlSource; path: Path }> {
        const out: Array<{ source: YamlSource; path: Path }> = [];
        if (path[0] === "services" && typeof path[1] === "string") {
            const rest = path.slice(2);
            const name = path[1];
            // Files that define the service under its own name, last file first.
            const key = pathKey(["services", name]);
            for (let i = this.sources.length - 1; i >= 0; i--) {
                const s = this.sources[i];
                if (s?.positions.has(key)) out.push({ source: s, path });
            }
            for (const o of this.origins.get(name) ?? []) out.push({ source: o.source, path: ["services", o.service, ...rest] });
            return out;
        }
        for (let i = this.sources.length - 1; i >= 0; i--) {
            const s = this.sources[i];
            if (s) out.push({ source: s, path });
        }
        return out;
    }
}

/** The key of each prefix of `path`: `keys[n]` is `pathKey(path.slice(0, n))`. */
function prefixKeys(path: Path): string[] {
    const keys = [""];
    path.forEach((part, i) => keys.push(childKey(keys[i] ?? "", i, part)));
    return keys;
}

/** Attributes written either as a mapping or as a list of `KEY=value` (or of names, for `depends_on`). */
const KEYED_LISTS = new Set(["environment", "labels", "args", "annotations", "sysctls", "depends_on"]);

/**
 * The canonical project keys `environment.DB_URL`; the file may have written `- DB_URL=...` as the
 * third entry of a list. Returns the path of that entry (`environment[2]`), or `path` unchanged.
 */
function listEntryPath(root: unknown, path: Path): Path {
    const key = path[path.length - 1];
    const attribute = path[path.length - 2];
    if (typeof key !== "string" || typeof attribute !== "string" || !KEYED_LISTS.has(attribute)) return path;
    let node: unknown = root;
    for (const p of path.slice(0, -1)) {
        if (node === null || typeof node !== "object") return path;
        node = (node as Record<string | number, unknown>)[p];
    }
    if (!Array.isArray(node)) return path;
    const i = node.findIndex((e) => typeof e === "string" && (e === key || e.startsWith(key + "=")));
    return i < 0 ? path : [...path.slice(0, -1), i];
}
