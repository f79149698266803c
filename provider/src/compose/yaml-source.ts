/**
 * Reads one compose YAML file into plain values, keeping the position of every node.
 *
 * We walk the `yaml` package's AST ourselves instead of calling `toJS()` so that we can
 *  - record file:line:column for every path (errors point at the node),
 *  - understand the Compose tags `!reset` (drop the inherited value) and `!override` (replace it),
 *  - apply YAML merge keys (`<<`), and
 *  - bound alias expansion so a "billion laughs" file fails fast instead of eating memory.
 */
import * as YAML from "yaml";
import { DiagnosticSink } from "./diagnostics";
import { childKey, Path, pathKey, setOwn } from "./paths";
import { composeFileShape, ScalarShape } from "./scalar-shapes";
import { findDeepNesting } from "./yaml-depth";
import { findIndentationProblem, yamlHint, yamlMessage } from "./yaml-errors";

/** The value of a `!reset` node: the attribute is removed from what it would have inherited. */
export const RESET: unique symbol = Symbol.for("compose.reset");
export type Reset = typeof RESET;

/** A `!override` node: the value replaces the inherited one instead of being merged into it. */
export class Override {
    constructor(readonly value: unknown) {}
}

export interface NodePosition {
    line: number;
    column: number;
    /** Where the key of the pair holding this value starts, when the value is a map entry. */
    keyLine?: number;
    keyColumn?: number;
}

/** One parsed file: its value and the position of each path in it. */
export interface YamlSource {
    file: string;
    value: unknown;
    positions: Map<string, NodePosition>;
}

/**
 * The position of `path` in one file, or of its nearest ancestor that has one. With `atKey`, a map
 * entry's key rather than its value (for "unknown attribute").
 */
export function positionOf(positions: Map<string, NodePosition>, path: Path, atKey = false): { line?: number; column?: number } {
    for (let len = path.length; len >= 0; len--) {
        const pos = positions.get(pathKey(path.slice(0, len)));
        if (!pos) continue;
        if (atKey && len === path.length && pos.keyLine !== undefined) return { line: pos.keyLine, column: pos.keyColumn };
        return { line: pos.line, column: pos.column };
    }
    return {};
}

/** Bounds that keep hostile input cheap. */
export const YAML_LIMITS = {
    /**
     * Largest file we read, in bytes. Real compose files stay well under 200 KB; a larger one is
     * generated or hostile, and parsing 10 MB of YAML takes seconds and a gigabyte of memory.
     */
    maxBytes: 4 * 1024 * 1024,
    /** Aliased nodes materialized, beyond the nodes of the file itself. */
    maxAliasedNodes: 200_000,
    /** Deepest nesting accepted. */
    maxDepth: 200,
};

class LimitExceeded extends Error {
    constructor(
        message: string,
        readonly node?: unknown,
    ) {
        super(message);
    }
}

const tooDeep = () => `nesting deeper than ${YAML_LIMITS.maxDepth} levels`;
const TOO_DEEP_HINT = "a compose file nests a dozen levels or so; this one is generated or damaged: flatten the deeply nested part";

/**
 * Parses `text` (the content of `file`). Problems go to `sink` with positions; on a syntax error the
 * returned value is undefined.
 */
export function parseYamlSource(file: string, text: string, sink: DiagnosticSink): YamlSource {
    const positions = new Map<string, NodePosition>();
    const result: YamlSource = { file, value: undefined, positions };
    if (text.length > YAML_LIMITS.maxBytes) {
        sink.error({
            code: "file-too-large",
            message: `the file is ${text.length} bytes; compose files of up to ${YAML_LIMITS.maxBytes / 1024 / 1024} MiB are read`,
            hint: "a compose file this large is usually generated: remove the generated content, or split the file with `include`",
            file,
        });
        return result;
    }
    // The parser recurses once per level: refuse a too deep text before it can overflow the stack.
    const deep = findDeepNesting(text, YAML_LIMITS.maxDepth);
    if (deep) {
        sink.error({ code: "yaml-limit", message: tooDeep(), hint: TOO_DEEP_HINT, file, line: deep.line, column: deep.column });
        return result;
    }
    const lineCounter = new YAML.LineCounter();
    const docs = YAML.parseAllDocuments(text, {
        lineCounter,
        merge: true,
        // Duplicate keys are found while reading the AST (the library's check is quadratic in map size).
        uniqueKeys: false,
        prettyErrors: false,
        strict: true,
    });
    const list = Array.isArray(docs) ? docs : [docs];
    const errors = list.flatMap((doc) => doc.errors);
    if (errors.length > 0) {
        reportSyntaxErrors(file, text, errors, lineCounter, sink);
        return result;
    }
    if (list.length > 1) {
        const second = list[1];
        const pos = lineCounter.linePos(second.range[0]);
        sink.error({
            code: "yaml-multiple-documents",
            message: "the file holds more than one YAML document",
            hint: "a compose file is one document; remove the `---` separator or split the file",
            file,
            line: pos.line,
            column: pos.col,
        });
        return result;
    }
    const doc = list[0];
    if (!doc || doc.contents === null) {
        result.value = null;
        return result;
    }
    const reader = new AstReader(doc, lineCounter, positions, file, sink);
    try {
        result.value = reader.read(doc.contents, composeFileShape(), 0, "", 0);
    } catch (e) {
        if (e instanceof LimitExceeded) {
            sink.error({ code: "yaml-limit", message: e.message, file, hint: e.message === tooDeep() ? TOO_DEEP_HINT : "remove the repeated aliases", ...reader.at(e.node) });
            result.value = undefined;
        } else {
            throw e;
        }
    }
    return result;
}

/**
 * The parser's errors, as ours: a mis-indented line near the first error is reported alone, at
 * that line, with the indentation that fixes it (the parser's errors after it follow from it).
 */
function reportSyntaxErrors(file: string, text: string, errors: YAML.YAMLError[], lines: YAML.LineCounter, sink: DiagnosticSink): void {
    const first = lines.linePos(errors[0].pos[0]);
    const indentation = findIndentationProblem(text, first.line);
    if (indentation && Math.abs(indentation.line - first.line) <= 1) {
        sink.error({ code: "yaml-indentation", message: indentation.message, hint: indentation.hint, file, line: indentation.line, column: indentation.column });
        return;
    }
    for (const e of errors) {
        const pos = lines.linePos(e.pos[0]);
        // The parser catches its own stack overflow; the depth check before it should leave none.
        const overflow = /Maximum call stack size exceeded/.test(e.message);
        sink.error({
            code: overflow ? "yaml-limit" : "yaml-syntax",
            message: overflow ? tooDeep() : yamlMessage(e),
            hint: overflow ? TOO_DEEP_HINT : yamlHint(e),
            file,
            line: pos.line,
            column: pos.col,
        });
    }
}

class AstReader {
    private aliased = 0;
    /** Anchor name -> the nodes that define it, in document order (an anchor may be redefined). */
    private anchors?: Map<string, YAML.Node[]>;

    constructor(
        private readonly doc: YAML.Document.Parsed,
        private readonly lines: YAML.LineCounter,
        private readonly positions: Map<string, NodePosition>,
        private readonly file: string,
        private readonly sink: DiagnosticSink,
    ) {}

    /**
     * Reads `node` standing at a path of `length` parts whose `pathKey` is `key`, where the schema
     * gives `shape`; `record` keeps its positions.
     */
    read(node: unknown, shape: ScalarShape, length: number, key: string, depth: number, record = true): unknown {
        if (depth > YAML_LIMITS.maxDepth) throw new LimitExceeded(tooDeep(), node);
        if (YAML.isAlias(node)) {
            const target = this.resolveAlias(node);
            if (!target) {
                this.sink.error({ code: "yaml-alias", message: `unknown alias *${node.source}`, file: this.file, ...this.at(node) });
                return null;
            }
            this.aliased += countNodes(target);
            if (this.aliased > YAML_LIMITS.maxAliasedNodes) {
                throw new LimitExceeded(`aliases expand to more than ${YAML_LIMITS.maxAliasedNodes} nodes (a "billion laughs" file?)`, node);
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
                if (record && YAML.isNode(keyNode) && keyNode.range) {
                    const kp = this.lines.linePos(keyNode.range[0]);
                    this.positions.set(ck, { line: kp.line, column: kp.col, keyLine: kp.line, keyColumn: kp.col });
                }
                const v = this.read(pair.value ?? null, shape.child(k), length + 1, ck, depth + 1, record && pair.value != null);
                setOwn(out, k, v);
            }
            // Explicit keys win over merged ones; earlier merge sources win over later ones.
            for (let i = merged.length - 1; i >= 0; i--) {
                for (const [k, v] of Object.entries(merged[i])) {
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
        const pos = this.lines.linePos(node.range[0]);
        const existing = this.positions.get(key);
        this.positions.set(key, { ...existing, line: pos.line, column: pos.col });
    }

    at(node: unknown): { line?: number; column?: number } {
        if (!YAML.isNode(node) || !node.range) return {};
        const p = this.lines.linePos(node.range[0]);
        return { line: p.line, column: p.col };
    }
}

/** A scalar's value at a place of `shape` (see scalar-shapes.ts): its source text where Compose reads a string. */
function scalarValue(node: YAML.Scalar, shape: ScalarShape): unknown {
    const v = node.value;
    if (v === undefined || v === null) return null;
    const src = (node as { source?: string }).source;
    // Only a plain, untagged scalar is open to reading: quoted and block scalars are strings already,
    // and `!!int 10` says what it is.
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
    if (YAML.isScalar(key)) {
        const v = key.value;
        if (v === null || v === undefined) return "";
        // A name is text: `1.10:` is the key "1.10", not "1.1".
        const src = (key as { source?: string }).source;
        if ((typeof v === "number" || typeof v === "bigint") && key.type === "PLAIN" && typeof src === "string") return src;
        return String(v);
    }
    if (key === null || key === undefined) return "";
    return String(key);
}

function countNodes(node: unknown): number {
    if (YAML.isMap(node)) return 1 + node.items.reduce((n, p) => n + countNodes(p.value), 0);
    if (YAML.isSeq(node)) return 1 + node.items.reduce((n: number, i) => n + countNodes(i), 0);
    return 1;
}

/** A deep copy of a plain value (maps, lists, scalars, markers). */
export function structuredCloneValue<T>(v: T): T {
    if (Array.isArray(v)) return v.map((x) => structuredCloneValue(x)) as unknown as T;
    if (v instanceof Override) return new Override(structuredCloneValue(v.value)) as unknown as T;
    if (v && typeof v === "object") {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) {
            setOwn(out, k, structuredCloneValue(x));
        }
        return out as T;
    }
    return v;
}
