/**
 * The command-line parser: long options (`--file x`, `--file=x`), short aliases (`-f x`,
 * `-fx`), boolean flags, repeatable options, value choices and `--` to end the options. Anything it
 * cannot make sense of is a {@link UsageError} naming the argument, with the closest known option.
 */
import { ParseArgsConfig, parseArgs as nodeParseArgs } from "node:util";
import { closest } from "../util/closest-match";

/** Describes one option a command accepts. */
export interface OptionSpec {
    /** Long name without dashes, e.g. `file`; also the key in {@link ParsedArgs.options}. */
    name: string;
    /** One-letter alias without the dash, e.g. `f`. */
    short?: string;
    /** Whether the option takes a value. Flags do not. */
    takesValue: boolean;
    /** Whether the option may be given more than once (its values are collected in order). */
    repeatable?: boolean;
    /** The values allowed, when the set is closed (e.g. `yaml`, `json`). */
    choices?: string[];
    /** How the value is shown in help, e.g. `FILE`. */
    valueName?: string;
    /** One line for the help text. */
    description: string;
}

/** What {@link parseArgs} found. Flags are `true` when given; values are strings, or arrays for repeatable options. */
export interface ParsedArgs {
    options: Record<string, string | string[] | boolean | undefined>;
    /** Arguments that are not options, in order. */
    positionals: string[];
    /** With `stopAtPositional`: the arguments from the first positional on, unparsed. */
    rest: string[];
}

/** A mistake on the command line. The CLI prints the message and exits with code 2. */
export class UsageError extends Error {
    constructor(
        message: string,
        readonly command?: string,
    ) {
        super(message);
        this.name = "UsageError";
    }
}

/**
 * Parses `argv` against `specs`, with `node:util`'s `parseArgs` reading the tokens and this module
 * checking them, so that every mistake has our message.
 *
 * @param stopAtPositional stop at the first positional argument and return it and everything after
 *   it in `rest` (used to read options given before a command name).
 * @throws UsageError for an unknown option, a missing value, a value outside `choices`, or a
 *   non-repeatable option given twice with different values.
 */
export function parseArgs(argv: string[], specs: OptionSpec[], stopAtPositional = false, command?: string): ParsedArgs {
    const out: ParsedArgs = { options: {}, positionals: [], rest: [] };
    const byLong = new Map(specs.map((s) => [s.name, s]));
    const config: ParseArgsConfig["options"] = Object.fromEntries(specs.map((s) => [s.name, { type: s.takesValue ? "string" : "boolean", ...(s.short ? { short: s.short } : {}), multiple: s.repeatable === true }]));
    const { tokens } = nodeParseArgs({ args: argv, options: config, strict: false, allowPositionals: true, tokens: true });
    for (const token of tokens) {
        if (token.kind === "option-terminator") {
            out.positionals.push(...argv.slice(token.index + 1));
            break;
        }
        if (token.kind === "positional") {
            if (stopAtPositional) {
                out.rest = argv.slice(token.index);
                break;
            }
            out.positionals.push(token.value);
            continue;
        }
        const shown = token.rawName;
        const spec = byLong.get(token.name);
        if (!spec) throw new UsageError(unknownOptionMessage(shown, specs), command);
        let value: string | boolean;
        if (spec.takesValue) {
            if (token.value === undefined) throw new UsageError(`option ${shown} needs a value${spec.valueName ? ` (${spec.valueName})` : ""}`, command);
            // `-f=x` is `-f x`, as with the long form.
            value = token.inlineValue && !shown.startsWith("--") && token.value.startsWith("=") ? token.value.slice(1) : token.value;
            if (spec.choices && !spec.choices.includes(value)) {
                throw new UsageError(`option ${shown} must be one of ${spec.choices.join(", ")}, not "${value}"`, command);
            }
        } else {
            if (token.inlineValue) throw new UsageError(`option ${shown} does not take a value`, command);
            value = true;
        }
        store(out, spec, value, shown, command);
    }
    return out;
}

/** The value of a flag: whether it was given. */
export function flag(options: ParsedArgs["options"], name: string): boolean {
    return options[name] === true;
}

/** The value of a single-valued option, when given. */
export function stringOption(options: ParsedArgs["options"], name: string): string | undefined {
    const v = options[name];
    return typeof v === "string" ? v : undefined;
}

/** The value of an option whose values are `choices` (checked by the parser), when given. */
export function choiceOption<T extends string>(options: ParsedArgs["options"], name: string, choices: readonly T[]): T | undefined {
    const v = options[name];
    return choices.find((c) => c === v);
}

/** The values of a repeatable option, in order (one value for a single-valued one). */
export function listOption(options: ParsedArgs["options"], name: string): string[] {
    const v = options[name];
    if (Array.isArray(v)) return v;
    return typeof v === "string" ? [v] : [];
}

function store(out: ParsedArgs, spec: OptionSpec, value: string | boolean, shown: string, command?: string): void {
    const prev = out.options[spec.name];
    if (spec.repeatable) {
        out.options[spec.name] = [...((prev as string[] | undefined) ?? []), value as string];
    } else if (prev !== undefined && prev !== value) {
        throw new UsageError(`option ${shown} was given more than once`, command);
    } else {
        out.options[spec.name] = value;
    }
}

/**
 * Merges options parsed from two places (e.g. before and after the command name): repeatable
 * options are concatenated, others taken from `later` when given there.
 */
export function mergeParsed(earlier: ParsedArgs["options"], later: ParsedArgs["options"]): ParsedArgs["options"] {
    const out = { ...earlier };
    for (const [k, v] of Object.entries(later)) {
        const prev = out[k];
        out[k] = Array.isArray(prev) && Array.isArray(v) ? [...prev, ...v] : v;
    }
    return out;
}

/** "unknown option --fiel (did you mean --file?)" */
function unknownOptionMessage(shown: string, specs: OptionSpec[]): string {
    const candidates = specs.flatMap((s) => ["--" + s.name, ...(s.short ? ["-" + s.short] : [])]);
    const best = closest(
        shown,
        candidates.filter((c) => c.startsWith("--")),
        { acceptPrefix: true },
    );
    return `unknown option ${shown}` + (best ? ` (did you mean ${best}?)` : "");
}

/** Formats the options of a command for its help text, one per line, descriptions aligned. */
export function formatOptions(specs: OptionSpec[]): string {
    const rows = specs.map((s) => {
        const names = (s.short ? `-${s.short}, ` : "    ") + `--${s.name}`;
        const value = s.takesValue ? ` ${s.valueName ?? "VALUE"}` : "";
        const more = s.repeatable ? " (repeatable)" : "";
        return { left: `  ${names}${value}`, description: s.description + more };
    });
    const width = Math.max(...rows.map((r) => r.left.length)) + 2;
    return rows.map((r) => r.left.padEnd(width) + r.description).join("\n");
}
