/**
 * Walks the `yaml` package's AST into plain values, instead of calling `toJS()`, so that we can
 *  - record file:line:column for every path (errors point at the node),
 *  - understand the Compose tags `!reset` (drop the inherited value) and `!override` (replace it),
 *  - apply YAML merge keys (`<<`),
 *  - read each plain scalar as Compose does at its place (see scalar-shapes.ts), and
 *  - bound alias expansion so a "billion laughs" file fails fast instead of eating memory.
 */
import * as YAML from "yaml";
import { DiagnosticSink } from "./diagnostics";
import { childKey, setOwn } from "./paths";
import { ScalarShape } from "./scalar-shapes";
import { Override, RESET, structuredCloneValue } from "./yaml-markers";
import type { PositionTable } from "./position-table";

/** A bound of YAML_LIMITS passed while reading; `node` is where. */
export class LimitExceeded extends Error {
    constructor(
        message: string,
        readonly node?: unknown,
    ) {
        super(message);
    }
}

export const tooDeepMessage = (maxDepth: number): string => `nesting deeper than ${maxDepth} levels`;
export const TOO_DEEP_HINT = "a compose file nests a dozen levels or so; this one is generated or damaged: flatten the deeply nested part";

/** Reads a parsed document's AST into plain values, recording positions. */
export class AstReader {
    private aliased = 0;
    /** Anchor name -> the nodes that define it, in document order (an anchor may be redefined). */
    private anchors?: Map<string, YAML.Node[]>;

    constructor(
        private readonly limits: { maxDepth: number; maxAliasedNodes: number },
        private readonly doc: YAML.Document.Parsed,
        private readonly lines: YAML.LineCounter,
        private readonly positions: PositionTable,
        private readonly file: string,
        private readonly sink: DiagnosticSink,
    ) {}

    /**
     * Reads `node` standing at a path of `length` parts whose `pathKey` is `key`, where the schema
     * gives `shape`; `record` keeps its positions.
     */
    read(node: unknown, shape: ScalarShape, length: number, key: string, depth: number, record = true): unknown {
        if (depth > this.limits.maxDepth) throw new LimitExceeded(tooDeepMessage(this.limits.maxDepth), node);
        if (YAML.isAlias(node)) {
            const target = this.resolveAlias(node);
            if (!target) {
                this.sink.error({ code: "yaml-alias", message: `unknown alias *${node.source}`, file: this.file, ...this.at(node) });
                return null;
            }
            this.aliased += countNodes(target);
            if (this.aliased > this.limits.maxAliasedNodes) {
                throw new LimitExceeded(`aliases expand to more than ${this.limits.maxAliasedNodes} nodes (a "billion laughs" file?)`, node);
            }
            if (record) this.record(key, node);
            // Positions inside an aliased node are those of the anchor; do not record them twice.
            return this.read(target, shape, length, key, depth + 1, false);
        }
        if (record) this.record(key, node);
        const tag = YAML.isNode(node) ? node.tag : undefined;
        const value = this.readUntagged(node, shape, length, key, depth, record);
        if (tag === "!reset") return RESET;
        if (tag === "!override") return new Override(value);
        if (tag && tag.startsWith("!") && !tag.startsWith("!!")) {
            this.sink.warn({
                code: "yaml-tag",
                message: `unknown tag ${tag} is ignored`,
                hint: "Compose understands !reset and !override",
                file: this.file,
                ...this.at(node),
            });
        }
        return value;
    }

    private readUntagged(node: unknown, shape: ScalarShape, length: number, key: string, depth: number, record: boolean): unknown {
        if (YAML.isScalar(node)) return scalarValue(node, shape);
        if (YAML.isSeq(node)) {
            const itemShape = shape.item;
            return node.items.map((item, i) => this.read(item, itemShape, length + 1, childKey(key, length, i), depth + 1, record));
        }
        if (YAML.isMap(node)) {
            const out: Record<string, unknown> = {};
            const merged: Record<string, unknown>[] = [];
            const seen = new Set<string>();
            for (const pair of node.items) {
                const keyNode = pair.key;
                if (isMergeKey(keyNode)) {
                    for (const src of mergeSources(pair.value)) {
                        const v = this.read(src, shape, length, key, depth + 1, false);
                        if (v && typeof v === "object" && !Array.isArray(v)) merged.push(v as Record<string, unknown>);
                        else
                            this.sink.error({
                                code: "yaml-merge",
                                message: "a merge key (<<) must refer to a mapping or a list of mappings",
                                file: this.file,
                                ...this.at(pair.value ?? keyNode),
                            });
                    }
                    continue;
                }
                const k = keyString(keyNode);
                if (seen.has(k)) {
                    this.sink.error({
                        code: "duplicate-key",
                        message: `map keys must be unique: "${k}" appears more than once here`,
                        hint: "each key may appear once in a mapping; remove or rename the repeated key",
                        file: this.file,
                        ...this.at(keyNode),
                    });
                    continue;
                }
                seen.add(k);
                const ck = childKey(key, length, k);
                if (record && YAML.isNode(keyNode) && keyNode.range) this.positions.setKey(ck, keyNode.range[0]);
                const v = this.read(pair.value ?? null, shape.child(k), length + 1, ck, depth + 1, record && pair.value != null);
                setOwn(out, k, v);
            }
            // Explicit keys win over merged ones; earlier merge sources win over later ones.
            for (const source of [...merged].reverse()) {
                for (const [k, v] of Object.entries(source)) {
                    if (!Object.prototype.hasOwnProperty.call(out, k)) {
                        setOwn(out, k, structuredCloneValue(v));
                    }
                }
            }
            return out;
        }
        if (node === null || node === undefined) return null;
        return node;
    }

    /** The node an alias refers to: the last definition of its anchor before it (indexed once per document). */
    private resolveAlias(alias: YAML.Alias): YAML.Node | undefined {
        if (!this.anchors) {
            const anchors = new Map<string, YAML.Node[]>();
            YAML.visit(this.doc, (_key, n) => {
                if (YAML.isNode(n) && n.anchor) {
                    const list = anchors.get(n.anchor) ?? [];
                    list.push(n);
                    anchors.set(n.anchor, list);
                }
            });
            this.anchors = anchors;
        }
        const at = alias.range?.[0] ?? Infinity;
        let found: YAML.Node | undefined;
        for (const n of this.anchors.get(alias.source) ?? []) if ((n.range?.[0] ?? 0) < at) found = n;
        return found;
    }

    private record(key: string, node: unknown): void {
        if (!YAML.isNode(node) || !node.range) return;
        this.positions.setValue(key, node.range[0]);
    }

    at(node: unknown): { line?: number; column?: number } {
        if (!YAML.isNode(node) || !node.range) return {};
        const p = this.lines.linePos(node.range[0]);
        return { line: p.line, column: p.col };
    }
}

/** What the reader needs of a scalar: a `yaml` `Scalar`, or the same parts read from the parser's tokens. */
export interface ScalarParts {
    value: unknown;
    /** The scalar's text after folding and escapes (the `yaml` package sets it, without declaring it). */
    source?: string;
    type?: string;
    tag?: string;
}

/** A scalar's value at a place of `shape` (see scalar-shapes.ts): its source text where Compose reads a string. */
export function scalarValue(node: ScalarParts, shape: ScalarShape): unknown {
    const v = node.value;
    if (v === undefined || v === null) return null;
    const src = node.source;
    // Only a plain scalar without a YAML tag is read by place: quoted and block scalars are strings
    // already, and `!!int 10` says what it is.
    if (node.type !== "PLAIN" || typeof src !== "string" || node.tag?.startsWith("tag:yaml.org,2002:") || typeof v === "string") return v;
    if (shape.reading === "text") return src;
    if (typeof v !== "number" && typeof v !== "bigint") return v;
    // `0440` is octal in the YAML 1.1 readers Compose files are written for; only file modes keep that habit.
    if (shape.octal && /^0[0-7]+$/.test(src)) return Number.parseInt(src, 8);
    if (shape.reading === "free" && String(v) !== src) return src;
    return Number(v);
}

function isMergeKey(key: unknown): boolean {
    return YAML.isScalar(key) && (key.value === "<<" || (key as { source?: string }).source === "<<") && !key.tag;
}

function mergeSources(value: unknown): unknown[] {
    if (YAML.isSeq(value)) return value.items;
    return [value];
}

function keyString(key: unknown): string {
    if (YAML.isScalar(key)) return scalarKeyText(key);
    if (key === null || key === undefined) return "";
    return String(key);
}

/** The text of a scalar map key. */
export function scalarKeyText(key: ScalarParts): string {
    const v = key.value;
    if (v === null || v === undefined) return "";
    // A name is text: `1.10:` is the key "1.10", not "1.1".
    const src = key.source;
    if ((typeof v === "number" || typeof v === "bigint") && key.type === "PLAIN" && typeof src === "string") return src;
    return String(v);
}

function countNodes(node: unknown): number {
    if (YAML.isMap(node)) return 1 + node.items.reduce((n, p) => n + countNodes(p.value), 0);
    if (YAML.isSeq(node)) return 1 + node.items.reduce((n: number, i) => n + countNodes(i), 0);
    return 1;
}
