/**
 * How `validate` and `plan` show the verdict (`clouds/verdict.ts`): the clouds asked for, and each
 * problem as a diagnostic (`file:line:column: error: service "name": field: message (fix)`).
 */
import { ProjectVerdict } from "../clouds/verdict";
import { Diagnostic } from "../compose/diagnostics";
import { ServiceProblem, cloudTitle } from "../model/errors";
import { CLOUD_NAMES, CloudName } from "../model/types";
import { UsageError } from "./args";
import { CliIO } from "./io";

/** The values of `--provider`. */
export const PROVIDERS = [...CLOUD_NAMES, "all"];

/** The clouds asked for: `--provider`, else `DEFANG_PROVIDER`, else all three. */
export function cloudsAsked(provider: string | undefined, io: CliIO, command: string): { clouds: CloudName[]; all: boolean } {
    const asked = provider ?? (io.env.DEFANG_PROVIDER?.trim().toLowerCase() || "all");
    if (asked === "all") return { clouds: [...CLOUD_NAMES], all: true };
    if (!(CLOUD_NAMES as readonly string[]).includes(asked)) throw new UsageError(`DEFANG_PROVIDER must be one of ${PROVIDERS.join(", ")}, not "${asked}"`, command);
    return { clouds: [asked as CloudName], all: false };
}

/** A problem of the verdict as an error diagnostic; `clouds` names who refuses it, when it is a refusal. */
export function verdictDiagnostic(p: ServiceProblem, code: string, clouds: CloudName[] = []): Diagnostic {
    const by = clouds.length > 0 ? `not supported on ${titles(clouds)}: ` : "";
    return {
        severity: "error",
        code,
        service: p.service,
        field: p.field,
        message: by + p.message,
        hint: p.hint,
        ...(p.location?.file ? { file: p.location.file, line: p.location.line, column: p.location.column } : {}),
    };
}

/**
 * The refusals of every cloud as diagnostics, one per problem: a problem that several clouds refuse
 * alike is one line naming them all.
 */
export function refusalDiagnostics(verdict: ProjectVerdict): Diagnostic[] {
    const byProblem = new Map<string, { problem: ServiceProblem; clouds: CloudName[] }>();
    for (const { cloud, refused } of verdict.clouds) {
        for (const p of refused) {
            const key = JSON.stringify([p.service, p.field, p.message, p.hint, p.location?.file, p.location?.line, p.location?.column]);
            const entry = byProblem.get(key) ?? { problem: p, clouds: [] };
            entry.clouds.push(cloud);
            byProblem.set(key, entry);
        }
    }
    return [...byProblem.values()].map(({ problem, clouds }) => verdictDiagnostic(problem, "unsupported", clouds));
}

/** "AWS", "AWS and Google Cloud", "AWS, Google Cloud and DigitalOcean". */
export function titles(clouds: CloudName[]): string {
    const t = clouds.map(cloudTitle);
    return t.length <= 1 ? t.join("") : `${t.slice(0, -1).join(", ")} and ${t[t.length - 1]}`;
}
