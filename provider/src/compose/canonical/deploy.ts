/**
 * `deploy` in canonical form: sizes in bytes, CPUs as numbers, durations in Go notation. Every bad
 * value is a problem of its own, at its own path, so that two mistakes in one block are two
 * diagnostics; the block keeps the values that could be read.
 */
import { isPlainObject, Path } from "../paths";
import { CanonicalError, CanonicalProblems } from "./context";
import { sortKeys, toStringMap } from "./environment";
import { canonicalBytes, canonicalDuration, parseCount, parseCpus, UnitError } from "./units";

type Dict = Record<string, unknown>;

/** Collects the problems of one attribute; `read` keeps a value as written when it cannot be read. */
class Problems {
    readonly errors: CanonicalError[] = [];

    read(o: Dict, key: string, at: Path, parse: (v: unknown) => unknown, hint?: string): void {
        if (o[key] === undefined || o[key] === null) return;
        try {
            o[key] = parse(o[key]);
        } catch (e) {
            if (!(e instanceof UnitError || e instanceof CanonicalError)) throw e;
            this.errors.push(new CanonicalError(e.message, [...at, key], hint ?? (e instanceof CanonicalError ? e.hint : undefined)));
        }
    }
}

function stringValues(v: unknown, what: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, x] of Object.entries(toStringMap(v, what))) out[k] = x ?? "";
    return out;
}

function durations(o: unknown, at: Path, keys: string[], problems: Problems): unknown {
    if (!isPlainObject(o)) return o;
    const out: Dict = { ...o };
    for (const k of keys) problems.read(out, k, at, canonicalDuration);
    return out;
}

function resources(r: unknown, at: Path, problems: Problems): unknown {
    if (!isPlainObject(r)) return r;
    const out: Dict = { ...r };
    problems.read(out, "cpus", at, parseCpus);
    problems.read(out, "memory", at, canonicalBytes);
    problems.read(out, "pids", at, (v) => parseCount(v, true));
    return out;
}

// The paths and keys of the blocks read, made once.
const NO_PATH: Path = [];
const UPDATE_CONFIG: Path = ["update_config"];
const ROLLBACK_CONFIG: Path = ["rollback_config"];
const RESTART_POLICY: Path = ["restart_policy"];
const LIMITS: Path = ["resources", "limits"];
const RESERVATIONS: Path = ["resources", "reservations"];
const DELAY_MONITOR = ["delay", "monitor"];
const DELAY_WINDOW = ["delay", "window"];
const readCount = (x: unknown) => parseCount(x);

/** `deploy` with every value read; throws `CanonicalProblems` (carrying the block) when any could not be. */
export function canonicalDeploy(v: unknown): unknown {
    if (!isPlainObject(v)) return v;
    const problems = new Problems();
    const d: Dict = { ...v };
    problems.read(d, "replicas", NO_PATH, readCount);
    if (d.labels !== undefined) d.labels = sortKeys(stringValues(d.labels, "deploy.labels"));
    // A block that is absent stays absent (no key added, then removed).
    if (d.update_config === undefined) delete d.update_config;
    else d.update_config = durations(d.update_config, UPDATE_CONFIG, DELAY_MONITOR, problems);
    if (d.rollback_config === undefined) delete d.rollback_config;
    else d.rollback_config = durations(d.rollback_config, ROLLBACK_CONFIG, DELAY_MONITOR, problems);
    if (d.restart_policy === undefined) delete d.restart_policy;
    else d.restart_policy = durations(d.restart_policy, RESTART_POLICY, DELAY_WINDOW, problems);
    if (isPlainObject(d.resources)) {
        const res: Dict = { ...d.resources };
        if (res.limits !== undefined) res.limits = resources(res.limits, LIMITS, problems);
        if (res.reservations !== undefined) res.reservations = resources(res.reservations, RESERVATIONS, problems);
        d.resources = res;
    }
    if (problems.errors.length > 0) throw new CanonicalProblems(problems.errors, d);
    return d;
}
