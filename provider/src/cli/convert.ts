/**
 * `pulumi-defang convert`: writes a Pulumi project (TypeScript or Pulumi YAML) that deploys the
 * compose app with DefangProject, ready for `pulumi up`. The project is loaded and checked first;
 * existing files are not overwritten without --force, and the files are written all at once or not
 * at all (`convert/write-files.ts`).
 */
import * as path from "path";
import { ConvertInput, typescriptProgram, yamlProgram } from "../convert/program";
import { OutputDirectoryError, writeFilesAtomically } from "../convert/write-files";
import { projectFromCompose } from "../model/from-compose";
import { CLOUD_NAMES, ProjectModel } from "../model/types";
import { OptionSpec, ParsedArgs, UsageError, choiceOption, flag, formatOptions, stringOption } from "./args";
import { painter, shouldColor } from "../util/color";
import { ENVIRONMENT_HELP, PROJECT_OPTIONS, cwdOf, exitCodesHelp, loadOptionsFrom, printDiagnostics, tryLoad } from "./common";
import { CliIO, ExitCode, isTerminal, println } from "./io";

export const CONVERT_OPTIONS: OptionSpec[] = [
    ...PROJECT_OPTIONS.slice(0, -2),
    { name: "to", takesValue: true, choices: ["typescript", "yaml"], valueName: "typescript|yaml", description: "the program's language (default: typescript)" },
    { name: "out", short: "o", takesValue: true, valueName: "DIR", description: "the directory to write the Pulumi project to (required)" },
    { name: "provider", short: "p", takesValue: true, choices: [...CLOUD_NAMES], valueName: "aws|gcp|digitalocean", description: "the cloud set in Pulumi.yaml (default: DEFANG_PROVIDER, else aws)" },
    { name: "force", takesValue: false, description: "overwrite files that exist" },
    ...PROJECT_OPTIONS.slice(-2),
];

export function convertHelp(): string {
    return `Usage: pulumi-defang convert [options] [FILE...] --out DIR

Writes a Pulumi project that deploys the compose application with pulumi-defang's DefangProject
component, ready for \`pulumi up\`:
  --to typescript   Pulumi.yaml, index.ts, package.json and tsconfig.json (run \`npm install\` first)
  --to yaml         a Pulumi YAML program (Pulumi.yaml), using the defang:index:DefangProject type
The program refers to the compose files where they are, so build contexts keep working. The
project is checked first; nothing is written when it does not load. The files are written all at
once or not at all (into a folder beside DIR, then moved into DIR), and never through a symbolic
link: a link where a file is to go is refused.

Options:
${formatOptions(CONVERT_OPTIONS)}

${ENVIRONMENT_HELP}
  DEFANG_PROVIDER        the cloud when no --provider is given

${exitCodesHelp([0, 2, 70])}

Examples:
  pulumi-defang convert examples/helpdesk/compose.yaml --to typescript --out infra
  pulumi-defang convert -f compose.yaml --to yaml --provider gcp --out infra
`;
}

/** `p` relative to `cwd` when it is under it, else as it is. */
function shownPath(cwd: string, p: string): string {
    const relative = path.relative(cwd, p);
    return relative === "" ? "." : relative.startsWith("..") || path.isAbsolute(relative) ? p : relative;
}

/** Runs `convert`. @returns 0, or 2 when the project does not load, a file would be overwritten, or --out cannot take the files */
export function runConvert(parsed: ParsedArgs, io: CliIO, version: string): number {
    const cwd = cwdOf(io);
    const color = shouldColor(isTerminal(io, "stderr"), io.env, flag(parsed.options, "no-color"));
    const paint = painter(color);
    const out = stringOption(parsed.options, "out");
    if (out === undefined || out === "") throw new UsageError("--out DIR is required: the directory to write the Pulumi project to", "convert");
    const envCloud = io.env.DEFANG_PROVIDER?.trim().toLowerCase();
    const asked = choiceOption(parsed.options, "provider", CLOUD_NAMES) ?? (envCloud || "aws");
    const cloud = CLOUD_NAMES.find((c) => c === asked);
    if (cloud === undefined) throw new UsageError(`DEFANG_PROVIDER must be one of ${CLOUD_NAMES.join(", ")}, not "${asked}"`, "convert");

    const options = loadOptionsFrom(parsed.options, io, parsed.positionals);
    const outcome = tryLoad(options);
    if (!outcome.ok) {
        printDiagnostics(io.stderr, [...outcome.errors, ...outcome.warnings], color, cwd);
        println(io.stderr, paint.red("the project does not load; nothing was written"));
        return ExitCode.invalid;
    }
    printDiagnostics(io.stderr, outcome.result.warnings, color, cwd);
    let model: ProjectModel;
    try {
        model = projectFromCompose(outcome.result.project, { workingDir: outcome.result.workingDir });
    } catch (e) {
        // The model refuses what the loader let through (e.g. a dependency cycle): a user error.
        println(io.stderr, `error: ${(e as Error).message}`);
        return ExitCode.invalid;
    }
    const outDir = path.resolve(cwd, out);
    const composeFiles = (options.files ?? outcome.result.files.slice(0, 1)).map((f) => path.relative(outDir, f).split(path.sep).join("/"));
    const input: ConvertInput = {
        name: outcome.result.project.name,
        composeFiles,
        profiles: options.profiles ?? [],
        cloud,
        configKeys: model.configKeys,
        version,
    };
    const files = stringOption(parsed.options, "to") === "yaml" ? yamlProgram(input) : typescriptProgram(input);
    try {
        writeFilesAtomically(outDir, files, { overwrite: flag(parsed.options, "force"), display: (p) => shownPath(cwd, p) });
    } catch (e) {
        if (!(e instanceof OutputDirectoryError)) throw e;
        for (const line of e.message.split("\n")) println(io.stderr, `error: ${line}`);
        return ExitCode.invalid;
    }
    const shown = path.relative(cwd, outDir) || ".";
    println(io.stdout, paint.green(`wrote ${files.map((f) => path.join(shown, f.path)).join(", ")}`));
    println(io.stdout, "next:");
    println(io.stdout, `  cd ${shown}`);
    if (stringOption(parsed.options, "to") !== "yaml") println(io.stdout, "  npm install");
    println(io.stdout, "  pulumi stack init dev");
    for (const k of model.configKeys) println(io.stdout, `  pulumi config set --secret ${k} <value>`);
    println(io.stdout, "  pulumi up");
    return ExitCode.ok;
}
