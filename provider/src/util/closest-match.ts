/**
 * "Did you mean ...?": the known word closest to a misspelt one, for unknown attributes in compose
 * files and unknown options on the command line.
 */

export interface ClosestOptions {
    /** Also accept a candidate that starts with the word, or that the word starts with (`--pro` -> `--profile`). */
    acceptPrefix?: boolean;
}

/**
 * The candidate closest to `word` by edit distance (case ignored, a swap of two letters counts as
 * one edit), when it is close enough to be a typo: at most a third of the word's length, at least
 * one edit and at most three.
 */
export function closest(word: string, candidates: readonly string[], options: ClosestOptions = {}): string | undefined {
    const limit = Math.max(1, Math.min(3, Math.ceil(word.length / 3)));
    const w = word.toLowerCase();
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const c of candidates) {
        const d = editDistance(w, c.toLowerCase());
        if (d < bestDistance) {
            best = c;
            bestDistance = d;
        }
    }
    if (best === undefined) return undefined;
    if (bestDistance <= limit) return best;
    if (options.acceptPrefix && (best.startsWith(word) || word.startsWith(best))) return best;
    return undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
    const table = new DistanceTable(a.length + 1, b.length + 1);
    for (let i = 0; i <= a.length; i++) table.set(i, 0, i);
    for (let j = 0; j <= b.length; j++) table.set(0, j, j);
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let d = Math.min(table.get(i - 1, j) + 1, table.get(i, j - 1) + 1, table.get(i - 1, j - 1) + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, table.get(i - 2, j - 2) + 1);
            table.set(i, j, d);
        }
    }
    return table.get(a.length, b.length);
}

/** The edit-distance table: `rows` x `columns` numbers, read and written by row and column. */
class DistanceTable {
    private readonly cells: number[];

    constructor(
        private readonly rows: number,
        private readonly columns: number,
    ) {
        this.cells = new Array<number>(rows * columns).fill(0);
    }

    get(row: number, column: number): number {
        const value = this.cells[this.offset(row, column)];
        if (value === undefined) throw new RangeError(`edit distance table: no cell (${row}, ${column})`);
        return value;
    }

    set(row: number, column: number, value: number): void {
        this.cells[this.offset(row, column)] = value;
    }

    private offset(row: number, column: number): number {
        if (row < 0 || row >= this.rows || column < 0 || column >= this.columns) throw new RangeError(`edit distance table: no cell (${row}, ${column})`);
        return row * this.columns + column;
    }
}
