/**
 * How a plain YAML scalar is read at each place of a compose file, derived once from the Compose
 * JSON schema. YAML would make `1.10` a number (1.1), `0x1F` 31, `65e1234` Infinity and `True` a
 * boolean; `docker compose config` keeps what the user wrote wherever Compose expects a string.
 *
 *  - `text`: the schema types the place as a string (`image`, `command` items, `environment`
 *    list items...), or it is a value of a free-form map of options (`environment`, `labels`,
 *    `build.args`, `annotations`, `sysctls`, `extra_hosts`, `driver_opts`, `logging.options`,
 *    `provider.options`...), whose values Compose holds as strings even where the schema also
 *    accepts numbers and booleans. A plain scalar keeps its source text (null stays null).
 *  - `typed`: the schema accepts a number or a boolean here (`replicas`, `cpus`, `ports` items,
 *    `privileged`...): the YAML value, which the cast phase completes from strings.
 *  - `free`: the schema says nothing (extensions `x-*`, unknown attributes): the YAML value, except
 *    a number whose source text is not how the number prints (`1.10`, `0x1F`, `65e1234`, a 20-digit
 *    integer), which keeps its text rather than lose it.
 *
 * A place is found by walking the schema alongside the YAML tree, so aliases, merge keys, `extends`
 * and `include` (files with the same root schema) are read at their destination.
 */
import * as fs from "fs";
import * as path from "path";

type SchemaNode = Record<string, unknown>;

export type ScalarReading = "text" | "typed" | "free";

/** The reading of plain scalars at one place, and the places below it. */
export interface ScalarShape {
    readonly reading: ScalarReading;
    /** A file mode (`secrets[].mode: 0440`): a leading-zero integer is octal, as in YAML 1.1. */
    readonly octal: boolean;
    /** The place of the value of map entry `key`. */
    child(key: string): ScalarShape;
    /** The place of the items of a sequence. */
    readonly item: ScalarShape;
}

/** Keys of a map of user-chosen names (`environment`, `driver_opts`...), as the schema writes them. */
const FREE_FORM_KEYS = new Set([".+", "^.+$"]);
const SCALAR_TYPES = new Set(["string", "number", "integer", "boolean"]);

class FreeShape implements ScalarShape {
    readonly reading = "free" as const;
    readonly octal = false;
    child(): ScalarShape {
        return this;
    }
    get item(): ScalarShape {
        return this;
    }
}

/** The place of an extension or an attribute the schema does not know. */
export const FREE_SHAPE: ScalarShape = new FreeShape();

class SchemaShape implements ScalarShape {
    readonly reading: ScalarReading;
    readonly octal: boolean;
    private readonly children = new Map<string, ScalarShape>();
    private readonly patternChildren = new Map<number, ScalarShape>();
    private itemShape?: ScalarShape;
    private additionalShape?: ScalarShape;

    /** `nodes`: the schema alternatives that may describe the value; `text`: a free-form map's value. */
    constructor(
        private readonly root: SchemaNode,
        private readonly nodes: SchemaNode[],
        private readonly text: boolean,
        key?: string,
    ) {
        const types = new Set<string>();
        let described = false;
        for (const n of nodes) {
            const t = n.type;
            if (t !== undefined || n.properties || n.items || n.patternProperties || n.const !== undefined || n.enum) described = true;
            for (const x of Array.isArray(t) ? t : t === undefined ? [] : [t]) if (SCALAR_TYPES.has(String(x))) types.add(String(x));
        }
        this.reading = text ? "text" : !described ? "free" : types.size === 1 && types.has("string") ? "text" : "typed";
        this.octal = !text && key === "mode" && (types.has("number") || types.has("integer"));
    }

    child(key: string): ScalarShape {
        const known = this.children.get(key);
        if (known) return known;
        const byName = this.nodes.flatMap((n) => {
            const props = n.properties as Record<string, unknown> | undefined;
            return props && Object.prototype.hasOwnProperty.call(props, key) ? [props[key]] : [];
        });
        if (byName.length > 0) {
            const shape = new SchemaShape(this.root, alternatives(this.root, byName), false, key);
            this.children.set(key, shape);
            return shape;
        }
        return this.patternChild(key);
    }

    get item(): ScalarShape {
        if (!this.itemShape) {
            const items = this.nodes.flatMap((n) => (n.items && typeof n.items === "object" ? [n.items] : []));
            this.itemShape = items.length > 0 || this.text ? new SchemaShape(this.root, alternatives(this.root, items), this.text) : FREE_SHAPE;
        }
        return this.itemShape;
    }

    /** A key matched by `patternProperties` (numbered in document order), else `additionalProperties`; remembered for the next file. */
    private patternChild(key: string): ScalarShape {
        const shape = this.matchPattern(key);
        if (this.children.size < MAX_REMEMBERED_KEYS) this.children.set(key, shape);
        return shape;
    }

    private matchPattern(key: string): ScalarShape {
        let index = 0;
        for (const n of this.nodes) {
            for (const [pattern, schema] of Object.entries((n.patternProperties ?? {}) as Record<string, unknown>)) {
                const i = index++;
                if (!compiledPattern(pattern).test(key)) continue;
                let shape = this.patternChildren.get(i);
                if (!shape) {
                    shape = new SchemaShape(this.root, alternatives(this.root, [schema]), FREE_FORM_KEYS.has(pattern));
                    this.patternChildren.set(i, shape);
                }
                return shape;
            }
        }
        if (!this.additionalShape) {
            const additional = this.nodes.flatMap((n) => (n.additionalProperties && typeof n.additionalProperties === "object" ? [n.additionalProperties] : []));
            this.additionalShape = additional.length === 0 ? FREE_SHAPE : new SchemaShape(this.root, alternatives(this.root, additional), false);
        }
        return this.additionalShape;
    }
}

/**
 * Keys of user-chosen names (services, variables, labels) remembered per place, so that the
 * patterns run once per name; bounded, as a long-lived process may read many projects.
 */
const MAX_REMEMBERED_KEYS = 2000;

const patterns = new Map<string, RegExp>();

function compiledPattern(pattern: string): RegExp {
    let re = patterns.get(pattern);
    if (!re) patterns.set(pattern, (re = new RegExp(pattern, "u")));
    return re;
}

/** The schema nodes that may describe a value: `$ref`, `oneOf`, `anyOf` and `allOf` followed. */
function alternatives(root: SchemaNode, schemas: unknown[], seen = new Set<unknown>()): SchemaNode[] {
    const out: SchemaNode[] = [];
    for (const s of schemas) {
        if (!s || typeof s !== "object" || seen.has(s)) continue;
        seen.add(s);
        const node = s as SchemaNode;
        out.push(node);
        if (typeof node.$ref === "string") out.push(...alternatives(root, [resolveRef(root, node.$ref)], seen));
        for (const k of ["oneOf", "anyOf", "allOf"]) if (Array.isArray(node[k])) out.push(...alternatives(root, node[k] as unknown[], seen));
    }
    return out;
}

function resolveRef(root: SchemaNode, ref: string): unknown {
    if (!ref.startsWith("#/")) return undefined;
    let v: unknown = root;
    for (const part of ref.slice(2).split("/")) v = v && typeof v === "object" ? (v as SchemaNode)[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
    return v;
}

let rootShape: ScalarShape | undefined;

/** The shape of a whole compose file (read from the bundled schema on first use). */
export function composeFileShape(): ScalarShape {
    if (!rootShape) {
        const root = JSON.parse(fs.readFileSync(path.join(__dirname, "schema", "compose-spec.json"), "utf8")) as SchemaNode;
        rootShape = new SchemaShape(root, alternatives(root, [root]), false);
    }
    return rootShape;
}
