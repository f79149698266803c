/**
 * The `pulumi-defang` command line: reads the command name, parses its options and runs it.
 *
 * Every user mistake (a bad argument, an invalid compose file) ends with a message and an exit
 * code, never an exception; an exception that escapes {@link runCli} is a bug.
 */
import * as fs from "fs";
import * as path from "path";
import { closest } from "../util/closest-match";
import { OptionSpec, ParsedArgs, UsageError, flag, formatOptions, mergeParsed, parseArgs } from "./args";
import { EXIT_CODES_HELP, PROJECT_OPTIONS } from "./common";
import { CONFIG_OPTIONS, configHelp, runConfig } from "./config";
import { CONVERT_OPTIONS, convertHelp, runConvert } from "./convert";
import { CliIO, ExitCode, println } from "./io";
import { PLAN_OPTIONS, planHelp, runPlan } from "./plan";
import { VALIDATE_OPTIONS, runValidate, validateHelp } from "./validate";

export { CliIO, ExitCode } from "./io";

interface Command {
    summary: string;
    options: OptionSpec[];
    help(): string;
    run(parsed: ParsedArgs, io: CliIO): number | Promise<number>;
}

const COMMANDS: Record<string, Command> = {
    config: {
        summary: "print the canonical compose project (like `docker compose config`)",
        options: CONFIG_OPTIONS,
        help: configHelp,
        run: runConfig,
    },
    validate: {
        summary: "report every error and warning of a compose project, with file:line:column",
        options: VALIDATE_OPTIONS,
        help: validateHelp,
        run: runValidate,
    },
    plan: {
        summary: "show what each cloud would get and an estimated monthly cost (offline, no credentials)",
        options: PLAN_OPTIONS,
        help: planHelp,
        run: runPlan,
    },
    convert: {
        summary: "write a Pulumi project (TypeScript or YAML) that deploys the compose app",
        options: CONVERT_OPTIONS,
        help: convertHelp,
        run: (parsed, io) => runConvert(parsed, io, packageVersion()),
    },
};

/** Options accepted before the command name. */
const TOP_OPTIONS: OptionSpec[] = [
    ...PROJECT_OPTIONS.filter((o) => o.name !== "help"),
    { name: "help", short: "h", takesValue: false, description: "show this help, or a command's help" },
    { name: "version", short: "v", takesValue: false, description: "print the version" },
];

/** The top-level help text. */
export function topHelp(): string {
    const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length)) + 3;
    const commands = Object.entries(COMMANDS)
        .map(([name, c]) => `  ${name.padEnd(width)}${c.summary}`)
        .join("\n");
    return `Usage: pulumi-defang [options] <command> [command options]

Deploys Docker Compose applications to AWS, Google Cloud and DigitalOcean with Pulumi.
This command line checks compose projects, plans them offline for each cloud with an estimated
monthly cost, and converts them to Pulumi programs.

Commands:
${commands}

Options (project options may also be given after the command):
${formatOptions(TOP_OPTIONS)}

Run 'pulumi-defang <command> --help' for the options of a command.

${EXIT_CODES_HELP}
`;
}

/** The version in the package's package.json. */
export function packageVersion(): string {
    for (let dir = __dirname; ; dir = path.dirname(dir)) {
        const file = path.join(dir, "package.json");
        if (fs.existsSync(file)) {
            const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
            if (pkg.name === "@defang-io/pulumi-defang" && pkg.version) return pkg.version;
        }
        if (path.dirname(dir) === dir) return "unknown";
    }
}

/**
 * Runs `pulumi-defang` with the arguments after the program name.
 *
 * @param argv e.g. `["validate", "-f", "compose.yaml"]`
 * @param io the streams, environment and directory to use
 * @returns the exit code (0 ok, 1 warnings with `--strict`, 2 invalid input or usage)
 * @throws only on a bug (the caller reports it as an internal error, exit code 70)
 */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
    let command: string | undefined;
    try {
        const top = parseArgs(argv, TOP_OPTIONS, true);
        const [name, ...rest] = top.rest;
        if (flag(top.options, "version")) {
            println(io.stdout, packageVersion());
            return ExitCode.ok;
        }
        if (name === undefined) {
            if (flag(top.options, "help")) {
                io.stdout.write(topHelp());
                return ExitCode.ok;
            }
            io.stderr.write(topHelp());
            println(io.stderr, "\nerror: no command given");
            return ExitCode.invalid;
        }
        const asked = name === "help" ? rest[0] : name;
        if (asked === undefined) {
            io.stdout.write(topHelp());
            return ExitCode.ok;
        }
        const cmd = Object.prototype.hasOwnProperty.call(COMMANDS, asked) ? COMMANDS[asked] : undefined;
        if (cmd && name === "help") {
            io.stdout.write(cmd.help());
            return ExitCode.ok;
        }
        if (!cmd) {
            const guess = closest(asked, Object.keys(COMMANDS));
            throw new UsageError(`unknown command "${asked}"` + (guess ? ` (did you mean "${guess}"?)` : "") + `\ncommands: ${Object.keys(COMMANDS).join(", ")}`);
        }
        command = name;
        const own = parseArgs(rest, cmd.options, false, name);
        if (flag(own.options, "help") || flag(top.options, "help")) {
            io.stdout.write(cmd.help());
            return ExitCode.ok;
        }
        const before = Object.fromEntries(Object.entries(top.options).filter(([k]) => k !== "version" && k !== "help"));
        return await cmd.run({ ...own, options: mergeParsed(before, own.options) }, io);
    } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        const which = e.command ?? command;
        println(io.stderr, `error: ${e.message}`);
        println(io.stderr, `Run 'pulumi-defang ${which ? which + " " : ""}--help' for usage.`);
        return ExitCode.invalid;
    }
}
