/**
 * Walks a raw model and gives each string to `f(string, path)`: the one traversal that
 * interpolation and type casting share. `!override` wrappers are kept around their new value;
 * `!reset` markers and non-string scalars pass through.
 *
 * Copy on write: a map or list none of whose strings `f` changed is returned as it is, so a file
 * without variables and typed strings is not copied. `path` is the walker's own stack, valid during
 * the call only: copy it (`[...path]`) to keep it.
 *
 * `markers`, when given, is set when the walk meets a `!reset` or `!override` marker (or a value it
 * does not walk into, which might hold one), so that a file without any needs no other walk to know.
 */
import { isPlainObject, Path, setOwn } from "./paths";
import { Override, RESET } from "./yaml-markers";

export interface MarkersSeen {
    found: boolean;
}

export function mapStrings(value: unknown, f: (s: string, path: Path) => unknown, markers: MarkersSeen = { found: false }): unknown {
    return walk(value, f, [], markers);
}

function walk(value: unknown, f: (s: string, path: Path) => unknown, path: Array<string | number>, markers: MarkersSeen): unknown {
    if (typeof value === "string") return f(value, path);
    if (value instanceof Override) {
        markers.found = true;
        const inner = walk(value.value, f, path, markers);
        return inner === value.value ? value : new Override(inner);
    }
    if (Array.isArray(value)) {
        let out: unknown[] | undefined;
        for (let i = 0; i < value.length; i++) {
            const v: unknown = value[i];
            path.push(i);
            const mapped = walk(v, f, path, markers);
            path.pop();
            if (mapped !== v && !out) out = value.slice(0, i);
            if (out) out.push(mapped);
        }
        return out ?? value;
    }
    if (isPlainObject(value)) {
        let out: Record<string, unknown> | undefined;
        const keys = Object.keys(value);
        for (let i = 0; i < keys.length; i++) {
            const k = keys[i] as string; // i < keys.length
            const v = value[k];
            path.push(k);
            const mapped = walk(v, f, path, markers);
            path.pop();
            if (mapped !== v && !out) {
                out = {};
                for (let j = 0; j < i; j++) {
                    const before = keys[j] as string; // j < i < keys.length
                    setOwn(out, before, value[before]);
                }
            }
            if (out) setOwn(out, k, mapped);
        }
        return out ?? value;
    }
    if (value === RESET || (typeof value === "object" && value !== null)) markers.found = true;
    return value;
}
