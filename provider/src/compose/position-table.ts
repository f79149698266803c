/**
 * The positions of one file's nodes, kept as character offsets while reading and turned into
 * line:column only when asked (when a diagnostic is made), so that reading a file that has no
 * problem costs no line lookups and no position objects.
 */
import type { NodePosition, PositionIndex } from "./node-position";

/** Turns a character offset into a 1-based line and column (the `yaml` package's `LineCounter` does). */
export interface LineIndex {
    linePos(offset: number): { line: number; col: number };
}

export class PositionTable implements PositionIndex {
    /** Offset of each path's node. */
    private readonly values = new Map<string, number>();
    /** Offset of the key of each path that is a map entry. */
    private readonly keys = new Map<string, number>();

    constructor(private readonly lines: LineIndex) {}

    /** Records the key of map entry `key` at `offset`; the entry's value starts there too until `setValue` says otherwise. */
    setKey(key: string, offset: number): void {
        this.keys.set(key, offset);
        this.values.set(key, offset);
    }

    /** Records the node at path `key` at `offset` (keeping the position of its key). */
    setValue(key: string, offset: number): void {
        this.values.set(key, offset);
    }

    has(key: string): boolean {
        return this.values.has(key);
    }

    get(key: string): NodePosition | undefined {
        const offset = this.values.get(key);
        if (offset === undefined) return undefined;
        const at = this.lines.linePos(offset);
        const keyOffset = this.keys.get(key);
        if (keyOffset === undefined) return { line: at.line, column: at.col };
        const k = this.lines.linePos(keyOffset);
        return { line: at.line, column: at.col, keyLine: k.line, keyColumn: k.col };
    }
}
