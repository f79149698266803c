/**
 * Line and column of an offset in a text, with the line starts found on first use: most files are
 * read without a diagnostic, and never need a line number.
 */
import type { LineIndex } from "./position-table";

export class TextLines implements LineIndex {
    private starts?: number[];

    constructor(private readonly text: string) {}

    /** 1-based line and column of `offset`, as the `yaml` package's `LineCounter` gives them. */
    linePos(offset: number): { line: number; col: number } {
        const starts = (this.starts ??= lineStarts(this.text));
        // The first line start at or after `offset`, by halving.
        let low = 0;
        let high = starts.length;
        while (low < high) {
            const mid = (low + high) >> 1;
            if ((starts[mid] ?? 0) < offset) low = mid + 1;
            else high = mid;
        }
        if (starts[low] === offset) return { line: low + 1, col: 1 };
        if (low === 0) return { line: 0, col: offset };
        return { line: low, col: offset - (starts[low - 1] ?? 0) + 1 };
    }
}

/** Offsets where lines start: 0, and after each line feed (the scanned texts hold no CR). */
function lineStarts(text: string): number[] {
    const starts = [0];
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    return starts;
}
