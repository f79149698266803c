/**
 * The positions of one file's nodes as a tree of numbered nodes, in flat arrays: recording a node
 * costs a few array slots and builds no path key. A path key (see `pathKey`) is resolved only when
 * a position is asked for, by walking the tree part by part. The scanner (yaml-scanner.ts) records
 * here; the readers over the `yaml` package's nodes use `PositionTable`. Both answer alike.
 */
import type { NodePosition, PositionIndex } from "./node-position";
import { partKey } from "./paths";
import type { LineIndex } from "./position-table";

/** No node, no offset. */
const NONE = -1;

/** Children a lookup scans before it indexes them (most maps have fewer: a service, its attributes). */
const SCAN_AT_MOST = 32;

export class PositionTree implements PositionIndex {
    /** The root (the whole file) is node 0. */
    static readonly ROOT = 0;

    /** Per node: its part of the path (a key or an index). */
    private readonly parts: Array<string | number> = [""];
    /** Per node: the offset of its value, or NONE until placed. */
    private readonly offsets: number[] = [NONE];
    /** Per node: the offset of its key when it is a map entry, else NONE. */
    private readonly keyOffsets: number[] = [NONE];
    private readonly firstChild: number[] = [NONE];
    private readonly lastChild: number[] = [NONE];
    private readonly nextSibling: number[] = [NONE];
    /** Children by path-key segment, for the nodes a lookup found to have many. */
    private readonly childIndexes = new Map<number, Map<string, number>>();

    constructor(private readonly lines: LineIndex) {}

    /** Adds the node at `part` below `parent` (a map entry when `keyOffset` is given, whose value starts there until placed); returns it. */
    add(parent: number, part: string | number, keyOffset = NONE): number {
        const node = this.parts.length;
        this.parts.push(part);
        this.offsets.push(keyOffset);
        this.keyOffsets.push(keyOffset);
        this.firstChild.push(NONE);
        this.lastChild.push(NONE);
        this.nextSibling.push(NONE);
        const last = this.lastChild[parent] ?? NONE;
        if (last === NONE) this.firstChild[parent] = node;
        else this.nextSibling[last] = node;
        this.lastChild[parent] = node;
        return node;
    }

    /** Records where the value of `node` starts. */
    place(node: number, offset: number): void {
        this.offsets[node] = offset;
    }

    has(key: string): boolean {
        const node = this.find(key);
        return node !== NONE && (this.offsets[node] ?? NONE) !== NONE;
    }

    get(key: string): NodePosition | undefined {
        const node = this.find(key);
        const offset = node === NONE ? NONE : (this.offsets[node] ?? NONE);
        if (offset === NONE) return undefined;
        const at = this.lines.linePos(offset);
        const keyOffset = this.keyOffsets[node] ?? NONE;
        if (keyOffset === NONE) return { line: at.line, column: at.col };
        const k = this.lines.linePos(keyOffset);
        return { line: at.line, column: at.col, keyLine: k.line, keyColumn: k.col };
    }

    /** The node of path key `key`, or NONE. */
    private find(key: string): number {
        let node = PositionTree.ROOT;
        if (key === "") return node;
        let start = 0;
        for (let i = 0; i <= key.length; i++) {
            const c = key.charCodeAt(i);
            // A backslash escapes the character after it (a backslash or a NUL within a name).
            if (c === 92) {
                i++;
                continue;
            }
            if (i < key.length && c !== 0) continue;
            node = this.child(node, key.slice(start, i));
            if (node === NONE) return NONE;
            start = i + 1;
        }
        return node;
    }

    /** The child of `parent` whose part is written `segment` in a path key. */
    private child(parent: number, segment: string): number {
        const indexed = this.childIndexes.get(parent);
        if (indexed) return indexed.get(segment) ?? NONE;
        // `#3` is index 3 (or a name written so); a segment without a backslash is a name as it is.
        const index = segment.charCodeAt(0) === 35 ? Number(segment.slice(1)) : NaN;
        const plain = !segment.includes("\\");
        let scanned = 0;
        for (let c = this.firstChild[parent] ?? NONE; c !== NONE; c = this.nextSibling[c] ?? NONE) {
            // A node with many children is looked up through an index, so that many lookups in a large map stay linear.
            if (++scanned > SCAN_AT_MOST) return this.indexOf(parent).get(segment) ?? NONE;
            const part = this.parts[c] ?? "";
            if (typeof part === "number" ? part === index && partKey(part) === segment : plain ? part === segment : partKey(part) === segment) return c;
        }
        return NONE;
    }

    /** The children of `parent` by path-key segment, made on first use. */
    private indexOf(parent: number): Map<string, number> {
        const index = new Map<string, number>();
        for (let c = this.firstChild[parent] ?? NONE; c !== NONE; c = this.nextSibling[c] ?? NONE) {
            const key = partKey(this.parts[c] ?? "");
            if (!index.has(key)) index.set(key, c);
        }
        this.childIndexes.set(parent, index);
        return index;
    }
}
