/**
 * Top-level `networks`, `volumes`, `secrets` and `configs` in canonical form: the legacy
 * `external: { name }` spelled as `name` + `external: true`, driver options and labels as strings,
 * file paths resolved.
 */
import { isPlainObject } from "../paths";
import { CanonicalContext } from "./context";
import { sortKeys, toStringMap } from "./environment";

type Dict = Record<string, unknown>;

function labels(v: unknown): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, x] of Object.entries(toStringMap(v, "labels"))) out[k] = x ?? "";
    return sortKeys(out);
}

function common(raw: unknown): Dict {
    const r: Dict = isPlainObject(raw) ? { ...raw } : {};
    if (isPlainObject(r.external)) {
        if (r.name === undefined && r.external.name !== undefined) r.name = r.external.name;
        r.external = true;
    }
    if (r.labels !== undefined) r.labels = labels(r.labels);
    if (isPlainObject(r.driver_opts)) r.driver_opts = sortKeys(Object.fromEntries(Object.entries(r.driver_opts).map(([k, v]) => [k, String(v)])));
    return r;
}

/** Networks and volumes. */
export function canonicalNetworksOrVolumes(v: unknown): Record<string, Dict> {
    const out: Record<string, Dict> = {};
    if (!isPlainObject(v)) return out;
    for (const [k, raw] of Object.entries(v)) out[k] = common(raw);
    return sortKeys(out);
}

/** Secrets and configs: `file` paths resolved against the working directory. */
export function canonicalSecretsOrConfigs(v: unknown, ctx: CanonicalContext): Record<string, Dict> {
    const out: Record<string, Dict> = {};
    if (!isPlainObject(v)) return out;
    for (const [k, raw] of Object.entries(v)) {
        const r = common(raw);
        if (typeof r.file === "string") r.file = ctx.resolvePath(r.file);
        out[k] = r;
    }
    return sortKeys(out);
}
