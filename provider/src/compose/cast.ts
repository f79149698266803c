/**
 * After interpolation, attributes that hold numbers or booleans may be strings (`replicas: ${N}`).
 * Cast them at the paths the specification types, as the reference loader does, so that the
 * schema sees the intended type. YAML 1.1 booleans (`yes`, `off`...) are accepted with a warning.
 */
import { DiagnosticSink } from "./diagnostics";
import { mapStrings } from "./map-strings";
import { Path, pathPattern, serviceAndField } from "./paths";
import { PositionIndex } from "./node-position";
import { positionOf } from "./yaml-source";

/** `octal`: a file mode, whose digits are octal also when written as a string (`mode: "0440"`). */
type Caster = "int" | "float" | "bool" | "octal";

/** Each cast: its matcher, the caster, and the pattern it was made from. */
const CASTS: Array<[(p: Path) => boolean, Caster, string]> = (
    [
        ["services.*.configs.*.mode", "octal"],
        ["services.*.secrets.*.mode", "octal"],
        ["services.*.build.secrets.*.mode", "octal"],
        ["services.*.cpu_count", "int"],
        ["services.*.cpu_percent", "float"],
        ["services.*.cpu_period", "int"],
        ["services.*.cpu_quota", "int"],
        ["services.*.cpu_rt_period", "int"],
        ["services.*.cpu_rt_runtime", "int"],
        ["services.*.cpus", "float"],
        ["services.*.cpu_shares", "int"],
        ["services.*.init", "bool"],
        ["services.*.deploy.replicas", "int"],
        ["services.*.deploy.update_config.parallelism", "int"],
        ["services.*.deploy.update_config.max_failure_ratio", "float"],
        ["services.*.deploy.rollback_config.parallelism", "int"],
        ["services.*.deploy.rollback_config.max_failure_ratio", "float"],
        ["services.*.deploy.restart_policy.max_attempts", "int"],
        ["services.*.deploy.placement.max_replicas_per_node", "int"],
        ["services.*.deploy.resources.limits.cpus", "float"],
        ["services.*.deploy.resources.reservations.cpus", "float"],
        ["services.*.healthcheck.retries", "int"],
        ["services.*.healthcheck.disable", "bool"],
        ["services.*.oom_kill_disable", "bool"],
        ["services.*.oom_score_adj", "int"],
        ["services.*.pids_limit", "int"],
        ["services.*.ports.*.target", "int"],
        ["services.*.privileged", "bool"],
        ["services.*.read_only", "bool"],
        ["services.*.scale", "int"],
        ["services.*.stdin_open", "bool"],
        ["services.*.tty", "bool"],
        ["services.*.ulimits.*", "int"],
        ["services.*.ulimits.*.hard", "int"],
        ["services.*.ulimits.*.soft", "int"],
        ["services.*.volumes.*.read_only", "bool"],
        ["services.*.volumes.*.volume.nocopy", "bool"],
        ["services.*.depends_on.*.required", "bool"],
        ["services.*.depends_on.*.restart", "bool"],
        ["networks.*.external", "bool"],
        ["networks.*.internal", "bool"],
        ["networks.*.attachable", "bool"],
        ["networks.*.enable_ipv4", "bool"],
        ["networks.*.enable_ipv6", "bool"],
        ["volumes.*.external", "bool"],
        ["secrets.*.external", "bool"],
        ["configs.*.external", "bool"],
        ["include.*.required", "bool"],
    ] as Array<[string, Caster]>
).map(([p, c]) => [pathPattern(p), c, p]);

type Cast = (typeof CASTS)[number];

/**
 * The casts by the last part of their pattern, each list in table order, so that a string is
 * matched against the few patterns that can match it rather than all of them. A pattern ending in
 * `*` is in every list, and alone in the list of any other last part.
 */
const CASTS_ENDING_IN_ANY = CASTS.filter(([, , p]) => p.endsWith(".*"));
const CASTS_BY_LAST_PART = new Map<string, Cast[]>();
for (const [, , p] of CASTS) {
    const last = p.slice(p.lastIndexOf(".") + 1);
    if (last !== "*")
        CASTS_BY_LAST_PART.set(
            last,
            CASTS.filter(([, , q]) => q.endsWith(`.${last}`) || q.endsWith(".*")),
        );
}

/** Every pattern has three parts at least: a string nearer the top is never cast. */
const SHORTEST_CAST = Math.min(...CASTS.map(([, , p]) => p.split(".").length));

function castFor(path: Path): Cast | undefined {
    if (path.length < SHORTEST_CAST) return undefined;
    // A list index is never the last part of a table key: those strings go to the `*` patterns directly.
    const last = path[path.length - 1];
    const casts = (typeof last === "string" ? CASTS_BY_LAST_PART.get(last) : undefined) ?? CASTS_ENDING_IN_ANY;
    for (const cast of casts) if (cast[0](path)) return cast;
    return undefined;
}

const TRUE = new Set(["true", "True", "TRUE"]);
const FALSE = new Set(["false", "False", "FALSE"]);
const YAML11_TRUE = new Set(["y", "Y", "yes", "Yes", "YES", "on", "On", "ON"]);
const YAML11_FALSE = new Set(["n", "N", "no", "No", "NO", "off", "Off", "OFF"]);

export interface CastContext {
    file: string;
    positions: PositionIndex;
    sink: DiagnosticSink;
}

/** Returns `value` with typed attributes cast from strings. */
export function castTree(value: unknown, ctx: CastContext): unknown {
    return mapStrings(value, (s, path) => castString(s, path, ctx));
}

/** `s`, standing at `path`, cast when the specification types that place; `path` is read, not kept. */
export function castString(s: string, path: Path, ctx: CastContext): unknown {
    const rule = castFor(path);
    return rule ? castScalar(s, rule[1], ctx, path) : s;
}

function castScalar(s: string, to: Caster, ctx: CastContext, path: Path): unknown {
    const t = s.trim();
    if (to === "bool") {
        if (TRUE.has(t)) return true;
        if (FALSE.has(t)) return false;
        if (YAML11_TRUE.has(t) || YAML11_FALSE.has(t)) {
            ctx.sink.warn({
                code: "yaml11-boolean",
                message: `"${t}" is read as ${YAML11_TRUE.has(t)}, but YAML 1.2 does not treat it as a boolean`,
                hint: `write ${YAML11_TRUE.has(t)} instead`,
                file: ctx.file,
                ...positionOf(ctx.positions, path),
                ...serviceAndField(path),
            });
            return YAML11_TRUE.has(t);
        }
        return s;
    }
    if (to === "octal" && /^[0-7]+$/.test(t)) return Number.parseInt(t, 8);
    if (to === "int" && /^[-+]?\d+$/.test(t)) return Number.parseInt(t, 10);
    if (to === "float" && t !== "" && Number.isFinite(Number(t))) return Number(t);
    return s;
}
