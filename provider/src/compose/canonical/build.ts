/**
 * `build` in canonical form: a mapping with a resolved context (local paths only; git and other
 * remote contexts are kept as written), args and labels as maps, sizes in bytes.
 */
import { isPlainObject } from "../paths";
import { ComposeBuild } from "../types";
import { CanonicalContext, CanonicalError, isRemoteReference } from "./context";
import { sortKeys, toStringMap } from "./environment";
import { canonicalBytes } from "./units";

export function canonicalBuild(v: unknown, ctx: CanonicalContext): ComposeBuild {
    const b: Record<string, unknown> = typeof v === "string" ? { context: v } : isPlainObject(v) ? { ...v } : {};
    if (!isPlainObject(v) && typeof v !== "string") throw new CanonicalError(`build must be a path or a mapping with "context"`);
    const context = typeof b.context === "string" ? b.context : ".";
    b.context = isRemoteReference(context) ? context : ctx.resolvePath(context);
    if (b.args !== undefined) {
        const args = toStringMap(b.args, "build.args");
        const out: Record<string, string> = {};
        for (const [k, val] of Object.entries(args)) {
            if (val !== null) out[k] = val;
            else {
                const fromEnv = ctx.lookup(k);
                if (fromEnv !== undefined) out[k] = fromEnv;
            }
        }
        b.args = sortKeys(out);
    }
    if (b.labels !== undefined) {
        const labels: Record<string, string> = {};
        for (const [k, val] of Object.entries(toStringMap(b.labels, "build.labels"))) labels[k] = val ?? "";
        b.labels = sortKeys(labels);
    }
    if (b.additional_contexts !== undefined) {
        const out: Record<string, string> = {};
        for (const [k, val] of Object.entries(toStringMap(b.additional_contexts, "build.additional_contexts"))) {
            if (val === null) continue;
            out[k] = isRemoteReference(val) ? val : ctx.resolvePath(val);
        }
        b.additional_contexts = out;
    }
    if (b.shm_size !== undefined) b.shm_size = canonicalBytes(b.shm_size);
    if (b.extra_hosts !== undefined) b.extra_hosts = canonicalExtraHosts(b.extra_hosts);
    if (Array.isArray(b.secrets)) b.secrets = b.secrets.map((s) => canonicalMount(s, undefined));
    return b as ComposeBuild;
}

/** `extra_hosts` as a list of `host=ip` (a mapping, or the legacy `host:ip` form, both accepted). */
export function canonicalExtraHosts(v: unknown): string[] {
    if (isPlainObject(v)) {
        const out: string[] = [];
        for (const [host, ips] of Object.entries(v)) for (const ip of Array.isArray(ips) ? ips : [ips]) out.push(`${host}=${ip}`);
        return out;
    }
    const list = Array.isArray(v) ? v : [v];
    return list.map((e) => {
        const s = String(e);
        if (s.includes("=")) return s;
        const i = s.indexOf(":");
        return i < 0 ? s : `${s.slice(0, i)}=${s.slice(i + 1)}`;
    });
}

/** A `secrets:`/`configs:` entry of a service in long form; `defaultDir` gives the default target. */
export function canonicalMount(v: unknown, defaultDir: string | undefined): Record<string, unknown> {
    if (typeof v === "string") return defaultDir ? { source: v, target: `${defaultDir}/${v}` } : { source: v };
    if (!isPlainObject(v) || typeof v.source !== "string") throw new CanonicalError(`must be a name or a mapping with "source"`);
    const out: Record<string, unknown> = { source: v.source };
    if (v.target !== undefined) out.target = String(v.target);
    else if (defaultDir) out.target = `${defaultDir}/${v.source}`;
    if (v.uid !== undefined) out.uid = String(v.uid);
    if (v.gid !== undefined) out.gid = String(v.gid);
    if (v.mode !== undefined) out.mode = typeof v.mode === "number" ? "0" + v.mode.toString(8) : String(v.mode);
    for (const [k, x] of Object.entries(v)) if (!(k in out)) out[k] = x;
    return out;
}
