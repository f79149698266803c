/**
 * Walks a raw model and rebuilds it with each string replaced by `f(string, path)`: the one
 * traversal that interpolation and type casting share. `!override` wrappers are kept around their
 * new value; `!reset` markers and non-string scalars pass through.
 */
import { isPlainObject, Path, setOwn } from "./paths";
import { Override } from "./yaml-source";

export function mapStrings(value: unknown, f: (s: string, path: Path) => unknown, path: Path = []): unknown {
    if (typeof value === "string") return f(value, path);
    if (value instanceof Override) return new Override(mapStrings(value.value, f, path));
    if (Array.isArray(value)) return value.map((v, i) => mapStrings(v, f, [...path, i]));
    if (isPlainObject(value)) {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) setOwn(out, k, mapStrings(v, f, [...path, k]));
        return out;
    }
    return value;
}
