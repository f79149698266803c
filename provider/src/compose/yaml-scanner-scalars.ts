/**
 * The scalars of the one-pass scanner (yaml-scanner.ts): plain (folded over more-indented lines in
 * a block), single- and double-quoted on one line, and literal or folded block scalars, each read
 * to the value and source text the composer would give, or declined.
 */
import { plainScalarParts } from "./yaml-plain-scalar";
import { ScalarParts } from "./yaml-reader";
import { Char, decline, FLOW_INDICATOR, TextCursor } from "./yaml-text-cursor";

/** Characters that cannot start a plain scalar (`-`, `?` and `:` can, before a non-space). */
const NOT_PLAIN_START = new Set([",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", '"', "%", "@", "`"].map((c) => c.charCodeAt(0)));

/** A scalar read in place: where it starts and its parts. */
export interface ScalarToken {
    start: number;
    parts: ScalarParts;
}

export class ScalarScanner extends TextCursor {
    /** Set by `plainLine`: where the scanned line's text ends, without trailing spaces. */
    private lastNonSpace = 0;
    /** Set by `continuation`: what joins a plain scalar's line to the next. */
    private foldedBreaks = " ";

    /** A scalar at `pos`: quoted on one line, or plain (see `plain` for `indent`). */
    protected scalar(inFlow: boolean, atKey: boolean, indent: number): ScalarToken | undefined {
        const c = this.text.charCodeAt(this.pos);
        if (c === Char.SINGLE) return this.singleQuoted(inFlow);
        if (c === Char.DOUBLE) return this.doubleQuoted(inFlow);
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
        if (start >= end || c === Char.LF || c === Char.SPACE || NOT_PLAIN_START.has(c)) return undefined;
        // `-`, `?` and `:` start a plain scalar only before a character that can follow them in one.
        if ((c === Char.DASH || c === Char.QUESTION || c === Char.COLON) && !this.canFollowIndicator(start + 1, inFlow)) return undefined;
        let stop = this.plainLine(start, inFlow);
        let value = text.slice(start, this.lastNonSpace);
        let last = this.lastNonSpace;
        while (indent >= 0 && stop < end && text.charCodeAt(stop) === Char.LF) {
            const next = this.continuation(stop, indent);
            if (next < 0) break;
            stop = this.plainLine(next, false);
            value += this.foldedBreaks + text.slice(next, this.lastNonSpace);
            last = this.lastNonSpace;
        }
        // A `:` after the scalar in a flow sequence would make a pair.
        if (inFlow && text.charCodeAt(stop) === Char.COLON) decline();
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
            if (ch === Char.LF) break;
            if (ch === Char.COLON) {
                const n = text.charCodeAt(i + 1);
                if (i + 1 >= end || n === Char.SPACE || n === Char.LF) break;
                // `a:b` inside a flow sequence is a plain scalar; `a:,` or `a:]` makes a pair.
                if (inFlow && FLOW_INDICATOR.has(n)) decline();
            } else if (ch === Char.HASH && text.charCodeAt(i - 1) === Char.SPACE) break;
            else if (inFlow && FLOW_INDICATOR.has(ch)) break;
            if (ch !== Char.SPACE) last = i + 1;
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
            while (i < end && text.charCodeAt(i) === Char.SPACE) i++;
            if (i >= end) return -1;
            const c = text.charCodeAt(i);
            if (c === Char.LF) {
                breaks++;
                continue;
            }
            // A comment or a line at the block's column ends the scalar; what follows is read from there.
            if (c === Char.HASH || i - lineStart <= indent) return -1;
            // Indicators lose their meaning there (`- x`, `[x`, `&x` go on the text), except `: `, left to the full reader.
            if (c === Char.COLON && !this.canFollowIndicator(i + 1, false)) decline();
            this.foldedBreaks = breaks === 0 ? " " : "\n".repeat(breaks);
            return i;
        }
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
            if (text.charCodeAt(close + 1) !== Char.SINGLE) {
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
        if (this.pos < this.end && n !== Char.SPACE && n !== Char.LF && n !== Char.COLON && !(inFlow && (n === Char.COMMA || n === Char.RIGHT_BRACKET))) decline();
        // `"a":b` in a flow sequence makes a pair.
        if (inFlow && n === Char.COLON) decline();
        return { start, parts: { value, source: value, type } };
    }

    /**
     * `|` or `>` with an optional `-`, then the text on the lines below, indented more than the
     * parent's column `indent`. Folded text with more-indented or leading empty lines, the `+` and
     * explicit indentation indicators, and blank lines with spaces past the text's indentation are
     * left to the full reader.
     */
    protected blockScalar(indent: number): string {
        const { text, end } = this;
        const header = this.pos;
        const literal = text.charCodeAt(header) === Char.PIPE;
        this.pos++;
        let strip = false;
        if (text.charCodeAt(this.pos) === Char.DASH) {
            strip = true;
            this.pos++;
        }
        if (!this.isBlankOrEnd(this.pos)) decline();
        this.endLine();
        if (this.pos >= end) decline();
        // The text's indentation is that of its first line with content.
        let i = this.pos;
        let leadingSpaces = 0;
        let textIndent = -1;
        while (i < end) {
            let j = i;
            while (j < end && text.charCodeAt(j) === Char.SPACE) j++;
            if (j < end && text.charCodeAt(j) !== Char.LF) {
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
            while (j < end && j - i < textIndent && text.charCodeAt(j) === Char.SPACE) j++;
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
        if (line.charCodeAt(0) === Char.SPACE) decline();
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
