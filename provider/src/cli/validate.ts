/**
 * `pulumi-defang validate`: reports every error and warning of a compose project, and every feature
 * each cloud asked for refuses (the verdict `plan` and a deployment give), with where it was written
 * and how to fix it.
 */
import * as path from "path";
import { builderLabel, serviceBuilders } from "../build/builder";
import { localDockerBuildsAsked } from "../clouds/digitalocean/build/builder-option";
import { gcpGpuSettings } from "../clouds/gcp/compute/cloud-run-gpu";
import { ProjectVerdict, projectVerdict } from "../clouds/verdict";
import { sortDiagnostics } from "../compose/diagnostics";
import { cloudTitle } from "../model/errors";
import { projectFromCompose } from "../model/from-compose";
import { tableWarnings } from "../model/translation/warnings";
import { ProjectModel } from "../model/types";
import { OptionSpec, ParsedArgs, flag, formatOptions, stringOption } from "./args";
import { painter, shouldColor } from "../util/color";
import { ENVIRONMENT_HELP, exitCodesHelp, PROJECT_OPTIONS, cwdOf, describeFiles, loadOptionsFrom, plural, printDiagnostics, tryLoad } from "./common";
import { CliIO, ExitCode, isTerminal, println } from "./io";
import { PROVIDERS, cloudsAsked, refusalDiagnostics, titles, verdictDiagnostic } from "./verdict-report";

/** The options of `validate`. */
export const VALIDATE_OPTIONS: OptionSpec[] = [
    ...PROJECT_OPTIONS.slice(0, -2),
    { name: "provider", short: "p", takesValue: true, choices: PROVIDERS, valueName: "aws|gcp|digitalocean|all", description: "the clouds to check for (default: DEFANG_PROVIDER, else all)" },
    { name: "strict", takesValue: false, description: "treat warnings as errors (exit 1 when there are any)" },
    ...PROJECT_OPTIONS.slice(-2),
];

/** The help text of `validate`. */
export function validateHelp(): string {
    return `Usage: pulumi-defang validate [options] [FILE...]

Checks a compose project: YAML syntax, the Compose schema, interpolation, merges, include and
extends, what a managed cloud deployment needs, that every build context and Dockerfile exists,
and, for each cloud asked for, every feature that cloud cannot run (errors) and every attribute it
runs differently (warnings): the same verdict, from the same table, that plan and a deployment
give, before anything is created. Prints every problem as
  file:line:column: severity: service "name": field: message (fix)
then a summary. A feature several clouds refuse alike is one line naming them. Files given as
arguments are the same as -f FILE.

Options:
${formatOptions(VALIDATE_OPTIONS)}

${ENVIRONMENT_HELP}
  DEFANG_PROVIDER        the cloud when no --provider is given

${exitCodesHelp([0, 1, 2, 3, 70])}

Examples:
  pulumi-defang validate
  pulumi-defang validate --provider aws
  pulumi-defang validate -f compose.yaml -f compose.prod.yaml --strict
`;
}

/**
 * Runs `validate` with already-parsed options. Diagnostics and the summary go to stdout.
 * @returns 2 when the project is invalid (it does not load, or a build input does not exist), 3 when
 * a cloud asked for refuses it, 1 when there are only warnings and `--strict` was given, else 0
 */
export function runValidate(parsed: ParsedArgs, io: CliIO): number {
    const cwd = cwdOf(io);
    const color = shouldColor(isTerminal(io, "stdout"), io.env, flag(parsed.options, "no-color"));
    const paint = painter(color);
    const strict = flag(parsed.options, "strict");
    const { clouds } = cloudsAsked(stringOption(parsed.options, "provider"), io, "validate");
    const options = loadOptionsFrom(parsed.options, io, parsed.positionals);
    const outcome = tryLoad(options);

    if (!outcome.ok) {
        printDiagnostics(io.stdout, sortDiagnostics([...outcome.errors, ...outcome.warnings]), color, cwd);
        const summary = `${plural(outcome.errors.length, "error")}, ${plural(outcome.warnings.length, "warning")}`;
        println(io.stdout, paint.red(summary));
        return ExitCode.invalid;
    }

    const { warnings, project, workingDir, locator } = outcome.result;
    let model: ProjectModel;
    try {
        model = projectFromCompose(project, { workingDir, locator });
    } catch (e) {
        // The model refuses what the loader let through (e.g. a dependency cycle): a user error.
        printDiagnostics(io.stdout, warnings, color, cwd);
        println(io.stdout, `error: ${(e as Error).message}`);
        println(io.stdout, paint.red(`1 error, ${plural(warnings.length, "warning")}`));
        return ExitCode.invalid;
    }
    const verdict = projectVerdict(model.components, clouds, model.locate, { localDockerBuilds: localDockerBuildsAsked(undefined, io.env), gcpGpu: gcpGpuSettings({}, io.env) });
    warnings.push(...tableWarnings(project, model, clouds));
    const errors = verdict.invalid.map((p) => verdictDiagnostic(p, "build-input"));
    const refusals = refusalDiagnostics(verdict);
    printDiagnostics(io.stdout, sortDiagnostics([...errors, ...refusals, ...warnings]), color, cwd);
    printBuilderNotes(io, model, cwd);

    const files = describeFiles(options, outcome.result, cwd);
    const what = plural(Object.keys(project.services ?? {}).length, "service");
    if (errors.length > 0) {
        const refused = refusedList(verdict);
        println(io.stdout, paint.red(`${plural(errors.length, "error")}, ${plural(warnings.length, "warning")}`) + (refused ? `; not supported on ${refused}` : ""));
        return ExitCode.invalid;
    }
    const refusing = verdict.clouds.filter((v) => v.refused.length > 0);
    if (refusing.length > 0) {
        const accepting = verdict.clouds.filter((v) => v.refused.length === 0).map((v) => v.cloud);
        const valid = accepting.length > 0 ? `; valid on ${titles(accepting)}` : "";
        println(io.stdout, `${files} (${what}, ${plural(warnings.length, "warning")}): ` + paint.red(`not supported on ${refusedList(verdict)}`) + valid);
        return ExitCode.unsupported;
    }
    const on = ` on ${titles(clouds)}`;
    if (warnings.length === 0) {
        println(io.stdout, paint.green(`${files} is valid${on}`) + ` (${what})`);
        return ExitCode.ok;
    }
    if (strict) {
        println(io.stdout, paint.yellow(`0 errors, ${plural(warnings.length, "warning")}`) + " (--strict: warnings fail the check)");
        return ExitCode.warnings;
    }
    println(io.stdout, paint.green(`${files} is valid${on}`) + ` (${what}, ${plural(warnings.length, "warning")})`);
    return ExitCode.ok;
}

/**
 * One line per service built without a Dockerfile: which builder and why. A Dockerfile build is
 * what compose does and goes unsaid; `plan` lists the builder of every built service.
 */
function printBuilderNotes(io: CliIO, model: ProjectModel, cwd: string): void {
    for (const { service, choice } of serviceBuilders(model.components)) {
        if (choice.kind === "dockerfile") continue;
        const at = model.locate?.(service, ["build"]);
        const file = at?.file ? `${path.relative(cwd, at.file) || at.file}:${at.line ?? 1}:${at.column ?? 1}: ` : "";
        println(io.stdout, `${file}info: service "${service}": built with ${builderLabel(choice.kind)} (${choice.reason})`);
    }
}

/** "AWS (2 features), Google Cloud (1 feature)": the clouds that refuse the project; "" when none does. */
function refusedList(verdict: ProjectVerdict): string {
    return verdict.clouds
        .filter((v) => v.refused.length > 0)
        .map((v) => `${cloudTitle(v.cloud)} (${plural(v.refused.length, "feature")})`)
        .join(", ");
}
