/**
 * Checks one compose file against the Compose JSON schema (compose-go's copy, draft 2020-12) and
 * reports each offending node once, at its line and column, in words a Compose user knows.
 *
 * ajv reports every failed branch of a `oneOf`; we collapse them: when the value has the type of
 * one branch we report what is wrong inside that branch, otherwise "must be a string or a mapping".
 */
import * as fs from "fs";
import * as path from "path";
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020";
import { DiagnosticSink } from "./diagnostics";
import { closest } from "../util/closest-match";
import { isPlainObject, Path, pathKey, serviceAndField } from "./paths";
import { PositionIndex } from "./node-position";
import { positionOf } from "./yaml-source";

type SchemaObject = Record<string, unknown>;

interface Compiled {
    /** ajv's validator: every error, with the data and schema at fault. */
    validate: ValidateFunction;
    /** Sections a misplaced service attribute may belong to, with their attribute names. */
    sections: Array<{ name: string; properties: string[] }>;
}

let compiled: Compiled | undefined;

/**
 * Whether a file is valid, with the meaning ajv gives the schema but without explaining why not:
 * it walks the keys a mapping has rather than looking up every attribute the schema knows, and
 * builds no errors. Most files are valid, so ajv's validator runs only when this says no.
 */
const isValid = require("./schema/compose-validity.js") as (data: unknown) => boolean;

/**
 * Loads the validator on first use (the first invalid file); later calls reuse it. The build
 * compiles the schema into plain JavaScript (`scripts/compile-schema-validator.js`), so no schema
 * is compiled at run time.
 */
function compiledSchema(): Compiled {
    if (!compiled) {
        const root = JSON.parse(fs.readFileSync(path.join(__dirname, "schema", "compose-spec.json"), "utf8")) as SchemaObject;
        const defs = (root.$defs ?? {}) as Record<string, SchemaObject>;
        const build = ((defs.service?.properties as Record<string, SchemaObject> | undefined)?.build?.oneOf ?? []) as SchemaObject[];
        const keys = (s: SchemaObject | undefined) => Object.keys((s?.properties as SchemaObject | undefined) ?? {});
        compiled = {
            validate: require("./schema/compose-validator.js") as ValidateFunction,
            sections: [
                { name: "deploy", properties: keys(defs.deployment) },
                { name: "build", properties: keys(build.find((b) => b.type === "object")) },
                { name: "healthcheck", properties: keys(defs.healthcheck) },
            ],
        };
    }
    return compiled;
}

/** One problem at one node, before it is turned into a diagnostic. */
interface Issue {
    path: Path;
    keyword: string;
    message: string;
    hint?: string;
    /** Point at the key rather than the value (unknown attributes). */
    atKey?: boolean;
    /** The attributes a `required` issue misses. */
    missing?: string[];
}

/** An ajv error, with the branch errors of a `oneOf`/`anyOf` gathered below it. */
interface ErrorNode {
    error: ErrorObject;
    children: ErrorNode[];
}

/** How specific a keyword's message is: when one node has several issues, the highest wins. */
const PRIORITY: Record<string, number> = { enum: 6, const: 6, additionalProperties: 5, required: 4, pattern: 3, minimum: 3, maximum: 3, type: 1 };

/**
 * Validates `value`, the content of `file` after interpolation (plain values: `!reset` and
 * `!override` already applied), against the Compose schema.
 * Reports one `schema` error per offending node to `sink`, positioned with `positions`.
 */
export function validateSchema(file: string, value: unknown, positions: PositionIndex, sink: DiagnosticSink): void {
    // undefined: the file did not parse (reported already); null: an empty file, an override that adds nothing.
    if (value === undefined || value === null) return;
    const data = value;
    const at = (p: Path, atKey = false) => ({ file, ...positionOf(positions, p, atKey) });
    if (!isPlainObject(data)) {
        sink.error({
            code: "schema",
            message: "a compose file must be a mapping of attributes (services, networks, ...)",
            hint: `found ${describe(data)}; start the file with \`services:\``,
            ...at([]),
        });
        return;
    }
    if (isValid(data)) return;
    const { validate } = compiledSchema();
    if (validate(data)) return;
    const best = new Map<string, Issue>();
    for (const issue of resolve(buildTree(validate.errors ?? []), data)) {
        const key = pathKey(issue.path);
        const prev = best.get(key);
        if (!prev) best.set(key, issue);
        else if (prev.keyword === "required" && issue.keyword === "required") best.set(key, requiredIssue(prev.path, [...(prev.missing ?? []), ...(issue.missing ?? [])]));
        else if ((PRIORITY[issue.keyword] ?? 2) > (PRIORITY[prev.keyword] ?? 2)) best.set(key, issue);
    }
    for (const issue of best.values()) {
        sink.error({ code: "schema", message: issue.message, hint: issue.hint, ...serviceAndField(issue.path), ...at(issue.path, issue.atKey) });
    }
}

/** Nests the errors of each failed `oneOf`/`anyOf` below it: ajv lists a branch's errors just before the combinator's. */
function buildTree(errors: ErrorObject[]): ErrorNode[] {
    const stack: ErrorNode[] = [];
    for (const error of errors) {
        const node: ErrorNode = { error, children: [] };
        if (isCombinator(error) && error.params.passingSchemas == null) {
            const base = error.instancePath;
            for (let top = stack.at(-1); top && isWithin(top.error.instancePath, base); top = stack.at(-1)) {
                stack.pop();
                node.children.unshift(top);
            }
        }
        stack.push(node);
    }
    return stack;
}

function isCombinator(e: ErrorObject): boolean {
    return e.keyword === "oneOf" || e.keyword === "anyOf";
}

function isWithin(pointer: string, base: string): boolean {
    return pointer === base || pointer.startsWith(base + "/");
}

/** Picks the most specific issues of each node of the tree. */
function resolve(nodes: ErrorNode[], data: unknown): Issue[] {
    const out: Issue[] = [];
    for (const { error, children } of nodes) {
        if (!isCombinator(error)) {
            out.push(issueFor(error, data));
            continue;
        }
        const here = toPath(error.instancePath, data);
        if (children.length === 0) {
            out.push({ path: here, keyword: error.keyword, message: "matches more than one of the allowed forms", hint: "write it in one form only" });
            continue;
        }
        // A branch whose type does not match fails with a `type` error at this very node.
        const mismatch = (n: ErrorNode) => n.error.keyword === "type" && n.error.instancePath === error.instancePath;
        const specific = children.filter((n) => !mismatch(n));
        if (specific.length > 0) {
            out.push(...resolve(specific, data));
        } else {
            const types = children.flatMap((n) => typeList(n.error.params.type));
            out.push({ path: here, keyword: "type", ...typeMessage(types, error.data) });
        }
    }
    return out;
}

/** Turns one ajv error into an issue with our wording. */
function issueFor(e: ErrorObject, data: unknown): Issue {
    const p = toPath(e.instancePath, data);
    const params = e.params as Record<string, unknown>;
    switch (e.keyword) {
        case "type":
            return { path: p, keyword: "type", ...typeMessage(typeList(params.type), e.data, p[p.length - 1]) };
        case "enum": {
            const allowed = (params.allowedValues as unknown[]) ?? [];
            const guess =
                typeof e.data === "string"
                    ? closest(
                          e.data,
                          allowed.filter((a): a is string => typeof a === "string"),
                      )
                    : undefined;
            const message = allowed.length === 1 ? `must be ${JSON.stringify(allowed[0])}` : `must be one of: ${allowed.map((a) => JSON.stringify(a)).join(", ")}`;
            return { path: p, keyword: "enum", message, hint: guess ? `did you mean "${guess}"?` : `found ${describe(e.data)}` };
        }
        case "const":
            return { path: p, keyword: "const", message: `must be ${JSON.stringify(params.allowedValue)}`, hint: `found ${describe(e.data)}` };
        case "additionalProperties":
            return unknownAttribute(p, String(params.additionalProperty), e.parentSchema ?? {});
        case "required":
            return requiredIssue(p, [String(params.missingProperty)]);
        case "uniqueItems":
            return {
                path: [...p, Number(params.i)],
                keyword: "uniqueItems",
                message: `repeats item ${Number(params.j)}; items of this list must be unique`,
                hint: "remove the repeated entry",
            };
        case "minimum":
        case "maximum":
            return { path: p, keyword: e.keyword, message: `must be ${params.comparison} ${params.limit}`, hint: `found ${describe(e.data)}` };
        case "pattern":
            return { path: p, keyword: "pattern", message: `must match the pattern ${params.pattern}`, hint: `found ${describe(e.data)}` };
        default:
            return { path: p, keyword: e.keyword, message: (e.message ?? "is not valid").replace(/NOT/g, "not"), hint: "see https://docs.docker.com/reference/compose-file/" };
    }
}

function unknownAttribute(parent: Path, name: string, schema: SchemaObject): Issue {
    const path = [...parent, name];
    const properties = Object.keys((schema.properties as SchemaObject | undefined) ?? {});
    const patterns = Object.keys((schema.patternProperties as SchemaObject | undefined) ?? {}).filter((p) => p !== "^x-");
    if (properties.length === 0 && patterns.length > 0) {
        // A map of named things (services, networks, ...): the name itself is wrong.
        const hint = patterns[0] === "^[a-zA-Z0-9._-]+$" ? 'names may contain only letters, digits, ".", "_" and "-"' : `names must match ${patterns.join(" or ")}`;
        return { path, keyword: "additionalProperties", message: `"${name}" is not a valid name`, hint, atKey: true };
    }
    const message = `unknown attribute "${name}"`;
    const guess = closest(name, properties);
    if (guess) return { path, keyword: "additionalProperties", message, hint: `did you mean "${guess}"?`, atKey: true };
    if (parent.length === 2 && parent[0] === "services") {
        const section = compiledSchema().sections.find((s) => s.properties.includes(name));
        if (section) return { path, keyword: "additionalProperties", message, hint: `"${name}" belongs under "${section.name}:" (${section.name}.${name})`, atKey: true };
    }
    return { path, keyword: "additionalProperties", message, hint: `remove it; custom attributes must start with "x-" (x-${name})`, atKey: true };
}

const TYPE_NAMES: Record<string, string> = {
    string: "a string",
    number: "a number",
    integer: "an integer",
    boolean: "a boolean (true or false)",
    object: "a mapping",
    array: "a list",
    null: "empty (null)",
};

function typeList(t: unknown): string[] {
    return Array.isArray(t) ? t.map(String) : typeof t === "string" ? t.split(",") : [];
}

/** Attributes whose string value is a duration. */
const DURATIONS = new Set(["interval", "timeout", "start_period", "start_interval", "stop_grace_period", "delay", "window", "monitor"]);

function typeMessage(types: string[], data: unknown, key?: string | number): { message: string; hint: string } {
    const unique = [...new Set(types)].filter((t) => !(t === "integer" && types.includes("number")));
    const names = unique.map((t) => TYPE_NAMES[t] ?? t);
    const message = `must be ${names.length > 1 ? names.slice(0, -1).join(", ") + " or " + names[names.length - 1] : (names[0] ?? "of another type")}`;
    let hint = `found ${describe(data)}`;
    if (unique.includes("object") && !unique.includes("string") && typeof data === "string") hint += "; write the attributes indented below the key";
    else if (unique.includes("array") && !unique.includes("string") && !Array.isArray(data)) hint += '; write a list, one "- item" per line';
    else if (typeof key === "string" && DURATIONS.has(key) && typeof data === "number") hint += `; write a duration with its unit, e.g. "${data}s"`;
    return { message, hint };
}

/** A short description of a value for hints, e.g. `the string "abc"`. */
function describe(v: unknown): string {
    if (v === null || v === undefined) return "an empty value";
    if (Array.isArray(v)) return "a list";
    if (typeof v === "object") return "a mapping";
    if (typeof v === "string") return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 37) + "..." : v)}`;
    return `the ${typeof v} ${String(v)}`;
}

function requiredIssue(p: Path, missing: string[]): Issue {
    const names = [...new Set(missing)];
    const list = names.map((n) => `"${n}"`).join(" and ");
    const message = names.length === 1 ? `missing required attribute ${list}` : `missing required attributes ${list}`;
    return { path: p, keyword: "required", message, hint: `add ${list} to this mapping`, missing: names };
}

/** A JSON pointer as a path; list indices become numbers. */
function toPath(pointer: string, data: unknown): Path {
    if (pointer === "") return [];
    const out: Array<string | number> = [];
    let node: unknown = data;
    for (const raw of pointer.slice(1).split("/")) {
        const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
        if (Array.isArray(node)) {
            out.push(Number(seg));
            node = node[Number(seg)];
        } else {
            out.push(seg);
            node = isPlainObject(node) ? node[seg] : undefined;
        }
    }
    return out;
}
