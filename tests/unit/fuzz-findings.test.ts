/**
 * Inputs the fuzz test over the corpus found to produce messages that leaked program internals
 * ("undefined", "[object Object]"): each now reads as a message about the file.
 */
import * as assert from "assert";
import { ComposeError, Diagnostic } from "../../provider/src/compose/diagnostics";
import { loadProject } from "../../provider/src/compose/load";

function errorsOf(text: string): Diagnostic[] {
    try {
        loadProject({
            files: ["compose.yaml"],
            workingDir: "/project",
            readFile: (f) => {
                if (f === "/project/compose.yaml") return text;
                throw new Error(`ENOENT: ${f}`);
            },
        });
    } catch (e) {
        if (e instanceof ComposeError) return e.diagnostics.filter((d) => d.severity === "error");
        throw e;
    }
    return assert.fail("the file loaded; an error was expected");
}

describe("messages found by fuzzing", () => {
    it("a long-syntax port without `target` says the target port is missing, at the entry", () => {
        const errors = errorsOf("services:\n  web:\n    image: nginx\n    ports:\n      - published: 80\n");
        const e = errors.find((x) => x.field === "ports[0]");
        assert.ok(e, JSON.stringify(errors));
        assert.strictEqual(e.message, "the target port is missing: write the port the container listens on, e.g. `target: 8080`");
        assert.deepStrictEqual([e.service, e.line, e.column], ["web", 5, 9]);
        for (const x of errors) assert.doesNotMatch(x.message, /undefined/);
    });

    it('a project name that is a mapping is reported by the schema, never as "[object Object]"', () => {
        const errors = errorsOf("name: {a: 1}\nservices:\n  web:\n    image: nginx\n");
        assert.deepStrictEqual(
            errors.map((x) => [x.field, x.message, x.line]),
            [["name", "must be a string", 1]],
        );
    });
});
