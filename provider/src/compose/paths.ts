/**
 * Paths into a compose tree: `["services", "web", "ports", 0]`, and patterns over them where `*`
 * stands for any one key or index (`services.*.environment`).
 */

export type Path = ReadonlyArray<string | number>;

/** `services.web.ports[0].target` */
export function pathToString(path: Path): string {
    let out = "";
    for (const p of path) {
        if (typeof p === "number") out += `[${p}]`;
        else if (/^[A-Za-z0-9_-]+$/.test(p)) out += (out ? "." : "") + p;
        else out += `[${JSON.stringify(p)}]`;
    }
    return out;
}

/** A key for maps keyed by path. */
export function pathKey(path: Path): string {
    // Part by part as `childKey` does: most parts hold no character to escape, and run no pattern.
    let key = "";
    path.forEach((part, i) => (key = childKey(key, i, part)));
    return key;
}

/** Compiles `services.*.build.args` into a matcher. */
export function pathPattern(pattern: string): (path: Path) => boolean {
    const parts = pattern.split(".");
    return (path: Path) => {
        if (path.length !== parts.length) return false;
        for (let i = 0; i < parts.length; i++) {
            if (parts[i] === "*") continue;
            if (String(path[i]) !== parts[i]) return false;
        }
        return true;
    };
}

/** Splits a service-relative field path for diagnostics: `["services","web","ports",0]` -> service web, field `ports[0]`. */
export function serviceAndField(path: Path): { service?: string; field?: string } {
    if (path[0] === "services" && typeof path[1] === "string") {
        const rest = path.slice(2);
        return { service: path[1], field: rest.length ? pathToString(rest) : undefined };
    }
    return { field: path.length ? pathToString(path) : undefined };
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

/**
 * Sets an own, enumerable property. A `__proto__` key (legal in YAML) becomes an ordinary property
 * instead of changing the object's prototype; other keys use plain assignment, which keeps V8's fast
 * object layout.
 */
export function setOwn(o: Record<string, unknown>, k: string, v: unknown): void {
    if (k === "__proto__") Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
    else o[k] = v;
}

/** The key of `[...parent, part]`, given the key of `parent` (see `pathKey`). */
export function childKey(parentKey: string, parentLength: number, part: string | number): string {
    const p = partKey(part);
    return parentLength === 0 ? p : parentKey + "\u0000" + p;
}

/** How one part of a path is written in a path key: `#0` for an index, a name with `\\` and NUL escaped. */
export function partKey(part: string | number): string {
    if (typeof part === "number") return `#${part}`;
    // Most keys hold neither character to escape: no pattern is run on them.
    // eslint-disable-next-line no-control-regex -- NUL separates the parts of a path key, on purpose: it cannot occur in a YAML key unescaped
    return part.includes("\\") || part.includes("\u0000") ? part.replace(/[\\\u0000]/g, "\\$&") : part;
}
