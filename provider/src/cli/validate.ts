/**
 * `pulumi-defang validate`: reports every error and warning of a compose project, with where it
 * was written and how to fix it.
 */
import { sortDiagnostics } from "../compose/diagnostics";
import { projectFromCompose } from "../model/from-compose";
import { cloudList } from "../model/translation/warnings";
import { CLOUD_NAMES, CloudName } from "../model/types";
import { OptionSpec, ParsedArgs, UsageError, formatOptions } from "./args";
import { CloudVerdicts, cloudVerdicts } from "./cloud-verdicts";
import { painter, shouldColor } from "./color";
import {
    ENVIRONMENT_HELP,
    exitCodesHelp,
    PROJECT_OPTIONS,
    cwdOf,
    describeFiles,
    loadOptionsFrom,
    plural,
    printDiagnostics,
    tryLoad,
} from "./common";
import { CliIO, ExitCode, isTerminal, println } from "./io";

/** The options of `validate`. */
export const VALIDATE_OPTIONS: OptionSpec[] = [
    ...PROJECT_OPTIONS.slice(0, -2),
    { name: "strict", takesValue: false, description: "treat warnings as errors (exit 1 when there are any)" },
    {
        name: "provider",
        short: "p",
        takesValue: true,
        choices: [...CLOUD_NAMES, "all"],
        valueName: "aws|gcp|digitalocean|all",
        description: "also check what the cloud refuses (errors) and approximates (warnings) (default: DEFANG_PROVIDER; without one, both are warnings for every cloud)",
    },
    ...PROJECT_OPTIONS.slice(-2),
];

/** The help text of `validate`. */
export function validateHelp(): string {
    return `Usage: pulumi-defang validate [options] [FILE...]

Checks a compose project: YAML syntax, the Compose schema, interpolation, merges, include and
extends, and what a managed cloud deployment needs: what each cloud refuses and approximates,
from the same table \`plan\` and a deployment read. Prints every problem as
  file:line:column: severity: service "name": field: message (hint)
then a summary. Files given as arguments are the same as -f FILE.

Options:
${formatOptions(VALIDATE_OPTIONS)}

${ENVIRONMENT_HELP}
  DEFANG_PROVIDER        the cloud when no --provider is given

${exitCodesHelp([0, 1, 2, 3, 70])}

Examples:
  pulumi-defang validate
  pulumi-defang validate -f compose.yaml -f compose.prod.yaml --strict
  pulumi-defang validate --provider digitalocean
`;
}

/**
 * Runs `validate` with already-parsed options. Diagnostics and the summary go to stdout.
 * @returns 0 when there are no errors, 2 when the project is invalid, 3 when the cloud asked for refuses it,
 *   1 when there are only warnings and `--strict` was given
 */
export function runValidate(parsed: ParsedArgs, io: CliIO): number {
    const cwd = cwdOf(io);
    const color = shouldColor(isTerminal(io, "stdout"), io.env, parsed.options["no-color"] === true);
    const paint = painter(color);
    const strict = parsed.options.strict === true;
    const options = loadOptionsFrom(parsed.options, io, parsed.positionals);
    const outcome = tryLoad(options);

    if (!outcome.ok) {
        printDiagnostics(io.stdout, sortDiagnostics([...outcome.errors, ...outcome.warnings]), color, cwd);
        const summary = `${plural(outcome.errors.length, "error")}, ${plural(outcome.warnings.length, "warning")}`;
        println(io.stdout, paint.red(summary));
        return ExitCode.invalid;
    }

    const { project, workingDir, locator } = outcome.result;
    let checked: CloudVerdicts;
    try {
        checked = cloudVerdicts(project, projectFromCompose(project, { workingDir, locator }), cloudsOf(parsed, io), outcome.result.warnings);
    } catch (e) {
        // The model refuses what the loader let through (e.g. a dependency cycle).
        println(io.stdout, paint.red(`error: ${(e as Error).message}`));
        return ExitCode.invalid;
    }
    const warnings = [...outcome.result.warnings, ...checked.warnings];
    printDiagnostics(io.stdout, sortDiagnostics([...checked.errors, ...warnings]), color, cwd);
    if (checked.errors.length > 0) {
        println(io.stdout, paint.red(`${plural(checked.errors.length, "error")}, ${plural(warnings.length, "warning")}`) + ` (${cloudList(checked.clouds)} cannot run the project as written)`);
        return ExitCode.unsupported;
    }
    const files = describeFiles(options, outcome.result, cwd);
    const count = Object.keys(outcome.result.project.services ?? {}).length;
    const what = `${plural(count, "service")}`;
    if (warnings.length === 0) {
        println(io.stdout, paint.green(`${files} is valid`) + ` (${what})`);
        return ExitCode.ok;
    }
    if (strict) {
        println(io.stdout, paint.yellow(`0 errors, ${plural(warnings.length, "warning")}`) + " (--strict: warnings fail the check)");
        return ExitCode.warnings;
    }
    println(io.stdout, paint.green(`${files} is valid`) + ` (${what}, ${plural(warnings.length, "warning")})`);
    return ExitCode.ok;
}

/** The clouds asked for (--provider, else DEFANG_PROVIDER); undefined when none was. */
function cloudsOf(parsed: ParsedArgs, io: CliIO): CloudName[] | undefined {
    const asked = (parsed.options.provider as string | undefined) ?? (io.env.DEFANG_PROVIDER?.trim().toLowerCase() || undefined);
    if (asked === undefined) return undefined;
    if (asked === "all") return [...CLOUD_NAMES];
    if (!(CLOUD_NAMES as readonly string[]).includes(asked)) throw new UsageError(`DEFANG_PROVIDER must be one of ${[...CLOUD_NAMES, "all"].join(", ")}, not "${asked}"`, "validate");
    return [asked as CloudName];
}
