// Compiles a JSON schema into a plain JavaScript function that only says whether a value is valid:
// `isValid(value): boolean`, with the meaning ajv gives the schema (same keywords, same number and
// equality rules), but no errors, no paths and no evaluated-properties bookkeeping.
//
// The loader runs this check first and asks the ajv validator (which explains every error) only
// when a file is invalid. ajv checks an object by looking up each property the schema knows (a
// service: ~90 lookups, nearly all misses); this check walks the keys the object has and dispatches
// on each one. It handles the keywords the Compose schema uses and refuses any other, so that a
// newer schema with a keyword this file does not know fails the build instead of being half checked.
const fs = require("fs");
const path = require("path");

/** Keywords that only annotate: they never change validity. */
const ANNOTATIONS = new Set(["$schema", "$id", "$comment", "title", "description", "deprecated", "default", "examples", "$defs"]);
/** The keywords checked; each applies to the types named (none: every type). */
const KEYWORDS = new Set(["type", "enum", "$ref", "oneOf", "properties", "patternProperties", "additionalProperties", "required", "items", "uniqueItems", "pattern", "minimum", "maximum"]);
const OBJECT_KEYWORDS = ["properties", "patternProperties", "additionalProperties", "required"];
const ARRAY_KEYWORDS = ["items", "uniqueItems"];
/** Above this many properties, a key is looked up in a Map rather than matched by a string switch. */
const MAP_DISPATCH_ABOVE = 12;

/** The test ajv generates for one JSON type (strictNumbers off: NaN and Infinity are numbers). */
function typeTest(type, v) {
    switch (type) {
        case "null":
            return `${v} === null`;
        case "array":
            return `Array.isArray(${v})`;
        case "object":
            return `(${v} && typeof ${v} == "object" && !Array.isArray(${v}))`;
        case "integer":
            return `(typeof ${v} == "number" && !(${v} % 1) && !isNaN(${v}))`;
        case "number":
        case "string":
        case "boolean":
            return `typeof ${v} == "${type}"`;
        default:
            throw new Error(`unknown JSON type ${type}`);
    }
}

function typesOf(schema) {
    if (schema.type === undefined) return [];
    return Array.isArray(schema.type) ? schema.type : [schema.type];
}

function validityCheckSource(root) {
    const out = [];
    const patterns = new Map();
    let counter = 0;
    const fresh = (prefix) => `${prefix}${counter++}`;
    const regex = (source) => {
        if (!patterns.has(source)) {
            const name = `re${patterns.size}`;
            patterns.set(source, name);
            out.push(`const ${name} = new RegExp(${JSON.stringify(source)}, "u");`);
        }
        return patterns.get(source);
    };
    const defs = root.$defs ?? {};
    const defName = (ref) => {
        const m = /^#\/\$defs\/([A-Za-z0-9_]+)$/.exec(ref);
        if (!m || !Object.prototype.hasOwnProperty.call(defs, m[1])) throw new Error(`unsupported $ref ${ref}`);
        return `def_${m[1]}`;
    };

    /** A boolean expression: `v` (a plain variable) is valid against `schema`. */
    function expression(schema, v) {
        if (schema === true) return "true";
        if (schema === false) return "false";
        if (!schema || typeof schema !== "object" || Array.isArray(schema)) throw new Error(`not a schema: ${JSON.stringify(schema)}`);
        for (const k of Object.keys(schema)) if (!KEYWORDS.has(k) && !ANNOTATIONS.has(k)) throw new Error(`unsupported keyword ${k}`);
        const parts = [];
        const types = typesOf(schema);
        if (types.length > 0) parts.push(types.length === 1 ? typeTest(types[0], v) : `(${types.map((t) => typeTest(t, v)).join(" || ")})`);
        if (schema.enum !== undefined) {
            for (const e of schema.enum) if (e !== null && typeof e === "object") throw new Error("enum of objects or lists is not supported");
            for (const e of schema.enum) if (typeof e === "number" && Number.isNaN(e)) throw new Error("enum of NaN is not supported");
            parts.push(`(${schema.enum.map((e) => `${v} === ${JSON.stringify(e)}`).join(" || ")})`);
        }
        if (schema.$ref !== undefined) parts.push(`${defName(schema.$ref)}(${v})`);
        const only = types.length === 1 ? types[0] : undefined;
        if (OBJECT_KEYWORDS.some((k) => schema[k] !== undefined)) {
            const f = objectFunction(schema);
            parts.push(only === "object" ? `${f}(${v})` : `(!${typeTest("object", v)} || ${f}(${v}))`);
        }
        if (ARRAY_KEYWORDS.some((k) => schema[k] !== undefined)) {
            const f = arrayFunction(schema);
            parts.push(only === "array" ? `${f}(${v})` : `(!Array.isArray(${v}) || ${f}(${v}))`);
        }
        if (schema.pattern !== undefined) parts.push(`(typeof ${v} != "string" || ${regex(schema.pattern)}.test(${v}))`);
        // ajv fails `minimum` when `v < minimum || isNaN(v)`: the same test, negated.
        if (schema.minimum !== undefined) parts.push(`(typeof ${v} != "number" || !(${v} < ${Number(schema.minimum)} || isNaN(${v})))`);
        if (schema.maximum !== undefined) parts.push(`(typeof ${v} != "number" || !(${v} > ${Number(schema.maximum)} || isNaN(${v})))`);
        if (schema.oneOf !== undefined) parts.push(`${oneOfFunction(schema.oneOf)}(${v})`);
        return parts.length === 0 ? "true" : parts.join(" && ");
    }

    /** Exactly one branch valid. */
    function oneOfFunction(branches) {
        const name = fresh("oneOf");
        const body = branches.map((b, i) => (i === 0 ? `    if (${expression(b, "v")}) n++;` : `    if (${expression(b, "v")} && ++n > 1) return false;`));
        out.push(`function ${name}(v) {\n    let n = 0;\n${body.join("\n")}\n    return n === 1;\n}`);
        return name;
    }

    /** `properties`, `patternProperties`, `additionalProperties`, `required` of an object. */
    function objectFunction(schema) {
        const name = fresh("object");
        const properties = schema.properties ?? {};
        const names = Object.keys(properties);
        for (const n of names) if (n in {}) throw new Error(`property "${n}" is inherited by every object: ajv would see it on any object`);
        const patternEntries = Object.entries(schema.patternProperties ?? {});
        const additional = schema.additionalProperties;
        const lines = [];
        lines.push(`    for (const k in x) {`);
        // properties: ajv checks `x.name !== undefined`, so an own key holding undefined is not checked.
        const cases = names.map((n, i) => ({ n, i, check: expression(properties[n], "p") })).filter((c) => c.check !== "true");
        const known = `known${name}`;
        // Whether `k` is a declared property (for additionalProperties): its own-key test, as ajv's.
        let isKnown = "false";
        if (names.length > MAP_DISPATCH_ABOVE) {
            out.push(`const ${known} = new Map(${JSON.stringify(names.map((n, i) => [n, i]))});`);
            lines.push(`        const i = ${known}.get(k);`);
            if (cases.length > 0) {
                lines.push(`        switch (i) {`);
                for (const c of cases)
                    lines.push(`            case ${c.i}: {\n                const p = x[k];\n                if (p !== undefined && !(${c.check})) return false;\n                break;\n            }`);
                lines.push(`        }`);
            }
            isKnown = "i !== undefined";
        } else if (names.length > 0) {
            lines.push(`        let known = true;`);
            lines.push(`        switch (k) {`);
            for (const c of cases)
                lines.push(`            case ${JSON.stringify(c.n)}: {\n                const p = x[k];\n                if (p !== undefined && !(${c.check})) return false;\n                break;\n            }`);
            const plain = names.filter((n) => !cases.some((c) => c.n === n));
            if (plain.length > 0) lines.push(`${plain.map((n) => `            case ${JSON.stringify(n)}:`).join("\n")}\n                break;`);
            lines.push(`            default:\n                known = false;`);
            lines.push(`        }`);
            isKnown = "known";
        }
        // patternProperties apply to every key that matches, declared or not; ajv gives them x[k] as it is.
        const matched = [];
        for (const [source, sub] of patternEntries) {
            const re = regex(source);
            const check = expression(sub, "p");
            if (check !== "true") lines.push(`        if (${re}.test(k)) {\n            const p = x[k];\n            if (!(${check})) return false;\n        }`);
            matched.push(`${re}.test(k)`);
        }
        if (additional !== undefined && additional !== true) {
            const notMatched = [isKnown === "false" ? undefined : `!(${isKnown})`, ...matched.map((m) => `!${m}`)].filter(Boolean);
            const check = expression(additional, "p");
            const test = notMatched.length > 0 ? notMatched.join(" && ") : "true";
            if (check === "false") lines.push(`        if (${test}) return false;`);
            else if (check !== "true") lines.push(`        if (${test}) {\n            const p = x[k];\n            if (!(${check})) return false;\n        }`);
        }
        lines.push(`    }`);
        for (const r of schema.required ?? []) lines.push(`    if (x[${JSON.stringify(r)}] === undefined) return false;`);
        out.push(`function ${name}(x) {\n${lines.join("\n")}\n    return true;\n}`);
        return name;
    }

    /** `items` and `uniqueItems` of a list. */
    function arrayFunction(schema) {
        const name = fresh("array");
        const lines = [];
        if (schema.items !== undefined && !Array.isArray(schema.items)) {
            const check = expression(schema.items, "p");
            if (check !== "true") lines.push(`    for (let j = 0; j < x.length; j++) {\n        const p = x[j];\n        if (!(${check})) return false;\n    }`);
        } else if (schema.items !== undefined) {
            throw new Error("tuple `items` is not supported");
        }
        if (schema.uniqueItems === true) {
            // As ajv: items of the scalar types the items are declared with are compared by their
            // property key (strings marked when several types), others (or any item when objects or
            // lists may occur) by deep equality.
            const itemTypes = schema.items && typeof schema.items === "object" ? typesOf(schema.items) : [];
            if (itemTypes.length > 0 && !itemTypes.some((t) => t === "object" || t === "array")) {
                const wrong = `!(${itemTypes.map((t) => typeTest(t, "item")).join(" || ")})`;
                lines.push(`    let i = x.length;\n    if (i > 1) {\n        const indices = {};\n        for (; i--; ) {\n            let item = x[i];\n            if (${wrong}) continue;`);
                if (itemTypes.length > 1) lines.push(`            if (typeof item == "string") item += "_";`);
                lines.push(`            if (typeof indices[item] == "number") return false;\n            indices[item] = i;\n        }\n    }`);
            } else {
                lines.push(`    for (let i = x.length; i--; ) for (let j = i; j--; ) if (equal(x[i], x[j])) return false;`);
            }
        }
        out.push(`function ${name}(x) {\n${lines.join("\n")}\n    return true;\n}`);
        return name;
    }

    for (const [n, sub] of Object.entries(defs)) {
        if (!/^[A-Za-z0-9_]+$/.test(n)) throw new Error(`unsupported $defs name ${n}`);
        out.push(`function def_${n}(v) {\n    return ${expression(sub, "v")};\n}`);
    }
    const main = expression(root, "v");
    const header = [`"use strict";`, `const equal = require("ajv/dist/runtime/equal").default;`];
    return `${header.join("\n")}\n${out.join("\n")}\nmodule.exports = function isValid(v) {\n    return ${main};\n};\n`;
}

/** The source of the validity check of the schema in `schemaFile`. */
function validityCheckFileSource(schemaFile) {
    const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
    return `// Generated from ${path.basename(schemaFile)} by scripts/compile-validity-check.js: do not edit.\n` + validityCheckSource(schema);
}

module.exports = { validityCheckSource, validityCheckFileSource };
