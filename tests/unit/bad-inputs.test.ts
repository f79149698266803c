/**
 * Hostile and broken compose input: each case must end in a `ComposeError` that names the file
 * (and the line, where there is one), never in another exception, a hang or running out of memory.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { LoadOptions } from "../../provider/src/compose/api";
import { ComposeError, Diagnostic } from "../../provider/src/compose/diagnostics";
import { loadProject } from "../../provider/src/compose/load";

const BAD = path.resolve(__dirname, "../../../tests/fixtures/bad");
const fixture = (name: string) => path.join(BAD, name);

interface Expectation {
    /** The file the error must name (basename is enough in the message; the diagnostic carries the path). */
    file: string;
    /** Other files an error may point at instead (e.g. either file of an include cycle). */
    orFiles?: string[];
    /** The line one of the errors must point at (or one of these lines). */
    line?: number | number[];
    /** Require some line, without saying which (syntax errors whose exact position is the parser's choice). */
    anyLine?: boolean;
    /** Text (case-insensitive) one of the error messages or hints must contain. */
    mentions?: RegExp;
}

/** Runs `options` through the loader and checks that it fails the way a user can act on. */
function expectComposeError(options: LoadOptions, want: Expectation): ComposeError {
    let thrown: unknown;
    try {
        loadProject(options);
    } catch (e) {
        thrown = e;
    }
    if (thrown === undefined) assert.fail(`loading ${path.basename(want.file)} succeeded; expected a ComposeError`);
    if (!(thrown instanceof ComposeError)) {
        const detail = thrown instanceof Error ? `${thrown.name}: ${thrown.message}\n${thrown.stack}` : String(thrown);
        assert.fail(`expected a ComposeError, got ${detail}`);
    }
    const err = thrown;
    const errors = err.diagnostics.filter((d) => d.severity === "error");
    assert.ok(errors.length > 0, "a ComposeError carries at least one error diagnostic");
    const accepted = [want.file, ...(want.orFiles ?? [])].map((f) => path.resolve(f));
    const bases = accepted.map((f) => path.basename(f));
    assert.ok(
        bases.some((b) => err.message.includes(b)),
        `the message names ${bases.join(" or ")}:\n${err.message}`,
    );
    // An error points at the file, or (for a file that cannot be opened) names it in its message.
    const inFile = errors.filter((d) => (d.file !== undefined ? accepted.includes(path.resolve(d.file)) : accepted.some((f) => d.message.includes(f))));
    assert.ok(inFile.length > 0, `an error points at ${accepted.join(" or ")}:\n${listDiagnostics(errors)}`);
    if (want.line !== undefined) {
        const lines = Array.isArray(want.line) ? want.line : [want.line];
        const hit = inFile.find((d) => d.line !== undefined && lines.includes(d.line));
        assert.ok(hit, `an error points at line ${lines.join(" or ")} of ${bases[0]}:\n${listDiagnostics(errors)}`);
        const where = `${path.basename(hit.file ?? "")}:${hit.line}`;
        assert.ok(err.message.includes(where), `the message says ${where}:\n${err.message}`);
    }
    if (want.anyLine) {
        assert.ok(
            inFile.some((d) => typeof d.line === "number" && d.line >= 1),
            `an error has a line:\n${listDiagnostics(errors)}`,
        );
    }
    if (want.mentions) {
        const re = want.mentions;
        assert.ok(
            errors.some((d) => re.test(d.message) || (d.hint !== undefined && re.test(d.hint))),
            `an error mentions ${re}:\n${listDiagnostics(errors)}`,
        );
    }
    return err;
}

function listDiagnostics(ds: Diagnostic[]): string {
    return ds.map((d) => `  ${d.file ?? "?"}:${d.line ?? "?"}:${d.column ?? "?"} ${d.code}: ${d.message}`).join("\n");
}

function load(name: string, want: Omit<Expectation, "file"> = {}, extra: LoadOptions = {}): ComposeError {
    const file = fixture(name);
    return expectComposeError({ files: [file], ...extra }, { file, ...want });
}

/** A temporary directory removed after the suite. */
function tempDir(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-defang-bad-"));
}

/**
 * About `bytes` of valid services (about 1 KB each), then `tail` (lines ending with a newline).
 * Returns the text and its line count.
 */
function bigCompose(bytes: number, tail: string): { text: string; lines: number } {
    const parts = ["services:\n"];
    let size = parts[0].length;
    for (let i = 0; size < bytes; i++) {
        const s = `  svc${i}:\n    image: registry.example.com/team/app-${i}:1.0.${i}\n` + `    command: ["serve", "--index", "${i}"]\n` + `    environment:\n      INDEX: "${i}"\n      PADDING: "${"x".repeat(900)}"\n`;
        parts.push(s);
        size += s.length;
    }
    parts.push(tail);
    const text = parts.join("");
    let lines = 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
    return { text, lines };
}

describe("bad inputs", function () {
    const tmp: string[] = [];
    after(() => {
        for (const d of tmp) fs.rmSync(d, { recursive: true, force: true });
    });

    describe("malformed YAML", () => {
        it("an unclosed flow sequence", () => load("unclosed-bracket.yaml", { anyLine: true }));
        it("bad indentation", () => load("bad-indentation.yaml", { line: 4 }));
        it("tab indentation", () => load("tab-indentation.yaml", { line: 3, mentions: /tab/i }));
        it("duplicate keys", () => load("duplicate-keys.yaml", { line: 6, mentions: /web|duplicate|unique/i }));
        it("more than one YAML document", () => load("multiple-documents.yaml", { anyLine: true }));
        it("deep nesting", () => {
            const dir = tempDir();
            tmp.push(dir);
            const file = path.join(dir, "compose.yaml");
            fs.writeFileSync(file, "services:\n  web:\n    image: nginx\nx-deep: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");
            expectComposeError({ files: [file] }, { file });
        });
    });

    describe("wrong types", () => {
        it("services as a list", () => load("services-list.yaml", { line: 2, mentions: /services|mapping|object/i }));
        it("ports as a string", () => load("ports-string.yaml", { line: 4, mentions: /array|list|sequence|ports/i }));
        it("replicas: many", () => load("replicas-many.yaml", { line: 5, mentions: /integer|number|replicas/i }));
        it("a scalar instead of a mapping", () => load("not-a-mapping.yaml", { anyLine: true }));
    });

    describe("nothing to load", () => {
        it("an empty file", () => load("empty.yaml"));
        it("a file with only comments", () => load("comments-only.yaml"));
        it("a missing file", () => load("does-not-exist.yaml", { mentions: /not (found|exist)|no such|missing|cannot/i }));
        it("a directory instead of a file", () => load("directory.yaml", { mentions: /director/i }));
        it("a directory without any compose file", () => {
            const dir = tempDir();
            tmp.push(dir);
            let thrown: unknown;
            try {
                loadProject({ workingDir: dir });
            } catch (e) {
                thrown = e;
            }
            assert.ok(thrown instanceof ComposeError, `expected a ComposeError, got ${String(thrown)}`);
            assert.match(thrown.message, /compose\.ya?ml|compose file/i);
        });
    });

    describe("resource exhaustion", () => {
        it("a billion laughs (9 levels of 10 aliases) fails fast instead of exhausting memory", () => {
            const before = process.memoryUsage().heapUsed;
            load("billion-laughs.yaml", { anyLine: false });
            const grown = process.memoryUsage().heapUsed - before;
            assert.ok(grown < 1024 * 1024 * 1024, `heap grew by ${Math.round(grown / 1e6)} MB`);
        });

        it("a 10 MB file is refused for its size, naming it", () => {
            const dir = tempDir();
            tmp.push(dir);
            const file = path.join(dir, "compose.yaml");
            const { text } = bigCompose(10 * 1024 * 1024, "");
            fs.writeFileSync(file, text);
            expectComposeError({ files: [file] }, { file, mentions: /bytes.*MiB/ });
        });

        it("a 3 MB file with a syntax error on its last line names that line", () => {
            const dir = tempDir();
            tmp.push(dir);
            const file = path.join(dir, "compose.yaml");
            const { text, lines } = bigCompose(3 * 1024 * 1024, '  broken:\n    ports: ["80:80"\n');
            assert.ok(text.length >= 3 * 1024 * 1024);
            fs.writeFileSync(file, text);
            const err = expectComposeError({ files: [file] }, { file, anyLine: true });
            const line = err.diagnostics.find((d) => d.line !== undefined)?.line ?? 0;
            assert.ok(line >= lines - 2, `the error is at the end of the file (line ${line} of ${lines})`);
        });

        it("a file over the size limit, given through readFile", () => {
            const file = path.join(os.tmpdir(), "pulumi-defang-virtual", "compose.yaml");
            const { text } = bigCompose(20 * 1024 * 1024, "");
            expectComposeError({ files: [file], workingDir: path.dirname(file), readFile: () => text }, { file, mentions: /bytes|large|size/i });
        });
    });

    describe("interpolation, include and extends", () => {
        it("a required variable that is not set", () => {
            const err = load("unset-required.yaml", { line: 5, mentions: /must be set/ }, { env: {} });
            assert.match(err.message, /BAD_INPUTS_UNSET_TOKEN/);
        });
        it("an include cycle", () => {
            const a = fixture("include-cycle/a.yaml");
            const b = fixture("include-cycle/b.yaml");
            expectComposeError({ files: [a] }, { file: a, orFiles: [b], anyLine: true, mentions: /cycle|circular|recurs|itself/i });
        });
        it("extends of a missing service", () => load("extends-missing.yaml", { line: [5, 6], mentions: /nowhere/ }));
    });
});
