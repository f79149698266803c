/**
 * Diagnostics: the errors and warnings the compose loader reports.
 *
 * Every diagnostic names where it comes from (file, line, column), what it is about (service and
 * field, when there is one) and, where we can say it, what to do about it.
 */

export type Severity = "error" | "warning";

/** Where a node stands in a source file. Lines and columns count from 1. */
export interface SourcePosition {
    file: string;
    line: number;
    column: number;
}

export interface Diagnostic {
    severity: Severity;
    /** A stable identifier of the kind of problem, e.g. `schema`, `interpolation`, `ingress-without-healthcheck`. */
    code: string;
    /** One sentence saying what is wrong. */
    message: string;
    /** What to do about it. */
    hint?: string;
    /** The service the problem belongs to. */
    service?: string;
    /** The field, as a dotted path below the service (or from the top of the file when there is no service). */
    field?: string;
    file?: string;
    line?: number;
    column?: number;
}

/** A compose file could not be loaded. Carries every problem found, not just the first. */
export class ComposeError extends Error {
    readonly diagnostics: Diagnostic[];
    readonly warnings: Diagnostic[];

    constructor(diagnostics: Diagnostic[], warnings: Diagnostic[] = []) {
        const errors = diagnostics.filter((d) => d.severity === "error");
        const shown = errors.length > 0 ? errors : diagnostics;
        const [only] = shown;
        const head = shown.length === 1 && only ? formatDiagnostic(only) : `${shown.length} problems in the compose project:\n` + shown.map((d) => "  " + formatDiagnostic(d)).join("\n");
        super(head);
        this.name = "ComposeError";
        this.diagnostics = shown;
        this.warnings = warnings;
    }
}

/** `compose.yaml:12:7: error: service "web": ports[0].published: message (hint)` */
export function formatDiagnostic(d: Diagnostic, options: { color?: boolean; cwd?: string } = {}): string {
    const paint = (code: string, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
    let where = "";
    if (d.file) {
        where = displayPath(d.file, options.cwd);
        if (d.line) where += `:${d.line}` + (d.column ? `:${d.column}` : "");
        where += ": ";
    }
    const sev = d.severity === "error" ? paint("31;1", "error") : paint("33;1", "warning");
    let subject = "";
    if (d.service) subject += `service "${d.service}": `;
    if (d.field) subject += `${d.field}: `;
    const hint = d.hint ? ` (${d.hint})` : "";
    return `${where}${sev}: ${subject}${d.message}${hint}`;
}

function displayPath(file: string, cwd?: string): string {
    if (!cwd) return file;
    if (file.startsWith(cwd + "/")) return file.slice(cwd.length + 1);
    return file;
}

/** Collects diagnostics during a load and throws them all at once. */
export class DiagnosticSink {
    readonly items: Diagnostic[] = [];

    add(d: Diagnostic): void {
        this.items.push(d);
    }
    error(d: Omit<Diagnostic, "severity">): void {
        this.items.push({ severity: "error", ...d });
    }
    warn(d: Omit<Diagnostic, "severity">): void {
        this.items.push({ severity: "warning", ...d });
    }
    get errors(): Diagnostic[] {
        return this.items.filter((d) => d.severity === "error");
    }
    get warnings(): Diagnostic[] {
        return this.items.filter((d) => d.severity === "warning");
    }
    /** Throws a ComposeError when any error was collected. */
    throwIfErrors(): void {
        if (this.items.some(isError)) throw new ComposeError(sortDiagnostics(this.errors), sortDiagnostics(this.warnings));
    }
}

function isError(d: Diagnostic): boolean {
    return d.severity === "error";
}

/** Orders diagnostics by file, line, column, then message, and drops exact duplicates. */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
    const out = ds.slice().sort(compareDiagnostics);
    // Duplicates compare equal, so the (stable) sort leaves them next to each other, in the order they
    // came: only a run of diagnostics at the same place with the same message is compared in full,
    // and the first of each kind is kept (most diagnostics are alone in their run).
    let kept = 0;
    let runStart = 0;
    let previous: Diagnostic | undefined;
    for (const d of out) {
        if (previous === undefined || compareDiagnostics(previous, d) !== 0) runStart = kept;
        else if (isDuplicate(out, runStart, kept, d)) continue;
        previous = d;
        out[kept++] = d;
    }
    out.length = kept;
    return out;
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
    return compareText(a.file ?? "", b.file ?? "") || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || compareText(a.message, b.message);
}

/** Whether `d` is the same diagnostic as one of `list[from..to)`. */
function isDuplicate(list: readonly Diagnostic[], from: number, to: number, d: Diagnostic): boolean {
    const id = identity(d);
    for (let i = from; i < to; i++) {
        const k = list[i];
        if (k && identity(k) === id) return true;
    }
    return false;
}

/** What makes two diagnostics the same one. */
function identity(d: Diagnostic): string {
    return JSON.stringify([d.severity, d.code, d.message, d.service, d.field, d.file, d.line, d.column]);
}

/** `a.localeCompare(b)`, without asking the locale when the strings are the same (most diagnostics of a project share their file). */
function compareText(a: string, b: string): number {
    return a === b ? 0 : a.localeCompare(b);
}
