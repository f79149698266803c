/**
 * The composed path of the YAML readers, as the reference the quicker readers are compared with:
 * the value and every recorded position of a text, or `undefined` when the composer or the reader
 * reports anything. Shared by the tests of yaml-cst-reader.ts and yaml-scanner.ts.
 */
import * as assert from "assert";
import * as YAML from "yaml";
import { DiagnosticSink } from "../../provider/src/compose/diagnostics";
import { PositionTable } from "../../provider/src/compose/position-table";
import { composeFileShape } from "../../provider/src/compose/scalar-shapes";
import { AstReader } from "../../provider/src/compose/yaml-reader";
import { YAML_LIMITS } from "../../provider/src/compose/yaml-source";

export interface ReadResult {
    value: unknown;
    /** Position of each path key the reader recorded. */
    positions: Record<string, unknown>;
}

/** Every path key the table knows, with its position (the table keeps its maps private). */
export function dumpTable(table: PositionTable): Record<string, unknown> {
    const { values, keys } = table as unknown as { values: Map<string, number>; keys: Map<string, number> };
    const out: Record<string, unknown> = {};
    for (const k of new Set([...values.keys(), ...keys.keys()])) out[k] = table.get(k);
    return out;
}

export function composed(text: string): ReadResult | undefined {
    const lines = new YAML.LineCounter();
    const docs = YAML.parseAllDocuments(text, { lineCounter: lines, merge: true, uniqueKeys: false, prettyErrors: false, strict: true });
    const list = Array.isArray(docs) ? docs : [docs];
    const doc = list[0];
    // No document, or one of comments only: null, as `parseYamlSource` reads it.
    if (list.length === 0 || (list.length === 1 && doc?.errors.length === 0 && doc.contents === null)) return { value: null, positions: {} };
    if (list.length !== 1 || !doc || doc.errors.length > 0 || doc.contents === null) return undefined;
    const table = new PositionTable(lines);
    const sink = new DiagnosticSink();
    const value = new AstReader(YAML_LIMITS, doc, lines, table, "compose.yaml", sink).read(doc.contents, composeFileShape(), 0, "", 0);
    return sink.items.length > 0 ? undefined : { value, positions: dumpTable(table) };
}

/** Pieces of YAML syntax that mutants insert: indicators, quotes, spaces, line breaks, a tab, anchors and markers. */
export const YAML_PIECES = [":", "-", " ", "#", "'", '"', "[", "]", "{", "}", "\n", "&a ", "*a", "!", "|", ">", "?", ",", "%", "@", "`", "\\", "\t", "~", "0", "<<: ", "  ", "---\n", "- ", ": "];

/** Seeded mutations of `bases`: pieces inserted or characters removed, 1 to 3 times each. */
export function* mutants(bases: string[], pieces: string[], count: number, seed: number): Generator<string> {
    let state = seed;
    const random = (n: number) => {
        state = (state * 1664525 + 1013904223) >>> 0;
        return Math.floor((state / 2 ** 32) * n);
    };
    for (let n = 0; n < count; n++) {
        let text = bases[random(bases.length)] ?? "";
        for (let m = 1 + random(3); m > 0; m--) {
            const i = random(text.length + 1);
            text = random(2) === 0 ? text.slice(0, i) + pieces[random(pieces.length)] + text.slice(i) : text.slice(0, i) + text.slice(i + 1 + random(3));
        }
        yield text;
    }
}

/** A quicker reader under test: the value and positions it gives a text, or `undefined` when it declines the text. */
export type QuickReader = (text: string) => ReadResult | undefined;

/** `read` accepts each of `texts` and gives what the composed path gives. */
export function assertReadsAsComposed(read: QuickReader, texts: string[]): void {
    for (const text of texts) {
        const got = read(text);
        assert.ok(got, `declined:\n${text}`);
        assert.deepStrictEqual(got, composed(text), text);
    }
}

/** `read` declines each of `texts`. */
export function assertDeclines(read: QuickReader, texts: string[]): void {
    for (const text of texts) assert.strictEqual(read(text), undefined, JSON.stringify(text));
}

/**
 * On seeded mutants of `bases`, `read` never accepts a text the composer reports on, and agrees with
 * it on the rest; at least `minRead` mutants are read, so that there are cases to compare.
 */
export function assertAgreesOnMutants(read: QuickReader, bases: string[], pieces: string[], count: number, seed: number, minRead: number): void {
    let accepted = 0;
    for (const text of mutants(bases, pieces, count, seed)) {
        const got = read(text);
        if (got === undefined) continue;
        accepted++;
        assert.deepStrictEqual(got, composed(text), `the reader and the composer differ on:\n${JSON.stringify(text)}`);
    }
    assert.ok(accepted >= minRead, `only ${accepted} mutants read`);
}
