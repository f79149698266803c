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
import { plainScalarParts } from "./yaml-plain-scalar";
import { scalarKeyText, ScalarParts, scalarValue } from "./yaml-reader";

/** Thrown (once made, never with a new stack) when the text leaves the part of YAML read here. */
class Declined {}
const DECLINED = new Declined();

function decline(): never {
    throw DECLINED;
}

const LF = 10;
const SPACE = 32;
const HASH = 35;
const COLON = 58;
const QUESTION = 63;
const DASH = 45;
const DOT = 46;
const COMMA = 44;
const SINGLE = 39;
const DOUBLE = 34;
const LEFT_BRACKET = 91;
const RIGHT_BRACKET = 93;
const LEFT_BRACE = 123;
const RIGHT_BRACE = 125;
const PIPE = 124;
const GREATER = 62;

/** Characters that cannot start a plain scalar (`-`, `?` and `:` can, before a non-space). */
const NOT_PLAIN_START = new Set([",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", '"', "%", "@", "`"].map((c) => c.charCodeAt(0)));
/** Characters that end a plain scalar or follow `:` as an indicator inside a flow collection. */
const FLOW_INDICATOR = new Set([",", "[", "]", "{", "}"].map((c) => c.charCodeAt(0)));
/** Characters the scanner leaves to the full reader: C0 controls other than LF (tabs and CR among them), DEL, C1 controls, the Unicode line and paragraph separators, and the byte-order mark. */
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
        if (e === DECLINED) return undefined;
        throw e;
    }
}

/** A scalar read in place: where it starts and its parts. */
interface ScalarToken {
    start: number;
    parts: ScalarParts;
}

class Scanner {
    /** The current offset. */
    private pos = 0;
    /** Where the line that holds `pos` starts. */
    private lineStart = 0;
    private readonly end: number;
    /** Set by `plainLine`: where the scanned line's text ends, without trailing spaces. */
    private lastNonSpace = 0;
    /** Set by `continuation`: what joins a plain scalar's line to the next. */
    private foldedBreaks = " ";

    constructor(
        private readonly text: string,
        private readonly positions: PositionTree,
        private readonly maxDepth: number,
    ) {
        this.end = text.length;
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

    // ---- lines -------------------------------------------------------------------------------

    /**
     * From the start of a line, skips blank and comment-only lines. Returns the indentation of the
     * next line that holds content (with `pos` at that line's start), or -1 at the end of the text.
     */
    private nextContentLine(): number {
        const { text, end } = this;
        let i = this.pos;
        for (;;) {
            const start = i;
            while (i < end && text.charCodeAt(i) === SPACE) i++;
            if (i >= end) {
                this.pos = this.lineStart = end;
                return -1;
            }
            const c = text.charCodeAt(i);
            if (c === LF) {
                i++;
                continue;
            }
            if (c === HASH) {
                const eol = text.indexOf("\n", i);
                if (eol < 0) {
                    this.pos = this.lineStart = end;
                    return -1;
                }
                i = eol + 1;
                continue;
            }
            // `---` and `...` at the start of a line mark documents.
            if (i === start && (c === DASH || c === DOT) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c && this.isBlankOrEnd(i + 3)) decline();
            this.pos = this.lineStart = start;
            return i - start;
        }
    }

    /** After a node on the current line: spaces, a comment (after at least one space), then the line break. Moves to the next line. */
    private endLine(): void {
        const { text, end } = this;
        let i = this.pos;
        while (i < end && text.charCodeAt(i) === SPACE) i++;
        if (i < end) {
            const c = text.charCodeAt(i);
            if (c === HASH && i > this.pos) i = text.indexOf("\n", i);
            else if (c !== LF) decline();
        }
        this.pos = this.lineStart = i < 0 || i >= end ? end : i + 1;
    }

    /** A space, a line break or the end of the text at `i`. */
    private isBlankOrEnd(i: number): boolean {
        if (i >= this.end) return true;
        const c = this.text.charCodeAt(i);
        return c === SPACE || c === LF;
    }

    // ---- collections ---------------------------------------------------------------------------

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
        return this.text.charCodeAt(i) === DASH && this.isBlankOrEnd(i + 1);
    }

    /** The content of a sequence item at column `indent`, after its `-`. */
    private item(indent: number, shape: ScalarShape, node: number, depth: number): unknown {
        const { text } = this;
        const afterDash = this.pos;
        this.skipSpaces();
        const c = this.pos < this.end ? text.charCodeAt(this.pos) : LF;
        if (c === LF || c === HASH) return this.valueOnNextLines(indent, false, afterDash, shape, node, depth);
        if (c === DASH && this.isBlankOrEnd(this.pos + 1)) decline();
        if (c === LEFT_BRACKET || c === LEFT_BRACE || c === PIPE || c === GREATER) return this.inlineValue(indent, shape, node, depth);
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
        const c = this.pos < this.end ? this.text.charCodeAt(this.pos) : LF;
        if (c === LF || c === HASH) return this.valueOnNextLines(indent, inMap, afterIndicator, shape, node, depth);
        return this.inlineValue(indent, shape, node, depth);
    }

    /** Nothing after the indicator on its line: a block collection below, or null. */
    private valueOnNextLines(indent: number, inMap: boolean, afterIndicator: number, shape: ScalarShape, node: number, depth: number): unknown {
        // The composer places an empty value after the indicator and the spaces that follow it.
        let emptyAt = afterIndicator;
        while (emptyAt < this.end && this.text.charCodeAt(emptyAt) === SPACE) emptyAt++;
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
        if (c === LEFT_BRACKET) return this.flowSeq(shape, node, depth);
        if (c === LEFT_BRACE) return this.emptyFlowMap(node);
        if (c === PIPE || c === GREATER) return this.blockScalar(indent, node);
        if (c === DASH && this.isBlankOrEnd(this.pos + 1)) decline();
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
        if (text.charCodeAt(this.pos) !== RIGHT_BRACKET) {
            for (;;) {
                const token = this.scalar(true, false, -1);
                if (!token) decline();
                this.positions.place(this.positions.add(node, out.length), token.start);
                out.push(scalarValue(token.parts, itemShape));
                this.skipSpaces();
                const c = text.charCodeAt(this.pos);
                if (c === RIGHT_BRACKET) break;
                if (c !== COMMA) decline();
                this.pos++;
                this.skipSpaces();
                // A trailing comma is left to the full reader.
                if (text.charCodeAt(this.pos) === RIGHT_BRACKET) decline();
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
        if (this.text.charCodeAt(this.pos) !== RIGHT_BRACE) decline();
        this.pos++;
        this.afterFlow();
        return {};
    }

    /** After a flow collection's closing bracket: a comment needs a space before it. */
    private afterFlow(): void {
        if (this.text.charCodeAt(this.pos) === HASH) decline();
        this.endLine();
    }

    // ---- scalars -------------------------------------------------------------------------------

    private skipSpaces(): void {
        const { text, end } = this;
        let i = this.pos;
        while (i < end && text.charCodeAt(i) === SPACE) i++;
        this.pos = i;
    }

    /** After a key: spaces, then `:` followed by a space, a line break or the end. Moves past the `:`. */
    private indicator(): boolean {
        const { text } = this;
        let i = this.pos;
        while (i < this.end && text.charCodeAt(i) === SPACE) i++;
        if (text.charCodeAt(i) !== COLON || !this.isBlankOrEnd(i + 1)) return false;
        this.pos = i + 1;
        return true;
    }

    /** A one-line plain or quoted scalar at `pos` (in a flow sequence with `inFlow`); `undefined` when there is none. */
    /** A scalar at `pos`: quoted on one line, or plain (see `plain` for `indent`). */
    private scalar(inFlow: boolean, atKey: boolean, indent: number): ScalarToken | undefined {
        const c = this.text.charCodeAt(this.pos);
        if (c === SINGLE) return this.singleQuoted(inFlow);
        if (c === DOUBLE) return this.doubleQuoted(inFlow);
        return this.plain(inFlow, atKey, indent);
    }

    /**
     * A plain scalar at `pos`. A value in a block (`indent` >= 0, the column of its map or
     * sequence) may go on over lines indented more than that column, folded into one text.
     */
    private plain(inFlow: boolean, atKey: boolean, indent: number): ScalarToken | undefined {
        const { text, end } = this;
        const start = this.pos;
        const c = text.charCodeAt(start);
        if (start >= end || c === LF || c === SPACE || NOT_PLAIN_START.has(c)) return undefined;
        // `-`, `?` and `:` start a plain scalar only before a character that can follow them in one.
        if ((c === DASH || c === QUESTION || c === COLON) && !this.canFollowIndicator(start + 1, inFlow)) return undefined;
        let stop = this.plainLine(start, inFlow);
        let value = text.slice(start, this.lastNonSpace);
        let last = this.lastNonSpace;
        while (indent >= 0 && stop < end && text.charCodeAt(stop) === LF) {
            const next = this.continuation(stop, indent);
            if (next < 0) break;
            stop = this.plainLine(next, false);
            value += this.foldedBreaks + text.slice(next, this.lastNonSpace);
            last = this.lastNonSpace;
        }
        // A `:` after the scalar in a flow sequence would make a pair.
        if (inFlow && text.charCodeAt(stop) === COLON) decline();
        this.pos = last;
        const parts = plainScalarParts(value, atKey);
        if (!parts) decline();
        return { start, parts };
    }

    /** Where the scalar's text ends on the line of `from` (at the line break, `: `, ` #` or, in a flow sequence, a flow indicator); its last non-space character ends before `lastNonSpace`. */
    private plainLine(from: number, inFlow: boolean): number {
        const { text, end } = this;
        let i = from;
        let last = from;
        while (i < end) {
            const ch = text.charCodeAt(i);
            if (ch === LF) break;
            if (ch === COLON) {
                const n = text.charCodeAt(i + 1);
                if (i + 1 >= end || n === SPACE || n === LF) break;
                // `a:b` inside a flow sequence is a plain scalar; `a:,` or `a:]` makes a pair.
                if (inFlow && FLOW_INDICATOR.has(n)) decline();
            } else if (ch === HASH && text.charCodeAt(i - 1) === SPACE) break;
            else if (inFlow && FLOW_INDICATOR.has(ch)) break;
            if (ch !== SPACE) last = i + 1;
            i++;
        }
        this.lastNonSpace = last;
        return i;
    }

    /**
     * After the line break at `lineBreak`, the start of the next line's text when that line goes on
     * with a plain scalar of a block at column `indent` (with `foldedBreaks` set to what joins it:
     * a space, or one line break per empty line between); -1 when the scalar ends there.
     */
    private continuation(lineBreak: number, indent: number): number {
        const { text, end } = this;
        let breaks = 0;
        let i = lineBreak;
        for (;;) {
            const lineStart = ++i;
            while (i < end && text.charCodeAt(i) === SPACE) i++;
            if (i >= end) return -1;
            const c = text.charCodeAt(i);
            if (c === LF) {
                breaks++;
                continue;
            }
            // A comment or a line at the block's column ends the scalar; what follows is read from there.
            if (c === HASH || i - lineStart <= indent) return -1;
            // Indicators lose their meaning there (`- x`, `[x`, `&x` go on the text), except `: `, left to the full reader.
            if (c === COLON && !this.canFollowIndicator(i + 1, false)) decline();
            this.foldedBreaks = breaks === 0 ? " " : "\n".repeat(breaks);
            return i;
        }
    }

    /** Whether the character at `i` lets a `-`, `?` or `:` before it start a plain scalar. */
    private canFollowIndicator(i: number, inFlow: boolean): boolean {
        if (i >= this.end) return false;
        const n = this.text.charCodeAt(i);
        return n !== SPACE && n !== LF && !(inFlow && FLOW_INDICATOR.has(n));
    }

    private singleQuoted(inFlow: boolean): ScalarToken {
        const { text } = this;
        const start = this.pos;
        // A quoted scalar that goes on to the next line is left to the full reader.
        const eol = text.indexOf("\n", start);
        const lineEnd = eol < 0 ? this.end : eol;
        let value = "";
        let from = start + 1;
        for (;;) {
            const close = text.indexOf("'", from);
            if (close < 0 || close > lineEnd) decline();
            value += text.slice(from, close);
            if (text.charCodeAt(close + 1) !== SINGLE) {
                this.pos = close + 1;
                break;
            }
            value += "'";
            from = close + 2;
        }
        return this.quoted(start, value, "QUOTE_SINGLE", inFlow);
    }

    private doubleQuoted(inFlow: boolean): ScalarToken {
        const { text } = this;
        const start = this.pos;
        const close = text.indexOf('"', start + 1);
        if (close < 0) decline();
        const value = text.slice(start + 1, close);
        // Escapes and line breaks are left to the full reader.
        if (value.includes("\n") || value.includes("\\")) decline();
        this.pos = close + 1;
        return this.quoted(start, value, "QUOTE_DOUBLE", inFlow);
    }

    private quoted(start: number, value: string, type: string, inFlow: boolean): ScalarToken {
        // A quoted scalar must be followed by a space, a line break, `:`, or (in a flow sequence) `,` or `]`.
        const n = this.text.charCodeAt(this.pos);
        if (this.pos < this.end && n !== SPACE && n !== LF && n !== COLON && !(inFlow && (n === COMMA || n === RIGHT_BRACKET))) decline();
        // `"a":b` in a flow sequence makes a pair.
        if (inFlow && n === COLON) decline();
        return { start, parts: { value, source: value, type } };
    }

    /**
     * `|` or `>` with an optional `-`, then the text on the lines below, indented more than the
     * parent's column `indent`. Folded text with more-indented or leading empty lines, the `+` and
     * explicit indentation indicators, and blank lines with spaces past the text's indentation are
     * left to the full reader.
     */
    private blockScalar(indent: number, node: number): string {
        const { text, end } = this;
        const header = this.pos;
        const literal = text.charCodeAt(header) === PIPE;
        this.pos++;
        let strip = false;
        if (text.charCodeAt(this.pos) === DASH) {
            strip = true;
            this.pos++;
        }
        if (!this.isBlankOrEnd(this.pos)) decline();
        this.positions.place(node, header);
        this.endLine();
        if (this.pos >= end) decline();
        // The text's indentation is that of its first line with content.
        let i = this.pos;
        let leadingSpaces = 0;
        let textIndent = -1;
        while (i < end) {
            let j = i;
            while (j < end && text.charCodeAt(j) === SPACE) j++;
            if (j < end && text.charCodeAt(j) !== LF) {
                textIndent = j - i;
                break;
            }
            leadingSpaces = Math.max(leadingSpaces, j - i);
            i = j + 1;
        }
        if (textIndent <= indent || leadingSpaces > textIndent) decline();
        const lines: string[] = [];
        i = this.pos;
        while (i < end) {
            let j = i;
            while (j < end && j - i < textIndent && text.charCodeAt(j) === SPACE) j++;
            const eol = text.indexOf("\n", j);
            const lineEnd = eol < 0 ? end : eol;
            if (j - i < textIndent && j < lineEnd) break;
            const content = text.slice(j, lineEnd);
            if (j - i === textIndent && content.trim() === "" && content !== "") decline();
            lines.push(content);
            i = eol < 0 ? end : eol + 1;
        }
        this.pos = this.lineStart = i;
        // Trailing empty lines are chomped (with `-` or by default); they carry no break of their own.
        let last = lines.length;
        while (last > 0 && lines[last - 1] === "") last--;
        if (last === 0) decline();
        const kept = last === lines.length ? lines : lines.slice(0, last);
        // Without `-`, one line break ends the text, even at the end of a file that has none (as the `yaml` package reads it).
        const finalBreak = strip ? "" : "\n";
        return (literal ? kept.join("\n") : fold(kept)) + finalBreak;
    }
}

/** Folded text: a line break between two lines becomes a space, a run of empty lines keeps its breaks. */
function fold(lines: string[]): string {
    if (lines[0] === "") decline();
    let out = "";
    let empty = 0;
    for (const line of lines) {
        if (line.charCodeAt(0) === SPACE) decline();
        if (line === "") {
            empty++;
            continue;
        }
        if (out !== "") out += empty > 0 ? "\n".repeat(empty) : " ";
        out += line;
        empty = 0;
    }
    return out;
}
