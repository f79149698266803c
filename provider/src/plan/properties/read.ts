/**
 * Reading recorded inputs: nested paths, numbers given as strings, JSON documents given as strings.
 * Inputs come from the mock engine as plain JSON, so every reader is defensive; the paths are
 * checked at build time against the resource's input type (see `recorded.ts`).
 */
import { Checked, ItemOf, Recorded, ValueAt } from "./recorded";

/** The value at `path` (dot-separated; a number picks an array element), or undefined. */
function valueAt(inputs: unknown, path: string): unknown {
    let v: unknown = inputs;
    for (const key of path.split(".")) {
        if (v === null || v === undefined) return undefined;
        if (Array.isArray(v)) {
            const i = Number(key);
            v = Number.isInteger(i) ? (v as unknown[])[i] : undefined;
        } else if (typeof v === "object") {
            v = (v as Record<string, unknown>)[key];
        } else {
            return undefined;
        }
    }
    return v;
}

/** The value at `path`, or undefined. */
export function at<T, const P extends string>(inputs: Recorded<T> | undefined, path: Checked<T, P>): unknown {
    return valueAt(inputs, path);
}

/** The object at `path` (e.g. a map of limits, a nested block), typed for further reads; undefined when there is none. */
export function child<T, const P extends string>(inputs: Recorded<T> | undefined, path: Checked<T, P>): Recorded<ValueAt<T, P>> | undefined {
    const v = valueAt(inputs, path);
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Recorded<ValueAt<T, P>>) : undefined;
}

/** A number at `path` (numbers written as strings count), or undefined. */
export function num<T, const P extends string>(inputs: Recorded<T> | undefined, path: Checked<T, P>): number | undefined {
    const v = valueAt(inputs, path);
    if (typeof v === "number" && Number.isFinite(v)) return v;
    if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
    return undefined;
}

/** A string at `path`, or undefined. */
export function str<T, const P extends string>(inputs: Recorded<T> | undefined, path: Checked<T, P>): string | undefined {
    const v = valueAt(inputs, path);
    return typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
}

/** A boolean at `path`, or undefined. */
export function bool<T, const P extends string>(inputs: Recorded<T> | undefined, path: Checked<T, P>): boolean | undefined {
    const v = valueAt(inputs, path);
    return typeof v === "boolean" ? v : undefined;
}

/** The items of the list at `path` (a single value counts as a one-item list), typed for further reads; [] when there is none. */
export function list<T, const P extends string>(inputs: Recorded<T> | undefined, path: Checked<T, P>): Recorded<ItemOf<ValueAt<T, P>>>[] {
    const v = valueAt(inputs, path);
    const items: unknown[] = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
    return items as Recorded<ItemOf<ValueAt<T, P>>>[];
}

/** The strings of the list at `path` (other items left out); [] when there is none. */
export function strings<T, const P extends string>(inputs: Recorded<T> | undefined, path: Checked<T, P>): string[] {
    const v = valueAt(inputs, path);
    return Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : [];
}

/**
 * The objects of a JSON list given as a string at `path` (e.g. ECS container definitions), typed as
 * `D`, the shape the document is written in; [] when it is not such a list.
 */
export function jsonList<D>(): <T, const P extends string>(inputs: Recorded<T> | undefined, path: Checked<T, P>) => Recorded<D>[] {
    return (inputs, path) => {
        const v = valueAt(inputs, path);
        let parsed: unknown = v;
        if (typeof v === "string") {
            try {
                parsed = JSON.parse(v) as unknown;
            } catch {
                return [];
            }
        }
        return Array.isArray(parsed) ? parsed.filter((d): d is Recorded<D> => d !== null && typeof d === "object" && !Array.isArray(d)) : [];
    };
}

/** Kubernetes-style quantities ("512Mi", "1Gi", "2G", "0.5") in MiB; plain numbers are MiB. */
export function mebibytes(q: string | number | undefined): number | undefined {
    if (q === undefined) return undefined;
    if (typeof q === "number") return q;
    const m = /^([0-9.]+)\s*(Ki|Mi|Gi|Ti|K|M|G|T)?$/.exec(q.trim());
    if (!m) return undefined;
    const n = Number(m[1]);
    const factor: Readonly<Record<string, number | undefined>> = { Ki: 1 / 1024, Mi: 1, Gi: 1024, Ti: 1024 * 1024, K: 1e3 / 1048576, M: 1e6 / 1048576, G: 1e9 / 1048576, T: 1e12 / 1048576 };
    return n * ((m[2] ? factor[m[2]] : undefined) ?? 1 / 1048576);
}

/** CPU quantities ("1", "500m", 2) in vCPU. */
export function vcpus(q: string | number | undefined): number | undefined {
    if (q === undefined) return undefined;
    if (typeof q === "number") return q;
    const m = /^([0-9.]+)(m)?$/.exec(q.trim());
    if (!m) return undefined;
    return m[2] ? Number(m[1]) / 1000 : Number(m[1]);
}

/** Drops undefined entries. */
export function defined(props: Record<string, string | number | boolean | undefined>): Record<string, string | number | boolean> {
    const out: Record<string, string | number | boolean> = {};
    for (const [k, v] of Object.entries(props)) if (v !== undefined && v !== "") out[k] = v;
    return out;
}
