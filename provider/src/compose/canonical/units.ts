/**
 * Units as Compose writes them: byte sizes (`512M`, `512MB`, `1gb`, `1g`, `2147483648`) and
 * durations (`30s`, `1m30s`, `1.5h`, `100ms`), converted to the canonical forms: bytes as a decimal
 * string and durations in Go notation (`1m30s`, `1h0m0s`).
 */

export class UnitError extends Error {}

const BYTE_UNITS: Record<string, number> = {
    "": 1,
    b: 1,
    k: 1024,
    kb: 1024,
    kib: 1024,
    m: 1024 ** 2,
    mb: 1024 ** 2,
    mib: 1024 ** 2,
    g: 1024 ** 3,
    gb: 1024 ** 3,
    gib: 1024 ** 3,
    t: 1024 ** 4,
    tb: 1024 ** 4,
    tib: 1024 ** 4,
    p: 1024 ** 5,
    pb: 1024 ** 5,
    pib: 1024 ** 5,
};

/** The largest size, count or CPU number read exactly: 2^53 - 1 (just under 8 PiB as bytes). Larger ones are refused, not rounded. */
export const MAX_EXACT = Number.MAX_SAFE_INTEGER;

/**
 * A value for messages: `"12Q"`, `-1`. A number too large to be read exactly (or infinite) is not
 * repeated, since it would not read as written (`99999999999999999999` is `1e20` here).
 */
function shown(v: unknown): string {
    if (typeof v === "number") return Number.isFinite(v) && Math.abs(v) <= MAX_EXACT ? String(v) : "the number";
    return typeof v === "string" ? `"${v}"` : (JSON.stringify(v) ?? String(v));
}

/** Bytes in a size such as `512M` (binary multiples, as Docker reads them). */
export function parseBytes(v: unknown): number {
    if (typeof v === "number") {
        if (Number.isNaN(v)) throw new UnitError(`NaN is not a size; write a number with an optional unit: b, k, m, g (e.g. "512M")`);
        if (v < 0) throw new UnitError(`${shown(v)} is negative; a size is a number of bytes, 0 or more (e.g. "512M")`);
        if (v > MAX_EXACT) throw new UnitError(`${shown(v)} is too large for a size (at most 2^53 - 1 bytes, just under 8 PiB)`);
        return Math.floor(v);
    }
    if (typeof v !== "string") throw new UnitError(`expected a size such as "512M", got ${shown(v)}`);
    if (/^\s*-\s*\d/.test(v)) throw new UnitError(`"${v}" is negative; a size is a number of bytes, 0 or more (e.g. "512M")`);
    const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(v);
    if (!m) throw new UnitError(`"${v}" is not a size; write a number with an optional unit: b, k, m, g (e.g. "512M")`);
    const [, amount = "", unitName = ""] = m;
    const unit = BYTE_UNITS[unitName.toLowerCase()];
    if (unit === undefined) throw new UnitError(`"${v}" has an unknown unit "${unitName}"; use b, k, m, g, t or p (e.g. "512M")`);
    const bytes = Math.floor(Number(amount) * unit);
    if (bytes > MAX_EXACT) throw new UnitError(`"${v}" is too large for a size (at most 2^53 - 1 bytes, just under 8 PiB)`);
    return bytes;
}

/**
 * A whole number of things (replicas, processes), 0 or more; `allowUnlimited` also takes -1, which
 * Docker reads as "no limit" (`pids_limit: -1`).
 */
export function parseCount(v: unknown, allowUnlimited = false): number {
    const n = typeof v === "number" ? v : typeof v === "string" && /^\s*[-+]?\d+\s*$/.test(v) ? Number(v) : NaN;
    if (Number.isNaN(n) || (Number.isFinite(n) && !Number.isInteger(n))) throw new UnitError(`${shown(v)} is not a whole number`);
    if (n < 0 && !(allowUnlimited && n === -1)) throw new UnitError(`${shown(v)} is negative; write 0 or more${allowUnlimited ? " (or -1 for no limit)" : ""}`);
    if (n > MAX_EXACT) throw new UnitError(`${shown(v)} is too large to be read exactly (more than 2^53 - 1)`);
    return n;
}

/** The canonical text of a size: its bytes as a decimal string. */
export function canonicalBytes(v: unknown): string {
    return String(parseBytes(v));
}

const NS: Record<string, number> = {
    ns: 1,
    us: 1e3,
    µs: 1e3,
    μs: 1e3,
    ms: 1e6,
    s: 1e9,
    m: 60e9,
    h: 3600e9,
    d: 86400e9,
};

/** Nanoseconds in a duration such as `1m30s`. A bare number is seconds. */
export function parseDuration(v: unknown): number {
    if (typeof v === "number" && Number.isFinite(v)) return Math.round(v * 1e9);
    if (typeof v !== "string") throw new UnitError(`expected a duration such as "30s", got ${JSON.stringify(v)}`);
    const s = v.trim();
    if (s === "0") return 0;
    const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h|d)/y;
    let total = 0;
    let i = 0;
    let any = false;
    const neg = s.startsWith("-");
    const body = neg || s.startsWith("+") ? s.slice(1) : s;
    while (i < body.length) {
        re.lastIndex = i;
        const m = re.exec(body);
        if (!m) throw new UnitError(`"${v}" is not a duration; write it like "30s", "1m30s" or "500ms"`);
        const [, amount = "", unit = ""] = m;
        // The pattern admits only units NS has.
        total += Number(amount) * (NS[unit] ?? 0);
        i = re.lastIndex;
        any = true;
    }
    if (!any) throw new UnitError(`"${v}" is not a duration; write it like "30s", "1m30s" or "500ms"`);
    return Math.round(neg ? -total : total);
}

/** Go's `time.Duration.String()`: `1m30s`, `1h0m0s`, `1.5s`, `100ms`, `0s`. */
export function formatDuration(ns: number): string {
    if (ns === 0) return "0s";
    const neg = ns < 0;
    let u = Math.abs(ns);
    const sign = neg ? "-" : "";
    if (u < 1e9) {
        // Below a second: the largest unit that keeps an integer part.
        if (u < 1e3) return `${sign}${u}ns`;
        if (u < 1e6) return `${sign}${trimFraction(u / 1e3)}µs`;
        return `${sign}${trimFraction(u / 1e6)}ms`;
    }
    const h = Math.floor(u / 3600e9);
    u -= h * 3600e9;
    const m = Math.floor(u / 60e9);
    u -= m * 60e9;
    const s = trimFraction(u / 1e9);
    if (h > 0) return `${sign}${h}h${m}m${s}s`;
    if (m > 0) return `${sign}${m}m${s}s`;
    return `${sign}${s}s`;
}

function trimFraction(x: number): string {
    return String(Number(x.toFixed(9)));
}

/** The canonical text of a duration. */
export function canonicalDuration(v: unknown): string {
    return formatDuration(parseDuration(v));
}

/** CPUs as a number (`"0.5"` -> 0.5): finite, 0 or more. */
export function parseCpus(v: unknown): number {
    const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v.trim()) : NaN;
    if (Number.isNaN(n) || (typeof v === "string" && !Number.isFinite(n))) throw new UnitError(`${shown(v)} is not a number of CPUs; write e.g. 0.5 or "2"`);
    if (n < 0) throw new UnitError(`${shown(v)} is negative; write a number of CPUs, 0 or more (e.g. 0.5 or "2")`);
    if (n > MAX_EXACT) throw new UnitError(`${shown(v)} is too large for a number of CPUs`);
    return Number(Math.fround(n).toPrecision(7));
}
