/**
 * The quickest way through a compose file: one pass over the text for the block-style YAML compose
 * files are written in, straight to plain values and the offset of every node, with no tokens,
 * syntax tree or document built on the way.
 *
 * It reads block mappings and sequences, one-line plain and quoted scalars (quoted without escapes),
 * one-line flow sequences of scalars, `[]` and `{}`, literal and folded block scalars (`|`, `>`,
 * with `-` or no chomping indicator), and comments. It gives the same value and the same positions as
 * `AstReader` over the composed document. Anything else (anchors, aliases, tags, merge keys,
 * duplicate keys, explicit keys, multi-line plain or quoted scalars, escapes, flow mappings with
 * entries, nested compact sequences, document markers, directives, control characters, CR line
 * ends, unexpected indentation) makes it answer `undefined`: the caller then takes a path that
 * reads all of YAML and reports what there is to report.
 */
import { setOwn } from "./paths";
import { PositionTree } from "./position-tree";
import type { ScalarShape } from "./scalar-shapes";
import { scalarKeyText, scalarValue } from "./yaml-reader";
import { ScalarScanner, ScalarToken } from "./yaml-scanner-scalars";
import { Char, Declined, decline } from "./yaml-text-cursor";

/** Characters the scanner leaves to the full reader: C0 controls other than the line feed (tabs and CR among them), DEL, C1 controls, the Unicode line and paragraph separators, and the byte-order mark. */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern is for
const UNREAD_CHARACTERS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

/** YAML limits an implicit key to 1024 characters; longer ones are left to the parser's report. */
const MAX_KEY_LENGTH = 1000;

/**
 * Reads `text` into plain values, recording the offset of each path's node in `positions`: null
 * for a file without content, `undefined` when the file needs the full reader.
 */
export function scanComposeYaml(text: string, positions: PositionTree, shape: ScalarShape, maxDepth: number): Record<string, unknown> | null | undefined {
    if (UNREAD_CHARACTERS.test(text)) return undefined;
    const scanner = new Scanner(text, positions, maxDepth);
    try {
        return scanner.document(shape);
    } catch (e) {
        if (e instanceof Declined) return undefined;
        throw e;
    }
}

class Scanner extends ScalarScanner {
    constructor(
        text: string,
        private readonly positions: PositionTree,
        private readonly maxDepth: number,
    ) {
        super(text);
    }

    /** The file's mapping, or null for a file of comments and blank lines only. */
    document(shape: ScalarShape): Record<string, unknown> | null {
        const indent = this.nextContentLine();
        if (indent < 0) return null;
        if (indent !== 0) decline();
        const value = this.map(0, shape, PositionTree.ROOT, 0);
        if (this.nextContentLine() >= 0) decline();
        return value;
    }

    /** A block mapping whose keys stand at column `indent`, from its first key (`pos`). */
    private map(indent: number, shape: ScalarShape, node: number, depth: number): Record<string, unknown> {
        // Its entries' values stand one level deeper: the full reader reports them past the limit.
        if (depth >= this.maxDepth) decline();
        this.positions.place(node, this.pos);
        const out: Record<string, unknown> = {};
        for (;;) {
            this.entry(out, indent, shape, node, depth);
            const next = this.nextContentLine();
            if (next < indent) return out;
            if (next > indent) decline();
            this.pos += next;
        }
    }

    /** One `key: value` entry of a map at column `indent`, from its key. */
    private entry(out: Record<string, unknown>, indent: number, shape: ScalarShape, node: number, depth: number): void {
        const keyStart = this.pos;
        const keyToken = this.scalar(false, true, -1);
        if (!keyToken || this.pos - keyStart > MAX_KEY_LENGTH || !this.indicator()) decline();
        const k = scalarKeyText(keyToken.parts);
        // An empty top-level key has the root's path key: left to the full reader.
        if (k === "<<" || Object.prototype.hasOwnProperty.call(out, k) || (k === "" && node === PositionTree.ROOT)) decline();
        const child = this.positions.add(node, k, keyStart);
        setOwn(out, k, this.valueAfterIndicator(indent, true, shape.child(k), child, depth + 1));
    }

    /** A block sequence whose `-` stand at column `indent`, from its first `-` (`pos`). */
    private seq(indent: number, shape: ScalarShape, node: number, depth: number): unknown[] {
        if (depth >= this.maxDepth) decline();
        this.positions.place(node, this.pos);
        const out: unknown[] = [];
        const itemShape = shape.item;
        for (;;) {
            this.pos++;
            out.push(this.item(indent, itemShape, this.positions.add(node, out.length), depth + 1));
            const next = this.nextContentLine();
            if (next < indent) return out;
            if (next > indent) decline();
            // A line at the sequence's column that is not an item ends it (the next key of a map at the same column).
            if (!this.isItemAt(this.pos + next)) return out;
            this.pos += next;
        }
    }

    private isItemAt(i: number): boolean {
        return this.text.charCodeAt(i) === Char.DASH && this.isBlankOrEnd(i + 1);
    }

    /** The content of a sequence item at column `indent`, after its `-`. */
    private item(indent: number, shape: ScalarShape, node: number, depth: number): unknown {
        const { text } = this;
        const afterDash = this.pos;
        this.skipSpaces();
        const c = this.pos < this.end ? text.charCodeAt(this.pos) : Char.LF;
        if (c === Char.LF || c === Char.HASH) return this.valueOnNextLines(indent, false, afterDash, shape, node, depth);
        if (c === Char.DASH && this.isBlankOrEnd(this.pos + 1)) decline();
        if (c === Char.LEFT_BRACKET || c === Char.LEFT_BRACE || c === Char.PIPE || c === Char.GREATER) return this.inlineValue(indent, shape, node, depth);
        // A scalar, or the first key of a mapping that starts on the item's line.
        const start = this.pos;
        const token = this.scalar(false, false, indent);
        if (!token) decline();
        const afterScalar = this.pos;
        if (this.indicator()) {
            this.pos = start;
            return this.map(start - this.lineStart, shape, node, depth);
        }
        this.pos = afterScalar;
        return this.scalarValueHere(token, shape, node);
    }

    /**
     * The value of a map entry (`inMap`) or a sequence item at column `indent`, after its `:` or `-`:
     * on the same line, or on the lines below.
     */
    private valueAfterIndicator(indent: number, inMap: boolean, shape: ScalarShape, node: number, depth: number): unknown {
        const afterIndicator = this.pos;
        this.skipSpaces();
        const c = this.pos < this.end ? this.text.charCodeAt(this.pos) : Char.LF;
        if (c === Char.LF || c === Char.HASH) return this.valueOnNextLines(indent, inMap, afterIndicator, shape, node, depth);
        return this.inlineValue(indent, shape, node, depth);
    }

    /** Nothing after the indicator on its line: a block collection below, or null. */
    private valueOnNextLines(indent: number, inMap: boolean, afterIndicator: number, shape: ScalarShape, node: number, depth: number): unknown {
        // The composer places an empty value after the indicator and the spaces that follow it.
        let emptyAt = afterIndicator;
        while (emptyAt < this.end && this.text.charCodeAt(emptyAt) === Char.SPACE) emptyAt++;
        this.pos = afterIndicator;
        this.endLine();
        const next = this.nextContentLine();
        const at = this.pos + next;
        if (next > indent || (inMap && next === indent && this.isItemAt(at))) {
            this.pos = at;
            if (this.isItemAt(at)) return this.seq(next, shape, node, depth);
            return this.map(next, shape, node, depth);
        }
        this.positions.place(node, emptyAt);
        return null;
    }

    /** A value that starts on the line of its key or `-` (at `pos`). */
    private inlineValue(indent: number, shape: ScalarShape, node: number, depth: number): unknown {
        const c = this.text.charCodeAt(this.pos);
        if (c === Char.LEFT_BRACKET) return this.flowSeq(shape, node, depth);
        if (c === Char.LEFT_BRACE) return this.emptyFlowMap(node);
        if (c === Char.PIPE || c === Char.GREATER) {
            this.positions.place(node, this.pos);
            return this.blockScalar(indent);
        }
        if (c === Char.DASH && this.isBlankOrEnd(this.pos + 1)) decline();
        const token = this.scalar(false, false, indent);
        if (!token) decline();
        return this.scalarValueHere(token, shape, node);
    }

    /** A scalar value read on its line; the rest of the line must be a comment at most. */
    private scalarValueHere(token: ScalarToken, shape: ScalarShape, node: number): unknown {
        this.positions.place(node, token.start);
        // `a: b: c` and `"a" b` are not single values.
        this.endLine();
        return scalarValue(token.parts, shape);
    }

    /** `[a, "b", c]` on one line, of scalars only. */
    private flowSeq(shape: ScalarShape, node: number, depth: number): unknown[] {
        if (depth >= this.maxDepth) decline();
        const { text } = this;
        this.positions.place(node, this.pos);
        this.pos++;
        const out: unknown[] = [];
        const itemShape = shape.item;
        this.skipSpaces();
        if (text.charCodeAt(this.pos) !== Char.RIGHT_BRACKET) {
            for (;;) {
                const token = this.scalar(true, false, -1);
                if (!token) decline();
                this.positions.place(this.positions.add(node, out.length), token.start);
                out.push(scalarValue(token.parts, itemShape));
                this.skipSpaces();
                const c = text.charCodeAt(this.pos);
                if (c === Char.RIGHT_BRACKET) break;
                if (c !== Char.COMMA) decline();
                this.pos++;
                this.skipSpaces();
                // A trailing comma is left to the full reader.
                if (text.charCodeAt(this.pos) === Char.RIGHT_BRACKET) decline();
            }
        }
        this.pos++;
        this.afterFlow();
        return out;
    }

    /** `{}`. */
    private emptyFlowMap(node: number): Record<string, unknown> {
        this.positions.place(node, this.pos);
        this.pos++;
        this.skipSpaces();
        if (this.text.charCodeAt(this.pos) !== Char.RIGHT_BRACE) decline();
        this.pos++;
        this.afterFlow();
        return {};
    }

    /** After a flow collection's closing bracket: a comment needs a space before it. */
    private afterFlow(): void {
        if (this.text.charCodeAt(this.pos) === Char.HASH) decline();
        this.endLine();
    }

    /** A one-line plain or quoted scalar at `pos` (in a flow sequence with `inFlow`); `undefined` when there is none. */
}
