import * as assert from "assert";
import { parseDotenv } from "../../provider/src/compose/dotenv";
import { substitute, TemplateError } from "../../provider/src/compose/template";

const env: Record<string, string> = { SET: "value", EMPTY: "", PORT: "8080", NESTED: "inner" };
const lookup = (n: string) => env[n];
const sub = (s: string) => substitute(s, lookup);

describe("template substitution", function () {
    it("replaces $VAR and ${VAR}", function () {
        assert.strictEqual(sub("a $SET b ${SET} c").value, "a value b value c");
    });
    it("keeps $$ as a literal dollar, braced or not", function () {
        assert.strictEqual(sub("abc$$def $${x}").value, "abc$def ${x}");
        assert.deepStrictEqual(sub("abc$$def").references, []);
    });
    it("applies :- to unset and empty, - to unset only", function () {
        assert.strictEqual(sub("${UNSET:-d}|${EMPTY:-d}|${SET:-d}").value, "d|d|value");
        assert.strictEqual(sub("${UNSET-d}|${EMPTY-d}").value, "d|");
    });
    it("applies :+ and + alternatives", function () {
        assert.strictEqual(sub("${SET:+alt}|${EMPTY:+alt}|${UNSET:+alt}").value, "alt||");
        assert.strictEqual(sub("${EMPTY+alt}|${UNSET+alt}").value, "alt|");
    });
    it("resolves nested defaults", function () {
        assert.strictEqual(sub("${UNSET:-${NESTED}}").value, "inner");
        assert.strictEqual(sub("${UNSET:-${ALSO_UNSET:-deep}}").value, "deep");
        assert.strictEqual(sub("${UNSET:-{braces}}").value, "{braces}");
    });
    it("keeps an unset variable without default as a ${NAME} reference to config", function () {
        const r = sub("postgres://u:$PASSWORD@db/${DB}");
        assert.strictEqual(r.value, "postgres://u:${PASSWORD}@db/${DB}");
        assert.deepStrictEqual(r.references.sort(), ["DB", "PASSWORD"]);
    });
    it("reports a reference left inside an unused default only when the default is used", function () {
        assert.deepStrictEqual(sub("${SET:-${MISSING}}").references, []);
        assert.deepStrictEqual(sub("${UNSET:-${MISSING}}").references, ["MISSING"]);
    });
    it("throws the message of ${VAR:?msg} and ${VAR?msg}", function () {
        assert.throws(
            () => sub("${UNSET:?must be set}"),
            (e: TemplateError) => /required variable UNSET is missing a value: must be set/.test(e.message) && e.variable === "UNSET",
        );
        assert.throws(() => sub("${EMPTY:?no}"), TemplateError);
        assert.strictEqual(sub("${EMPTY?no}").value, "");
    });
    it("rejects malformed templates with a hint to escape the dollar", function () {
        assert.throws(
            () => sub("cost $5"),
            (e: TemplateError) => /\$\$/.test(e.hint ?? ""),
        );
        assert.throws(() => sub("${UNCLOSED"), TemplateError);
        assert.throws(() => sub("${SET!x}"), TemplateError);
    });
    it("can turn unset variables into empty strings (env files)", function () {
        assert.strictEqual(substitute("a${UNSET}b", lookup, { unset: "empty" }).value, "ab");
    });
});

describe(".env files", function () {
    it("reads plain, exported, spaced and YAML-like assignments", function () {
        const { values, problems } = parseDotenv("A=1\nexport B=2\nC = 3 \nD: 4\n# comment\n\nE=x # inline\n");
        assert.deepStrictEqual(values, { A: "1", B: "2", C: "3", D: "4", E: "x" });
        assert.deepStrictEqual(problems, []);
    });
    it("keeps single quotes literal and unescapes double quotes", function () {
        const { values } = parseDotenv(`A='$X\\n'\nB="line\\nnext \\"q\\""\nC="$A"\n`);
        assert.strictEqual(values.A, "$X\\n");
        assert.strictEqual(values.B, 'line\nnext "q"');
        assert.strictEqual(values.C, "$X\\n");
    });
    it("reads multi-line quoted values", function () {
        const { values } = parseDotenv("A='first\nsecond'\nB=after\n");
        assert.deepStrictEqual(values, { A: "first\nsecond", B: "after" });
    });
    it("substitutes earlier values and defaults, unset ones as empty", function () {
        const { values } = parseDotenv("A=${A:-1}\nB=${A}\nC=$B\nD=${A}_${B}\nE=${NOT_DEFINED}\n");
        assert.deepStrictEqual(values, { A: "1", B: "1", C: "1", D: "1_1", E: "" });
    });
    it("takes a bare KEY from the inherited environment, or drops it", function () {
        const { values } = parseDotenv("FROM_OS\nNOT_FOUND\n", (n) => (n === "FROM_OS" ? "os" : undefined));
        assert.deepStrictEqual(values, { FROM_OS: "os" });
    });
    it("skips a byte-order mark and reports invalid lines with their number", function () {
        const { values, problems } = parseDotenv("\uFEFFA=1\nINVALID LINE\nB=2\n");
        assert.deepStrictEqual(values, { A: "1", B: "2" });
        assert.strictEqual(problems.length, 1);
        assert.strictEqual(problems[0].line, 2);
    });
});
