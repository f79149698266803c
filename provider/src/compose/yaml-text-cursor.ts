/**
 * A cursor over a YAML text, for the one-pass scanner (yaml-scanner.ts): the offset, the line it is
 * on, and the moves every part of the scanner makes (skip blank and comment lines, finish a line,
 * find a `:` indicator). Leaving the part of YAML the scanner reads is `decline()`.
 */

/** Thrown (once made, never with a new stack) when the text leaves the part of YAML the scanner reads. */
export class Declined {}
const DECLINED = new Declined();

export function decline(): never {
    throw DECLINED;
}

/** The character codes the scanner tests. */
export const enum Char {
    LF = 10,
    SPACE = 32,
    HASH = 35,
    COLON = 58,
    QUESTION = 63,
    DASH = 45,
    DOT = 46,
    COMMA = 44,
    SINGLE = 39,
    DOUBLE = 34,
    LEFT_BRACKET = 91,
    RIGHT_BRACKET = 93,
    LEFT_BRACE = 123,
    RIGHT_BRACE = 125,
    PIPE = 124,
    GREATER = 62,
}

/** Characters that end a plain scalar or follow `:` as an indicator inside a flow collection. */
export const FLOW_INDICATOR = new Set([",", "[", "]", "{", "}"].map((c) => c.charCodeAt(0)));

export class TextCursor {
    /** The current offset. */
    protected pos = 0;
    /** Where the line that holds `pos` starts. */
    protected lineStart = 0;
    protected readonly end: number;

    constructor(protected readonly text: string) {
        this.end = text.length;
    }

    /**
     * From the start of a line, skips blank and comment-only lines. Returns the indentation of the
     * next line that holds content (with `pos` at that line's start), or -1 at the end of the text.
     */
    protected nextContentLine(): number {
        const { text, end } = this;
        let i = this.pos;
        for (;;) {
            const start = i;
            while (i < end && text.charCodeAt(i) === Char.SPACE) i++;
            if (i >= end) {
                this.pos = this.lineStart = end;
                return -1;
            }
            const c = text.charCodeAt(i);
            if (c === Char.LF) {
                i++;
                continue;
            }
            if (c === Char.HASH) {
                const eol = text.indexOf("\n", i);
                if (eol < 0) {
                    this.pos = this.lineStart = end;
                    return -1;
                }
                i = eol + 1;
                continue;
            }
            // `---` and `...` at the start of a line mark documents.
            if (i === start && (c === Char.DASH || c === Char.DOT) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c && this.isBlankOrEnd(i + 3)) decline();
            this.pos = this.lineStart = start;
            return i - start;
        }
    }

    /** After a node on the current line: spaces, a comment (after at least one space), then the line break. Moves to the next line. */
    protected endLine(): void {
        const { text, end } = this;
        let i = this.pos;
        while (i < end && text.charCodeAt(i) === Char.SPACE) i++;
        if (i < end) {
            const c = text.charCodeAt(i);
            if (c === Char.HASH && i > this.pos) i = text.indexOf("\n", i);
            else if (c !== Char.LF) decline();
        }
        this.pos = this.lineStart = i < 0 || i >= end ? end : i + 1;
    }

    /** A space, a line break or the end of the text at `i`. */
    protected isBlankOrEnd(i: number): boolean {
        if (i >= this.end) return true;
        const c = this.text.charCodeAt(i);
        return c === Char.SPACE || c === Char.LF;
    }

    protected skipSpaces(): void {
        const { text, end } = this;
        let i = this.pos;
        while (i < end && text.charCodeAt(i) === Char.SPACE) i++;
        this.pos = i;
    }

    /** After a key: spaces, then `:` followed by a space, a line break or the end. Moves past the `:`. */
    protected indicator(): boolean {
        const { text } = this;
        let i = this.pos;
        while (i < this.end && text.charCodeAt(i) === Char.SPACE) i++;
        if (text.charCodeAt(i) !== Char.COLON || !this.isBlankOrEnd(i + 1)) return false;
        this.pos = i + 1;
        return true;
    }

    /** Whether the character at `i` lets a `-`, `?` or `:` before it start a plain scalar. */
    protected canFollowIndicator(i: number, inFlow: boolean): boolean {
        if (i >= this.end) return false;
        const n = this.text.charCodeAt(i);
        return n !== Char.SPACE && n !== Char.LF && !(inFlow && FLOW_INDICATOR.has(n));
    }
}
