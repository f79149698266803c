/**
 * What every rule shares: the context it runs in and a reporter that positions its findings.
 */
import { ConfigReference } from "../api";
import { Diagnostic, DiagnosticSink, Severity, SourcePosition } from "../diagnostics";
import { Path, pathToString } from "../paths";
import { ComposeProject, ComposeService } from "../types";

/** What the rules need besides the project: where things were written, and the unresolved variables. */
export interface RuleContext {
    /** The position of a project path (or of its nearest ancestor that has one). */
    locate(path: Path): SourcePosition | undefined;
    /** Variables used but not set: they are read from configuration at deploy time. */
    references: ConfigReference[];
    /** Services left out of the project by its profiles: references to them were already reported as warnings. */
    disabledServices?: ReadonlySet<string>;
}

/** One finding of a rule, before it is positioned. */
export interface Finding {
    severity: Severity;
    /** Stable, kebab-case. */
    code: string;
    /** What is wrong. */
    message: string;
    /** What to do about it. */
    hint: string;
}

/** Turns findings into positioned diagnostics. */
export class Reporter {
    constructor(
        private readonly ctx: RuleContext,
        private readonly sink: DiagnosticSink,
    ) {}

    /** Reports a finding about `field` (a path below the service; empty for the service itself) of `service`. */
    service(service: string, field: Path, finding: Finding): void {
        const pos = this.ctx.locate(["services", service, ...field]);
        // Property by property, in the order a spread of the finding gives (spreading the position into the literal takes the runtime's slow path).
        const d: Diagnostic = { severity: finding.severity, code: finding.code, message: finding.message, hint: finding.hint, service, field: field.length > 0 ? pathToString(field) : undefined };
        this.sink.add(pos ? withPosition(d, pos) : d);
    }

    /** Reports a finding about a path from the top of the project, e.g. `["models", "llm", "context_size"]`. */
    project(path: Path, finding: Finding): void {
        const pos = this.ctx.locate(path);
        const d: Diagnostic = { severity: finding.severity, code: finding.code, message: finding.message, hint: finding.hint, field: path.length > 0 ? pathToString(path) : undefined };
        this.sink.add(pos ? withPosition(d, pos) : d);
    }
}

function withPosition(d: Diagnostic, pos: SourcePosition): Diagnostic {
    d.file = pos.file;
    d.line = pos.line;
    d.column = pos.column;
    return d;
}

/** The services of a project with their names, in name order (stable output). */
export type ServiceList = ReadonlyArray<readonly [string, ComposeService]>;

/** A check over the whole project; `services` are the project's, listed once for every rule (see `services`). */
export type Rule = (project: ComposeProject, report: Reporter, ctx: RuleContext, services: ServiceList) => void;

/** The services of `project` with their names, in name order (stable output). */
export function services(project: ComposeProject): Array<[string, ComposeService]> {
    const list = Object.entries(project.services ?? {});
    // The loader lists services in name order already; only names that look like numbers come first in an object.
    for (let i = 1; i < list.length; i++) {
        if ((list[i - 1]?.[0] ?? "") > (list[i]?.[0] ?? "")) return list.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    }
    return list;
}

/**
 * The repository of an image reference without registry, tag or digest:
 * `docker.io/library/postgres:16@sha256:...` -> `library/postgres`. Empty when there is no image.
 */
export function imageRepository(image: string | undefined): string {
    if (!image) return "";
    const at = image.indexOf("@");
    let ref = at < 0 ? image : image.slice(0, at);
    const slash = ref.lastIndexOf("/");
    const colon = ref.lastIndexOf(":");
    if (colon > slash) ref = ref.slice(0, colon);
    // The first part is a registry when it has a dot or a port, or is localhost.
    const first = ref.indexOf("/");
    if (first >= 0) {
        const host = ref.slice(0, first);
        if (host.includes(".") || host.includes(":") || host === "localhost") ref = ref.slice(first + 1);
    }
    return ref.toLowerCase();
}

/** The last path segment of an image's repository: `bitnami/postgresql:16` -> `postgresql`. */
export function imageName(image: string | undefined): string {
    const repo = imageRepository(image);
    return repo.slice(repo.lastIndexOf("/") + 1);
}
