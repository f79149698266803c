/**
 * `pulumi-defang validate`: reports every error and warning of a compose project, with where it
 * was written and how to fix it.
 */
import { sortDiagnostics } from "../compose/diagnostics";
import { OptionSpec, ParsedArgs, formatOptions } from "./args";
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
    ...PROJECT_OPTIONS.slice(-2),
];

/** The help text of `validate`. */
export function validateHelp(): string {
    return `Usage: pulumi-defang validate [options] [FILE...]

Checks a compose project: YAML syntax, the Compose schema, interpolation, merges, include and
extends, and what a managed cloud deployment needs. Prints every problem as
  file:line:column: severity: service "name": field: message (hint)
then a summary. Files given as arguments are the same as -f FILE.

Options:
${formatOptions(VALIDATE_OPTIONS)}

${ENVIRONMENT_HELP}

${exitCodesHelp([0, 1, 2, 70])}

Examples:
  pulumi-defang validate
  pulumi-defang validate -f compose.yaml -f compose.prod.yaml --strict
`;
}

/**
 * Runs `validate` with already-parsed options. Diagnostics and the summary go to stdout.
 * @returns 0 when there are no errors, 2 when there are, 1 when there are only warnings and `--strict` was given
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

    const { warnings } = outcome.result;
    printDiagnostics(io.stdout, warnings, color, cwd);
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
