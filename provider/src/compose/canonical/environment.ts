/**
 * `environment`, `env_file`, `labels` and `label_file` in canonical form: maps of strings, with
 * the env files read and merged under the values written in the service.
 */
import { parseDotenv } from "../dotenv";
import { isPlainObject, setOwn } from "../paths";
import { CanonicalContext, CanonicalError } from "./context";

type StringMap = Record<string, string | null>;

/** A list of `KEY=value` (or bare `KEY`) or a mapping, as a mapping of strings (null = no value). */
export function toStringMap(v: unknown, what: string): StringMap {
    const out: StringMap = {};
    if (v === null || v === undefined) return out;
    if (Array.isArray(v)) {
        v.forEach((e, i) => {
            if (typeof e !== "string" && typeof e !== "number") throw new CanonicalError(`${what} entries must be strings such as "KEY=value"`, [i]);
            const s = String(e);
            const eq = s.indexOf("=");
            if (eq < 0) setKey(out, s, null);
            else setKey(out, s.slice(0, eq), s.slice(eq + 1));
        });
        return out;
    }
    if (isPlainObject(v)) {
        for (const [k, x] of Object.entries(v)) setKey(out, k, x === null || x === undefined ? null : scalarText(x, k));
        return out;
    }
    throw new CanonicalError(`${what} must be a mapping or a list of "KEY=value"`);
}

function scalarText(x: unknown, key: string): string {
    if (typeof x === "string") return x;
    if (typeof x === "number" || typeof x === "boolean") return String(x);
    throw new CanonicalError(`must be a string or a number`, [key]);
}

function setKey(o: StringMap, k: string, v: string | null): void {
    setOwn(o, k, v);
}

export interface EnvFileRef {
    path: string;
    required: boolean;
    format?: string;
}

/** `env_file` (a string, a list of strings, or a list of `{path, required}`) as entries with resolved paths. */
export function envFileRefs(v: unknown, ctx: CanonicalContext): EnvFileRef[] {
    const list = Array.isArray(v) ? v : v === null || v === undefined ? [] : [v];
    return list.map((e, i) => {
        if (typeof e === "string") return { path: ctx.resolvePath(e), required: true };
        if (isPlainObject(e) && typeof e.path === "string") {
            return { path: ctx.resolvePath(e.path), required: e.required !== false, ...(e.format ? { format: String(e.format) } : {}) };
        }
        throw new CanonicalError(`each env_file entry must be a path or a mapping with "path"`, [i]);
    });
}

/** Reads env files in order (later ones win). A missing required file is an error. */
export function readEnvFiles(refs: EnvFileRef[], ctx: CanonicalContext, attribute: string): Record<string, string> {
    const out: Record<string, string> = {};
    refs.forEach((ref, i) => {
        if (!ctx.fileExists(ref.path)) {
            if (!ref.required) return;
            throw new CanonicalError(`${attribute} "${ref.path}" does not exist`, [i], `create it, or mark it optional with "required: false"`);
        }
        const parsed = parseDotenv(ctx.readFile(ref.path), ctx.lookup);
        for (const p of parsed.problems) ctx.warn(`${ref.path}:${p.line}: ${p.message}`, [i]);
        Object.assign(out, parsed.values);
    });
    return out;
}

/**
 * The service's environment: env files first, then the service's own entries. A value-less entry
 * takes its value from the variables (the caller's, .env), else from the env files, else stays null
 * (provided by configuration at deploy time).
 */
export function canonicalEnvironment(environment: unknown, fromFiles: Record<string, string>, ctx: CanonicalContext): StringMap {
    const own = toStringMap(environment, "environment");
    const out: StringMap = {};
    for (const [k, v] of Object.entries(fromFiles)) setKey(out, k, v);
    for (const [k, v] of Object.entries(own)) {
        if (v !== null) setKey(out, k, v);
        else {
            const fromEnv = ctx.lookup(k);
            if (fromEnv !== undefined) setKey(out, k, fromEnv);
            else if (!(k in out)) setKey(out, k, null);
        }
    }
    return sortKeys(out);
}

/** Labels: label files first, then the service's own labels; a label without value is "". */
export function canonicalLabels(labels: unknown, fromFiles: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = { ...fromFiles };
    for (const [k, v] of Object.entries(toStringMap(labels, "labels"))) out[k] = v ?? "";
    return sortKeys(out) as Record<string, string>;
}

/** `o` with its keys in sorted order: `o` itself when they are already (a mapping of one key, a file written in order). */
export function sortKeys<T>(o: Record<string, T>): Record<string, T> {
    const keys = Object.keys(o);
    let sorted = true;
    for (let i = 1; i < keys.length && sorted; i++) sorted = (keys[i - 1] as string) < (keys[i] as string);
    if (sorted) return o;
    const out: Record<string, T> = {};
    for (const k of keys.sort()) setOwn(out, k, o[k]);
    return out;
}
