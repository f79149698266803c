/**
 * Reads one compose YAML file into plain values, keeping the position of every node: refuses what
 * is too large or too deep before parsing, then takes the quickest reader that vouches for the
 * text: one pass over the text (yaml-scanner.ts), else the parser's tokens (yaml-cst-reader.ts),
 * else the composed document (yaml-reader.ts), which reports syntax errors in our words
 * (yaml-errors.ts).
 */
import * as YAML from "yaml";
import { DiagnosticSink } from "./diagnostics";
import { Path, pathKey } from "./paths";
import { composeFileShape } from "./scalar-shapes";
import { findDeepNesting } from "./yaml-depth";
import { findIndentationProblem, yamlHint, yamlMessage } from "./yaml-errors";
import { PositionIndex } from "./node-position";
import { PositionTable } from "./position-table";
import { readSimpleYaml } from "./yaml-cst-reader";
import { PositionTree } from "./position-tree";
import { TextLines } from "./text-lines";
import { scanComposeYaml } from "./yaml-scanner";
import { AstReader, LimitExceeded, TOO_DEEP_HINT, tooDeepMessage } from "./yaml-reader";

export { Override, RESET, Reset, structuredCloneValue } from "./yaml-markers";

/** One parsed file: its value and the position of each path in it. */
export interface YamlSource {
    file: string;
    value: unknown;
    positions: PositionIndex;
}

/**
 * The position of `path` in one file, or of its nearest ancestor that has one. With `atKey`, a map
 * entry's key rather than its value (for "unknown attribute").
 */
export function positionOf(positions: PositionIndex, path: Path, atKey = false): { line?: number; column?: number } {
    for (let len = path.length; len >= 0; len--) {
        const pos = positions.get(pathKey(path.slice(0, len)));
        if (!pos) continue;
        if (atKey && len === path.length && pos.keyLine !== undefined) return { line: pos.keyLine, column: pos.keyColumn };
        return { line: pos.line, column: pos.column };
    }
    return {};
}

/** Bounds that keep hostile input cheap. */
export const YAML_LIMITS = {
    /**
     * Largest file we read, in bytes. Real compose files stay well under 200 KB; a larger one is
     * generated or hostile, and parsing 10 MB of YAML takes seconds and a gigabyte of memory.
     */
    maxBytes: 4 * 1024 * 1024,
    /** Aliased nodes materialized, beyond the nodes of the file itself. */
    maxAliasedNodes: 200_000,
    /** Deepest nesting accepted. */
    maxDepth: 200,
};

const tooDeep = () => tooDeepMessage(YAML_LIMITS.maxDepth);

/**
 * Parses `text` (the content of `file`). Problems go to `sink` with positions; on a syntax error the
 * returned value is undefined.
 */
export function parseYamlSource(file: string, text: string, sink: DiagnosticSink): YamlSource {
    const lineCounter = new YAML.LineCounter();
    const result: YamlSource = { file, value: undefined, positions: new PositionTable(lineCounter) };
    if (text.length > YAML_LIMITS.maxBytes) {
        sink.error({
            code: "file-too-large",
            message: `the file is ${text.length} bytes; compose files of up to ${YAML_LIMITS.maxBytes / 1024 / 1024} MiB are read`,
            hint: "a compose file this large is usually generated: remove the generated content, or split the file with `include`",
            file,
        });
        return result;
    }
    // The parser recurses once per level: refuse a too deep text before it can overflow the stack.
    const deep = findDeepNesting(text, YAML_LIMITS.maxDepth);
    if (deep) {
        sink.error({ code: "yaml-limit", message: tooDeep(), hint: TOO_DEEP_HINT, file, line: deep.line, column: deep.column });
        return result;
    }
    // Most files are read in one pass over the text; most others need no more than the parser's
    // tokens; the rest are composed and read as nodes.
    const scannedPositions = new PositionTree(new TextLines(text));
    const scanned = scanComposeYaml(text, scannedPositions, composeFileShape(), YAML_LIMITS.maxDepth);
    if (scanned !== undefined) return { file, value: scanned, positions: scannedPositions };
    const fastLines = new YAML.LineCounter();
    const fastPositions = new PositionTable(fastLines);
    const simple = readSimpleYaml(text, fastLines.addNewLine, fastPositions, composeFileShape(), YAML_LIMITS.maxDepth);
    if (simple !== undefined) return { file, value: simple, positions: fastPositions };
    const positions = new PositionTable(lineCounter);
    result.positions = positions;
    const docs = YAML.parseAllDocuments(text, {
        lineCounter,
        merge: true,
        // Duplicate keys are found while reading the AST (the library's check is quadratic in map size).
        uniqueKeys: false,
        prettyErrors: false,
        strict: true,
    });
    const list = Array.isArray(docs) ? docs : [docs];
    const errors = list.flatMap((doc) => doc.errors);
    if (errors.length > 0) {
        reportSyntaxErrors(file, text, errors, lineCounter, sink);
        return result;
    }
    if (list.length > 1) {
        const pos = lineCounter.linePos(list[1]?.range[0] ?? 0);
        sink.error({
            code: "yaml-multiple-documents",
            message: "the file holds more than one YAML document",
            hint: "a compose file is one document; remove the `---` separator or split the file",
            file,
            line: pos.line,
            column: pos.col,
        });
        return result;
    }
    const doc = list[0];
    if (!doc || doc.contents === null) {
        result.value = null;
        return result;
    }
    const reader = new AstReader(YAML_LIMITS, doc, lineCounter, positions, file, sink);
    try {
        result.value = reader.read(doc.contents, composeFileShape(), 0, "", 0);
    } catch (e) {
        if (e instanceof LimitExceeded) {
            sink.error({ code: "yaml-limit", message: e.message, file, hint: e.message === tooDeep() ? TOO_DEEP_HINT : "remove the repeated aliases", ...reader.at(e.node) });
            result.value = undefined;
        } else {
            throw e;
        }
    }
    return result;
}

/**
 * The parser's errors, as ours: a mis-indented line near the first error is reported alone, at
 * that line, with the indentation that fixes it (the parser's errors after it follow from it).
 */
function reportSyntaxErrors(file: string, text: string, errors: YAML.YAMLError[], lines: YAML.LineCounter, sink: DiagnosticSink): void {
    const first = lines.linePos(errors[0]?.pos[0] ?? 0);
    const indentation = findIndentationProblem(text, first.line);
    if (indentation && Math.abs(indentation.line - first.line) <= 1) {
        sink.error({ code: "yaml-indentation", message: indentation.message, hint: indentation.hint, file, line: indentation.line, column: indentation.column });
        return;
    }
    for (const e of errors) {
        const pos = lines.linePos(e.pos[0]);
        // The parser catches its own stack overflow; the depth check before it should leave none.
        const overflow = /Maximum call stack size exceeded/.test(e.message);
        sink.error({
            code: overflow ? "yaml-limit" : "yaml-syntax",
            message: overflow ? tooDeep() : yamlMessage(e),
            hint: overflow ? TOO_DEEP_HINT : yamlHint(e),
            file,
            line: pos.line,
            column: pos.col,
        });
    }
}
