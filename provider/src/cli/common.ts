/**
 * What the commands that read a compose project share: their options, how those become
 * `LoadOptions`, and how a failed load is reported.
 */
import * as path from "path";
import { LoadOptions, LoadResult } from "../compose/api";
import { ComposeError, Diagnostic, formatDiagnostic } from "../compose/diagnostics";
import { loadProject } from "../compose/load";
import { withComposeEnvironment } from "../compose/environment-options";
import { OptionSpec, ParsedArgs, listOption, stringOption } from "./args";
import { CliIO, TextSink, println } from "./io";

/** Options every project command accepts (they may also come before the command name). */
export const PROJECT_OPTIONS: OptionSpec[] = [
    { name: "file", short: "f", takesValue: true, repeatable: true, valueName: "FILE", description: "compose file to load; later files override earlier ones" },
    { name: "env-file", takesValue: true, repeatable: true, valueName: "FILE", description: "env file for interpolation, instead of <project-directory>/.env" },
    { name: "profile", takesValue: true, repeatable: true, valueName: "NAME", description: "activate a profile" },
    { name: "project-name", takesValue: true, valueName: "NAME", description: "project name (default: `name:` in the file, else the directory name)" },
    { name: "project-directory", takesValue: true, valueName: "DIR", description: "project directory (default: the directory of the first file)" },
    { name: "no-color", takesValue: false, description: "never colour the output" },
    { name: "help", short: "h", takesValue: false, description: "show this help" },
];

/** The text of the environment variables section of the help. */
export const ENVIRONMENT_HELP = `Environment:
  COMPOSE_FILE           compose files when no -f is given, separated by ':' (or COMPOSE_PATH_SEPARATOR)
  COMPOSE_ENV_FILES      env files when no --env-file is given, separated by ','
  COMPOSE_PROFILES       profiles when no --profile is given, separated by ','
  COMPOSE_PROJECT_NAME   project name when no --project-name is given
  NO_COLOR               never colour the output
  Other shell variables are not used for interpolation, exactly as in a deployment: put them in the
  project's .env (or an --env-file), or set them with \`pulumi config set\`. A variable with no value
  stays a reference that Pulumi config provides when the stack deploys.`;

/** The text of the exit codes section of the help. */
export const EXIT_CODES_HELP = `Exit codes:
  0   success
  1   warnings were found and --strict was given
  2   invalid compose project, or invalid command line
  3   validate, plan: a cloud asked for cannot run a feature the project uses (each listed with
      file:line:column and a fix)
  4   plan: the backend of the cloud asked for could not be loaded (its SDK is missing)
  70  a bug in pulumi-defang (please report it)`;

/** The exit codes section with only the codes a command can return. */
export function exitCodesHelp(codes: number[]): string {
    let keep = true;
    return EXIT_CODES_HELP.split("\n")
        .filter((line) => {
            // A code's line decides for the indented lines that continue it.
            if (/^\s+\d+\s/.test(line)) keep = codes.includes(Number(line.trim().split(/\s+/)[0]));
            else if (!/^\s{6}/.test(line)) keep = true;
            return keep;
        })
        .join("\n");
}

/** The current directory of `io`. */
export function cwdOf(io: CliIO): string {
    return io.cwd ?? process.cwd();
}

/**
 * Turns the parsed options into loader options, like `docker compose` does: files from `-f`, else
 * `COMPOSE_FILE`, else the loader's defaults in the project directory; the other `COMPOSE_*`
 * variables likewise (`compose/environment-options.ts`). Unlike `docker compose`, the
 * shell's variables are not used for interpolation, so that what the command shows is what a
 * deployment gets (the loader warns about a referenced variable that is set only in the shell).
 *
 * @param extraFiles files given as positional arguments, appended to `-f`
 */
export function loadOptionsFrom(options: ParsedArgs["options"], io: CliIO, extraFiles: string[] = []): LoadOptions {
    const cwd = cwdOf(io);
    const resolve = (p: string) => path.resolve(cwd, p);
    const files = [...listOption(options, "file"), ...extraFiles];
    const out: LoadOptions = { profiles: listOption(options, "profile") };
    if (files.length > 0) out.files = files.map(resolve);
    const dir = stringOption(options, "project-directory");
    if (dir !== undefined) out.workingDir = resolve(dir);
    const envFiles = listOption(options, "env-file");
    if (envFiles.length > 0) out.envFiles = envFiles.map(resolve);
    const name = stringOption(options, "project-name");
    if (name !== undefined) out.projectName = name;
    return withComposeEnvironment(out, io.env, cwd);
}

/** A load that worked, or the problems that stopped it. */
export type LoadOutcome = { ok: true; result: LoadResult } | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

/**
 * Loads the project. A `ComposeError` becomes `{ ok: false }` with its diagnostics;
 * any other exception is a bug and is rethrown.
 */
export function tryLoad(options: LoadOptions): LoadOutcome {
    try {
        return { ok: true, result: loadProject(options) };
    } catch (e) {
        if (e instanceof ComposeError) return { ok: false, errors: e.diagnostics, warnings: e.warnings };
        throw e;
    }
}

/** Prints diagnostics one per line as `file:line:column: severity: ...`, paths relative to the current directory. */
export function printDiagnostics(sink: TextSink, diagnostics: Diagnostic[], color: boolean, cwd: string): void {
    for (const d of diagnostics) println(sink, formatDiagnostic(d, { color, cwd }));
}

/** "1 error", "3 warnings" */
export function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The compose files a user would recognise as "the project", relative to the current directory. */
export function describeFiles(options: LoadOptions, result: LoadResult | undefined, cwd: string): string {
    const rel = (f: string) => {
        const r = path.relative(cwd, f);
        return r === "" || r.startsWith("..") || path.isAbsolute(r) ? f : r;
    };
    if (options.files && options.files.length > 0) return options.files.map(rel).join(", ");
    const main = (result?.files ?? []).filter((f) => path.dirname(f) === result?.workingDir && /^(docker-)?compose(\.override)?\.ya?ml$/.test(path.basename(f)));
    return main.length > 0 ? main.map(rel).join(", ") : "the compose project";
}
