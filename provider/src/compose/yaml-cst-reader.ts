/**
 * The fast way through a compose file: read plain values straight from the `yaml` parser's tokens
 * (its CST), without composing a `Document` of nodes first and walking that. Most compose files
 * use a small part of YAML (block mappings and sequences, scalars, one-line flow sequences,
 * comments), and for those the tokens say all the reader needs.
 *
 * The reader accepts a file only when the composer would find nothing to report in it, and gives
 * the same value and the same positions as `AstReader` over the composed document. Anything else
 * (anchors, aliases, merge keys, tags, explicit keys, multi-line keys or flow collections, tabs,
 * several documents, any error or warning of the parser) makes it answer `undefined`, and the
 * caller takes the full path, which reports what there is to report.
 */
import * as YAML from "yaml";
import { childKey, setOwn } from "./paths";
import type { PositionTable } from "./position-table";
import { ScalarShape } from "./scalar-shapes";
import { plainScalarParts } from "./yaml-plain-scalar";
import { scalarKeyText, ScalarParts, scalarValue } from "./yaml-reader";

type Token = YAML.CST.Token;
type SourceToken = YAML.CST.SourceToken;

/** Thrown (and caught below) when the file leaves the part of YAML this reader vouches for. */
class NotSimple extends Error {}

/**
 * Reads `text` into plain values, recording positions in `positions` (fed by the line counter the
 * parser reported newlines to). `undefined` when the file needs the full path.
 */
export function readSimpleYaml(text: string, onNewLine: (offset: number) => void, positions: PositionTable, shape: ScalarShape, maxDepth: number): Record<string, unknown> | undefined {
    // A tab may be indentation, which YAML forbids; the composer knows where it is allowed.
    if (text.includes("\t")) return undefined;
    let document: YAML.CST.Document | undefined;
    for (const token of new YAML.Parser(onNewLine).parse(text)) {
        if (token.type === "document" && !document) document = token;
        else if (token.type !== "comment" && token.type !== "newline" && token.type !== "space" && token.type !== "byte-order-mark") return undefined;
    }
    if (!document || document.value?.type !== "block-map") return undefined;
    try {
        checkTrivia(document.start, true);
        checkTrivia(document.end ?? [], false);
        return new CstReader(positions, maxDepth).map(document.value, shape, 0, "", 0);
    } catch (e) {
        if (e instanceof NotSimple) return undefined;
        throw e;
    }
}

class CstReader {
    constructor(
        private readonly positions: PositionTable,
        private readonly maxDepth: number,
    ) {}

    /** The value of `token` at a path of `length` parts whose key is `key`; its position is recorded. */
    value(token: Token, shape: ScalarShape, length: number, key: string, depth: number): unknown {
        if (depth > this.maxDepth) throw new NotSimple();
        switch (token.type) {
            case "block-map":
                return this.map(token, shape, length, key, depth);
            case "block-seq":
                return this.seq(token, shape, length, key, depth);
            case "flow-collection":
                return this.flow(token, shape, length, key, depth);
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar":
            case "block-scalar":
                this.positions.setValue(key, token.offset);
                return scalarValue(scalarParts(token, false), shape);
            default:
                throw new NotSimple();
        }
    }

    map(map: YAML.CST.BlockMap, shape: ScalarShape, length: number, key: string, depth: number): Record<string, unknown> {
        this.positions.setValue(key, map.offset);
        const out: Record<string, unknown> = {};
        const last = map.items.length - 1;
        map.items.forEach((item, i) => {
            checkTrivia(item.start, true);
            if (item.explicitKey) throw new NotSimple();
            if (item.key === undefined && item.sep === undefined) {
                // Comments after the last entry: nothing to read.
                if (i !== last || item.value !== undefined) throw new NotSimple();
                return;
            }
            const { key: keyToken, sep, value } = item;
            if (!keyToken || !isFlowScalar(keyToken) || keyToken.indent !== map.indent || keyToken.source.includes("\n") || keyToken.source.length > 1000) throw new NotSimple();
            if (keyToken.end?.some((t) => t.type !== "space")) throw new NotSimple();
            const indicator = checkSeparator(sep, "map-value-ind");
            if (!indicator) throw new NotSimple();
            // A nested block collection must start on a line of its own.
            if ((value?.type === "block-map" || value?.type === "block-seq") && !sep.some((t) => t.type === "newline")) throw new NotSimple();
            const k = scalarKeyText(scalarParts(keyToken, true));
            if (k === "<<" || Object.prototype.hasOwnProperty.call(out, k)) throw new NotSimple();
            const ck = childKey(key, length, k);
            this.positions.setKey(ck, keyToken.offset);
            const v = value ? this.value(value, shape.child(k), length + 1, ck, depth + 1) : this.empty(sep, ck);
            setOwn(out, k, v);
        });
        return out;
    }

    private seq(seq: YAML.CST.BlockSequence, shape: ScalarShape, length: number, key: string, depth: number): unknown[] {
        this.positions.setValue(key, seq.offset);
        const out: unknown[] = [];
        const itemShape = shape.item;
        const last = seq.items.length - 1;
        seq.items.forEach((item, i) => {
            const indicator = checkSeparator(item.start, "seq-item-ind", true);
            if (!indicator) {
                // Comments after the last item: nothing to read.
                if (i !== last || item.value !== undefined) throw new NotSimple();
                return;
            }
            const ck = childKey(key, length, out.length);
            out.push(item.value ? this.value(item.value, itemShape, length + 1, ck, depth + 1) : this.empty(item.start, ck));
        });
        return out;
    }

    /** `[]`, `{}`, or a flow sequence of scalars on one line. */
    private flow(flow: YAML.CST.FlowCollection, shape: ScalarShape, length: number, key: string, depth: number): unknown {
        this.positions.setValue(key, flow.offset);
        const [close, ...after] = flow.end;
        const isMap = flow.start.source === "{";
        if (close?.source !== (isMap ? "}" : "]")) throw new NotSimple();
        checkTrivia(after, false);
        if (isMap) {
            if (flow.items.length > 0) throw new NotSimple();
            return {};
        }
        const out: unknown[] = [];
        const itemShape = shape.item;
        flow.items.forEach((item, i) => {
            const { start, key: itemKey, sep, value } = item;
            if (itemKey !== undefined || sep !== undefined || !value || !isFlowScalar(value) || value.source.includes("\n")) throw new NotSimple();
            // The first item after `[` (spaces only), each next one after exactly one comma.
            start.forEach((t, j) => {
                if (!(t.type === "space" || (t.type === "comma" && i > 0 && j === 0))) throw new NotSimple();
            });
            if (i > 0 && start[0]?.type !== "comma") throw new NotSimple();
            out.push(this.value(value, itemShape, length + 1, childKey(key, length, i), depth + 1));
        });
        return out;
    }

    /** A missing value (`key:` or `-` alone), which the composer places after the indicator and its spaces. */
    private empty(before: SourceToken[], key: string): null {
        this.positions.setValue(key, emptyScalarPosition(before));
        return null;
    }
}

function isFlowScalar(t: Token): t is YAML.CST.FlowScalar {
    return t.type === "scalar" || t.type === "single-quoted-scalar" || t.type === "double-quoted-scalar";
}

/** A scalar token's value as the composer resolves it (no tag: the reader refuses tags). */
function scalarParts(token: YAML.CST.FlowScalar | YAML.CST.BlockScalar, atKey: boolean): ScalarParts {
    if (token.type === "block-scalar" && token.props.some((t) => t.type !== "block-scalar-header" && t.type !== "space" && t.type !== "comment" && t.type !== "newline")) throw new NotSimple();
    const resolved = YAML.CST.resolveAsScalar(token, true, fail);
    if (!resolved) throw new NotSimple();
    const { value } = resolved;
    const type = resolved.type ?? undefined;
    if (token.type !== "scalar") return { value, source: value, type };
    return plainScalarParts(value, atKey) ?? fail();
}

function fail(): never {
    throw new NotSimple();
}

/**
 * Checks tokens between nodes (spaces, line breaks, comments), as the composer would: a comment must
 * follow a space or a line break. `startOnNewline`: the list starts a line.
 */
function checkTrivia(tokens: SourceToken[], startOnNewline: boolean): void {
    let hasSpace = startOnNewline;
    for (const t of tokens) {
        if (t.type === "space" || t.type === "newline") hasSpace = true;
        else if (t.type === "comment") {
            if (!hasSpace) throw new NotSimple();
        } else throw new NotSimple();
    }
}

/**
 * Checks the tokens around an indicator (`:` of a map entry, `-` of a sequence item): spaces, line
 * breaks and comments (each after a space or a line break), and the indicator once. Returns whether
 * it was there.
 */
function checkSeparator(tokens: SourceToken[] | undefined, indicator: "map-value-ind" | "seq-item-ind", startOnNewline = false): boolean {
    let found = false;
    let hasSpace = startOnNewline;
    for (const t of tokens ?? []) {
        if (t.type === "space" || t.type === "newline") hasSpace = true;
        else if (t.type === "comment") {
            if (!hasSpace) throw new NotSimple();
        } else if (t.type === indicator && !found) {
            found = true;
            hasSpace = false;
        } else throw new NotSimple();
    }
    return found;
}

/** Where the composer puts an empty value: after the last token that is not a space, a line break or a comment, and after the spaces that follow it. */
function emptyScalarPosition(before: SourceToken[]): number {
    let i = before.length - 1;
    while (i >= 0) {
        const t = before[i];
        if (t && t.type !== "space" && t.type !== "comment" && t.type !== "newline") break;
        i--;
    }
    const anchor = before[i];
    if (!anchor) throw new NotSimple();
    let offset = anchor.offset + anchor.source.length;
    for (let j = i + 1; j < before.length; j++) {
        const t = before[j];
        if (t?.type !== "space") break;
        offset += t.source.length;
    }
    return offset;
}
