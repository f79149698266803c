/**
 * The command-line parser (node:util's parseArgs underneath): every form of an option, and each
 * mistake with its message.
 */
import { strict as assert } from "assert";
import { OptionSpec, UsageError, choiceOption, flag, listOption, parseArgs, stringOption } from "../../provider/src/cli/args";

const SPECS: OptionSpec[] = [
    { name: "file", short: "f", takesValue: true, repeatable: true, description: "" },
    { name: "format", takesValue: true, choices: ["text", "json"], description: "" },
    { name: "strict", short: "s", takesValue: false, description: "" },
];

function usage(argv: string[], message: string, stop = false): void {
    assert.throws(
        () => parseArgs(argv, SPECS, stop, "validate"),
        (e: unknown) => e instanceof UsageError && e.message === message && e.command === "validate",
    );
}

describe("command-line parser", () => {
    it("reads a value after the option, after `=`, and glued to a short option (with or without `=`)", () => {
        const parsed = parseArgs(["--file", "a.yaml", "--file=b.yaml", "-fc.yaml", "-f=d.yaml", "-f", "e.yaml", "x.yaml"], SPECS);
        assert.deepEqual(listOption(parsed.options, "file"), ["a.yaml", "b.yaml", "c.yaml", "d.yaml", "e.yaml"]);
        assert.deepEqual(parsed.positionals, ["x.yaml"]);
    });

    it("types flags, single values and choices without casts", () => {
        const { options } = parseArgs(["-s", "--format", "json"], SPECS);
        assert.equal(flag(options, "strict"), true);
        assert.equal(stringOption(options, "format"), "json");
        const format: "text" | "json" | undefined = choiceOption(options, "format", ["text", "json"] as const);
        assert.equal(format, "json");
        assert.equal(flag(parseArgs([], SPECS).options, "strict"), false);
    });

    it("takes everything after `--` as positionals, and stops at the first positional when asked", () => {
        assert.deepEqual(parseArgs(["-s", "--", "--file", "-x"], SPECS).positionals, ["--file", "-x"]);
        const top = parseArgs(["-f", "a.yaml", "plan", "--bogus"], SPECS, true);
        assert.deepEqual(top.rest, ["plan", "--bogus"]);
        assert.deepEqual(listOption(top.options, "file"), ["a.yaml"]);
    });

    it("names each mistake", () => {
        usage(["--fil", "x"], "unknown option --fil (did you mean --file?)");
        usage(["-x"], "unknown option -x");
        usage(["--file"], "option --file needs a value");
        usage(["--format", "xml"], 'option --format must be one of text, json, not "xml"');
        usage(["--strict=yes"], "option --strict does not take a value");
        usage(["--format", "json", "--format", "text"], "option --format was given more than once");
    });
});
