/**
 * YAML errors in our words: a mis-indented key is reported at its own line with the indentation
 * that fixes it, and nesting too deep for the parser is refused before parsing, at its position.
 */
import * as assert from "assert";
import { DiagnosticSink } from "../../provider/src/compose/diagnostics";
import { ComposeError } from "../../provider/src/compose/diagnostics";
import { loadProject } from "../../provider/src/compose/load";
import { findDeepNesting } from "../../provider/src/compose/yaml-depth";
import { parseYamlSource, YAML_LIMITS } from "../../provider/src/compose/yaml-source";
import { memFiles, memPath } from "../support/memfs";

function parse(text: string) {
    const sink = new DiagnosticSink();
    const src = parseYamlSource("compose.yaml", text, sink);
    return { src, items: sink.items.map((d) => ({ code: d.code, message: d.message, hint: d.hint, line: d.line, column: d.column })) };
}

describe("YAML errors", function () {
    describe("indentation", function () {
        it("points at a key indented between two levels, and names both ways to fix it", function () {
            const { src, items } = parse("services:\n  web:\n    image: nginx\n   ports:\n      - 80\n");
            assert.strictEqual(src.value, undefined);
            assert.deepStrictEqual(items, [
                {
                    code: "yaml-indentation",
                    message: '"ports:" is indented by 3 spaces, which lines up with no enclosing level',
                    hint: 'indent it by 4 spaces, like "image:" on line 3, to put it in "web", or by 2 spaces, like "web:" on line 2, to put it in "services"',
                    line: 4,
                    column: 4,
                },
            ]);
        });

        it("points at a key indented under a key whose value is on its line (the parser stops on the line before)", function () {
            const { items } = parse("services:\n  web:\n    image: nginx\n      ports:\n        - 80\n");
            assert.deepStrictEqual(items, [
                {
                    code: "yaml-indentation",
                    message: '"ports:" is indented deeper than "image:" on line 3, whose value is already written on that line',
                    hint: 'indent "ports:" by 4 spaces, like "image:", to put it in "web"',
                    line: 4,
                    column: 7,
                },
            ]);
        });

        it("judges list items and keys in items, and a top-level key", function () {
            const item = parse("services:\n  web:\n    image: nginx\n    environment:\n      - A=1\n     - B=2\n    ports: []\n");
            assert.deepStrictEqual(item.items, [
                {
                    code: "yaml-indentation",
                    message: "this list item is indented by 5 spaces, which lines up with no enclosing level",
                    hint: 'indent it by 6 spaces, like "- A=1" on line 5, to put it in "environment", or by 4 spaces, like "environment:" on line 4, to put it in "web"',
                    line: 6,
                    column: 6,
                },
            ]);
            const top = parse("services:\n  web:\n    image: nginx\n volumes:\n  data: {}\n");
            assert.strictEqual(top.items.length, 1);
            assert.strictEqual(top.items[0].code, "yaml-indentation");
            assert.strictEqual(top.items[0].line, 4);
            assert.match(top.items[0].hint ?? "", /by 0 spaces, like "services:" on line 1, to put it at the top level/);
        });

        it("keeps the parser's message for errors that are not about indentation", function () {
            const { items } = parse('services:\n  web:\n    image: "nginx\n');
            assert.ok(items.length > 0);
            assert.ok(
                items.every((d) => d.code === "yaml-syntax"),
                JSON.stringify(items),
            );
        });

        it("reaches the user through loadProject with file, line and column", function () {
            try {
                loadProject({ ...memFiles({ "compose.yaml": "services:\n  web:\n    image: nginx\n   ports:\n      - 80\n" }), files: [memPath("compose.yaml")] });
                assert.fail("expected a ComposeError");
            } catch (e) {
                if (!(e instanceof ComposeError)) throw e;
                assert.deepStrictEqual(
                    e.diagnostics.map((d) => [d.code, d.file, d.line, d.column]),
                    [["yaml-indentation", memPath("compose.yaml"), 4, 4]],
                );
            }
        });
    });

    describe("nesting depth", function () {
        const max = YAML_LIMITS.maxDepth;
        const tooDeep = `nesting deeper than ${max} levels`;

        it("refuses a flow sequence 10,000 levels deep before parsing, at the bracket that goes too deep", function () {
            const { src, items } = parse("x-deep: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
            assert.strictEqual(src.value, undefined);
            assert.deepStrictEqual(
                items.map((d) => [d.code, d.message, d.line, d.column]),
                [["yaml-limit", tooDeep, 1, 9 + max - 1]],
            );
        });

        it("refuses flow mappings, block mappings and compact sequences nested too deep", function () {
            const flowMap = parse("x-deep: " + "{a: ".repeat(5_000) + "1" + "}".repeat(5_000) + "\n");
            assert.deepStrictEqual(
                flowMap.items.map((d) => [d.code, d.message]),
                [["yaml-limit", tooDeep]],
            );
            let block = "";
            for (let i = 0; i < 1_000; i++) block += " ".repeat(i) + `k${i}:\n`;
            const blockMap = parse(block);
            assert.deepStrictEqual(
                blockMap.items.map((d) => [d.code, d.message, d.line]),
                [["yaml-limit", tooDeep, max + 1]],
            );
            const compact = parse("x-deep:\n" + "- ".repeat(5_000) + "a\n");
            assert.deepStrictEqual(
                compact.items.map((d) => [d.code, d.message, d.line]),
                [["yaml-limit", tooDeep, 2]],
            );
        });

        it("reads nesting up to the limit", function () {
            const flow = parse("x-deep: " + "[".repeat(max - 1) + "]".repeat(max - 1) + "\n");
            assert.deepStrictEqual(flow.items, []);
            let block = "";
            for (let i = 0; i < max - 1; i++) block += " ".repeat(i) + `k${i}:\n`;
            assert.deepStrictEqual(parse(block).items, []);
        });

        it("does not count brackets in quoted scalars, block scalars, plain scalars and comments", function () {
            const b = "[".repeat(1_000);
            const text = `x-a: '${b}'\nx-b: "${b}"\nx-c: |\n  ${b}\n  ${b}\nx-d: a${b}\n# ${b}\nx-e: [a, "${b}", '${b}'] # ${b}\n`;
            assert.strictEqual(findDeepNesting(text, max), undefined);
            const { items } = parse(text);
            assert.deepStrictEqual(items, []);
        });
    });
});
