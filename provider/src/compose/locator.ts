/**
 * Finds where a path of the loaded project was written: which file, line and column. A value may
 * come from an override file, from the service it extends, or from an included file; the locator
 * looks in the same order the merge gave precedence to, and falls back to the nearest ancestor
 * that has a position (a port expanded from a range points at the range).
 */
import { SourcePosition } from "./diagnostics";
import { Path, pathKey } from "./paths";
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
        const candidates = this.candidates(path);
        for (let len = path.length; len >= 1; len--) {
            for (const { source, path: p } of candidates) {
                const pos = source.positions.get(pathKey(p.slice(0, len)));
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
            for (let i = this.sources.length - 1; i >= 0; i--) {
                const s = this.sources[i];
                if (s.positions.has(pathKey(["services", name]))) out.push({ source: s, path });
            }
            for (const o of this.origins.get(name) ?? []) out.push({ source: o.source, path: ["services", o.service, ...rest] });
            return out;
        }
        for (let i = this.sources.length - 1; i >= 0; i--) out.push({ source: this.sources[i], path });
        return out;
    }
}
