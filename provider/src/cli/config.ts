/**
 * `pulumi-defang config`: prints the canonical project, like `docker compose config`.
 */
import * as YAML from "yaml";
import { OptionSpec, ParsedArgs, UsageError, flag, formatOptions, stringOption } from "./args";
import { shouldColor } from "../util/color";
import { ENVIRONMENT_HELP, PROJECT_OPTIONS, exitCodesHelp, cwdOf, loadOptionsFrom, printDiagnostics, tryLoad } from "./common";
import { CliIO, ExitCode, isTerminal } from "./io";

/** The options of `config`. */
export const CONFIG_OPTIONS: OptionSpec[] = [
    ...PROJECT_OPTIONS.slice(0, -2),
    { name: "format", takesValue: true, choices: ["yaml", "json"], valueName: "yaml|json", description: "output format (default: yaml)" },
    ...PROJECT_OPTIONS.slice(-2),
];

/** The help text of `config`. */
export function configHelp(): string {
    return `Usage: pulumi-defang config [options]

Loads the compose project (files, overrides, .env, env_file, include, extends, profiles),
interpolates and normalizes it, and prints the result, as \`docker compose config\` does.
Warnings go to stderr; errors go to stderr and nothing is printed on stdout.

Options:
${formatOptions(CONFIG_OPTIONS)}

${ENVIRONMENT_HELP}

${exitCodesHelp([0, 2, 70])}

Examples:
  pulumi-defang config
  pulumi-defang config -f compose.yaml -f compose.prod.yaml --format json
`;
}

/** Serializes a project: YAML as the `yaml` package writes it (no anchors, no folding), or JSON with a 2-space indent. */
export function renderProject(project: unknown, format: "yaml" | "json"): string {
    if (format === "json") return JSON.stringify(project, null, 2) + "\n";
    return YAML.stringify(project, { aliasDuplicateObjects: false, lineWidth: 0 });
}

/**
 * Runs `config` with already-parsed options.
 * @returns the exit code: 0, or 2 when the project does not load
 */
export function runConfig(parsed: ParsedArgs, io: CliIO): number {
    if (parsed.positionals.length > 0) {
        throw new UsageError(`unexpected argument "${parsed.positionals[0]}" (give compose files with -f FILE)`, "config");
    }
    const cwd = cwdOf(io);
    const color = shouldColor(isTerminal(io, "stderr"), io.env, flag(parsed.options, "no-color"));
    const outcome = tryLoad(loadOptionsFrom(parsed.options, io));
    if (!outcome.ok) {
        printDiagnostics(io.stderr, [...outcome.errors, ...outcome.warnings], color, cwd);
        return ExitCode.invalid;
    }
    printDiagnostics(io.stderr, outcome.result.warnings, color, cwd);
    const format = stringOption(parsed.options, "format") === "json" ? "json" : "yaml";
    io.stdout.write(renderProject(outcome.result.project, format));
    return ExitCode.ok;
}
