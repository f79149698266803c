/**
 * Reading recorded inputs: nested paths, numbers given as strings, JSON documents given as strings.
 * Inputs come from the mock engine as plain JSON, so every reader is defensive.
 */

/** The value at `path` (dot-separated; a number picks an array element), or undefined. */
export function at(inputs: unknown, path: string): unknown {
    let v: unknown = inputs;
    for (const key of path.split(".")) {
        if (v === null || v === undefined) return undefined;
        if (Array.isArray(v)) {
            const i = Number(key);
            v = Number.isInteger(i) ? v[i] : undefined;
        } else if (typeof v === "object") {
            v = (v as Record<string, unknown>)[key];
        } else {
            return undefined;
        }
    }
    return v;
}

/** A number at `path` (numbers written as strings count), or undefined. */
export function num(inputs: unknown, path: string): number | undefined {
    const v = at(inputs, path);
    if (typeof v === "number" && Number.isFinite(v)) return v;
    if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
    return undefined;
}

/** A string at `path`, or undefined. */
export function str(inputs: unknown, path: string): string | undefined {
    const v = at(inputs, path);
    return typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
}

/** A boolean at `path`, or undefined. */
export function bool(inputs: unknown, path: string): boolean | undefined {
    const v = at(inputs, path);
    return typeof v === "boolean" ? v : undefined;
}

/** An array at `path` (a single object counts as a one-element array), or []. */
export function list(inputs: unknown, path: string): unknown[] {
    const v = at(inputs, path);
    if (Array.isArray(v)) return v;
    return v === undefined || v === null ? [] : [v];
}

/** A JSON document given as a string (e.g. ECS container definitions), parsed; undefined when it is not one. */
export function json(inputs: unknown, path: string): unknown {
    const v = at(inputs, path);
    if (typeof v !== "string") return v;
    try {
        return JSON.parse(v) as unknown;
    } catch {
        return undefined;
    }
}

/** Kubernetes-style quantities ("512Mi", "1Gi", "2G", "0.5") in MiB; plain numbers are MiB. */
export function mebibytes(q: string | number | undefined): number | undefined {
    if (q === undefined) return undefined;
    if (typeof q === "number") return q;
    const m = /^([0-9.]+)\s*(Ki|Mi|Gi|Ti|K|M|G|T)?$/.exec(q.trim());
    if (!m) return undefined;
    const n = Number(m[1]);
    const factor: Record<string, number> = { Ki: 1 / 1024, Mi: 1, Gi: 1024, Ti: 1024 * 1024, K: 1e3 / 1048576, M: 1e6 / 1048576, G: 1e9 / 1048576, T: 1e12 / 1048576 };
    return n * (m[2] ? factor[m[2]] : 1 / 1048576);
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
