/**
 * One service in canonical form: a table of transforms, one per attribute (long syntax, units,
 * resolved paths). Attributes without a transform are kept as written.
 */
import { isPlainObject, setOwn } from "../paths";
import { ComposeService } from "../types";
import { canonicalBuild, canonicalExtraHosts, canonicalMount } from "./build";
import { CanonicalContext, CanonicalError, CanonicalProblems } from "./context";
import { canonicalDeploy } from "./deploy";
import { canonicalEnvironment, canonicalLabels, envFileRefs, readEnvFiles, sortKeys, toStringMap } from "./environment";
import { canonicalPorts, PortError } from "./ports";
import { splitShellWords, ShellWordsError } from "./shellwords";
import { canonicalBytes, canonicalDuration, parseCount, parseCpus, UnitError } from "./units";
import { canonicalVolume, VolumeError } from "./volumes";

type Transform = (value: unknown, ctx: CanonicalContext, service: Record<string, unknown>) => unknown;

const toList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === null || v === undefined ? [] : [v]);
const strings = (v: unknown): string[] => toList(v).map(String);
const listToNullMap = (v: unknown): Record<string, unknown> => {
    if (!Array.isArray(v)) return (v ?? {}) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const n of v) out[String(n)] = null;
    return out;
};

function commandLine(v: unknown): unknown {
    if (v === null) return null;
    if (typeof v === "string") return splitShellWords(v);
    if (Array.isArray(v)) return v.map(String);
    throw new CanonicalError("must be a string or a list of strings");
}

function stringValues(v: unknown, what: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, x] of Object.entries(toStringMap(v, what))) out[k] = x ?? "";
    return out;
}

function durations(o: unknown, keys: string[]): unknown {
    if (!isPlainObject(o)) return o;
    const out: Record<string, unknown> = { ...o };
    for (const k of keys) if (out[k] !== undefined && out[k] !== null) out[k] = canonicalDuration(out[k]);
    return out;
}

function healthcheck(v: unknown): unknown {
    if (!isPlainObject(v)) return v;
    const h = durations(v, ["interval", "timeout", "start_period", "start_interval"]) as Record<string, unknown>;
    if (typeof h.test === "string") h.test = ["CMD-SHELL", h.test];
    else if (Array.isArray(h.test)) h.test = h.test.map(String);
    return h;
}

function dependsOn(v: unknown): unknown {
    if (Array.isArray(v)) {
        const out: Record<string, unknown> = {};
        for (const s of v) out[String(s)] = { condition: "service_started", required: true };
        return out;
    }
    if (!isPlainObject(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [k, d] of Object.entries(v)) {
        const dep = isPlainObject(d) ? { ...d } : {};
        if (dep.condition === undefined) dep.condition = "service_started";
        if (dep.required === undefined) dep.required = true;
        out[k] = dep;
    }
    return out;
}

function devices(v: unknown): unknown {
    return toList(v).map((d) => {
        if (typeof d !== "string") return d;
        const [source, target = source, permissions] = d.split(":");
        return permissions ? { source, target, permissions } : { source, target, permissions: "rwm" };
    });
}

/**
 * `provider:` with each option as a list of strings, as Compose holds it (an option may repeat):
 * `options: {model: ai/x}` is `{model: [ai/x]}`.
 */
function provider(v: unknown): unknown {
    if (!isPlainObject(v) || !isPlainObject(v.options)) return v;
    const options: Record<string, string[]> = {};
    for (const [k, o] of Object.entries(v.options)) setOwn(options, k, toList(o).map(String));
    return { ...v, options };
}

/** Attribute transforms. `environment` and `labels` are handled with their files, below. */
const TRANSFORMS: Record<string, Transform> = {
    build: (v, ctx) => canonicalBuild(v, ctx),
    command: commandLine,
    entrypoint: commandLine,
    cpus: (v) => parseCpus(v),
    depends_on: dependsOn,
    deploy: canonicalDeploy,
    devices,
    dns: strings,
    dns_opt: strings,
    dns_search: strings,
    expose: strings,
    extra_hosts: canonicalExtraHosts,
    healthcheck,
    mem_limit: (v) => canonicalBytes(v),
    mem_reservation: (v) => canonicalBytes(v),
    memswap_limit: (v) => (v === -1 || v === "-1" ? -1 : canonicalBytes(v)),
    shm_size: (v) => canonicalBytes(v),
    scale: (v) => parseCount(v),
    pids_limit: (v) => parseCount(v, true),
    networks: listToNullMap,
    models: listToNullMap,
    provider,
    ports: (v) => toList(v).flatMap((p, i) => withIndex(i, () => canonicalPorts(p))),
    secrets: (v, ctx) => toList(v).map((s, i) => withIndex(i, () => canonicalMount(s, ctx.normalize ? "/run/secrets" : undefined))),
    configs: (v) => toList(v).map((s, i) => withIndex(i, () => canonicalMount(s, undefined))),
    stop_grace_period: (v) => canonicalDuration(v),
    sysctls: (v) => stringValues(v, "sysctls"),
    annotations: (v) => sortKeys(stringValues(v, "annotations")),
    tmpfs: strings,
    volumes: (v, ctx) => toList(v).map((m, i) => withIndex(i, () => canonicalVolume(m, ctx.resolvePath))),
    label_file: (v, ctx) => strings(v).map((p) => ctx.resolvePath(p)),
};

function withIndex<T>(i: number, f: () => T): T {
    try {
        return f();
    } catch (e) {
        if (e instanceof CanonicalError) throw new CanonicalError(e.message, [i, ...e.subPath], e.hint);
        if (e instanceof PortError || e instanceof VolumeError || e instanceof UnitError || e instanceof ShellWordsError) {
            throw new CanonicalError(e.message, [i]);
        }
        throw e;
    }
}

export interface ServiceProblem {
    attribute: string;
    error: CanonicalError;
}

/** The problems of one service, by attribute. */
type Problems = ServiceProblem[];

/**
 * `f(a, b, c)`, or, when it throws a canonical-form error, the problems recorded under `attribute`
 * and the value the error carries (undefined when none). Arguments rather than a closure: no
 * function is made per attribute.
 */
function attempt<A, B, C>(problems: Problems, attribute: string, f: (a: A, b: B, c: C) => unknown, a: A, b: B, c: C): unknown {
    try {
        return f(a, b, c);
    } catch (e) {
        if (e instanceof CanonicalProblems) {
            for (const error of e.problems) problems.push({ attribute, error });
            return e.value;
        }
        const err = e instanceof CanonicalError ? e : e instanceof PortError || e instanceof VolumeError || e instanceof UnitError || e instanceof ShellWordsError ? new CanonicalError(e.message) : null;
        if (!err) throw e;
        problems.push({ attribute, error: err });
        return undefined;
    }
}

/** Canonical form of one service; problems are returned per attribute so that all are reported. */
export function canonicalService(raw: Record<string, unknown>, ctx: CanonicalContext, discardEnvFiles: boolean): { service: ComposeService; problems: ServiceProblem[] } {
    const problems: Problems = [];
    const out: Record<string, unknown> = {};
    // A plain object inherits no enumerable key: `for...in` lists its own, in `Object.entries` order.
    for (const k in raw) {
        if (k === "environment" || k === "env_file" || k === "labels") continue;
        const v = raw[k];
        const t = TRANSFORMS[k];
        const value = t ? attempt(problems, k, t, v, ctx, raw) : v;
        if (value !== undefined) out[k] = value;
    }
    // Environment: env files first, the service's own entries over them.
    const envRefs = raw.env_file !== undefined ? ((attempt(problems, "env_file", envFileRefs, raw.env_file, ctx, undefined) as ReturnType<typeof envFileRefs>) ?? []) : [];
    const fromFiles = envRefs.length > 0 ? ((attempt(problems, "env_file", readEnvFiles, envRefs, ctx, "env_file") as Record<string, string>) ?? {}) : {};
    if (raw.environment !== undefined || envRefs.length > 0) {
        const env = attempt(problems, "environment", canonicalEnvironment, raw.environment, fromFiles, ctx);
        if (env !== undefined && (Object.keys(env as object).length > 0 || raw.environment !== undefined)) out.environment = env;
    }
    if (!discardEnvFiles && envRefs.length > 0) {
        out.env_file = envRefs.map((r) => (r.required ? { path: r.path } : { path: r.path, required: false }));
    }
    const labelFiles = (out.label_file as string[] | undefined) ?? [];
    const labelValues =
        labelFiles.length > 0
            ? ((attempt(
                  problems,
                  "label_file",
                  readEnvFiles,
                  labelFiles.map((p) => ({ path: p, required: true })),
                  ctx,
                  "label_file",
              ) as Record<string, string>) ?? {})
            : {};
    if (raw.labels !== undefined || labelFiles.length > 0) {
        const labels = attempt(problems, "labels", canonicalLabels, raw.labels, labelValues, undefined);
        if (labels !== undefined) out.labels = labels;
    }
    return { service: sortAttributes(out) as ComposeService, problems };
}

/**
 * Attributes in alphabetical order, extensions last, as `docker compose config` prints them. An
 * object whose attributes are in that order already is returned as it is.
 */
export function sortAttributes(o: Record<string, unknown>): Record<string, unknown> {
    const keys = Object.keys(o);
    if (inAttributeOrder(keys)) return o;
    // Plain sort compares UTF-16 code units, as `<` does.
    const plain: string[] = [];
    const extensions: string[] = [];
    for (const k of keys) (k.startsWith("x-") ? extensions : plain).push(k);
    plain.sort();
    extensions.sort();
    const out: Record<string, unknown> = {};
    for (const k of plain) setOwn(out, k, o[k]);
    for (const k of extensions) setOwn(out, k, o[k]);
    return out;
}

function inAttributeOrder(keys: string[]): boolean {
    let extension = false;
    for (let i = 0; i < keys.length; i++) {
        const k = keys[i] as string; // i < keys.length
        const x = k.startsWith("x-");
        if (extension && !x) return false;
        if (i > 0 && x === extension && !((keys[i - 1] as string) < k)) return false;
        extension = x;
    }
    return true;
}
