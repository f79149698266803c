/**
 * The schema's validity check (scripts/compile-validity-check.js), which the loader runs before
 * ajv's validator, says "valid" exactly when ajv does: on small schemas for each keyword and its
 * corner cases, on every compose file of the corpus, and on many altered copies of them.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import Ajv2020 from "ajv/dist/2020";
import { DiagnosticSink } from "../../provider/src/compose/diagnostics";
import { stripMarkers } from "../../provider/src/compose/merge";
import { parseYamlSource } from "../../provider/src/compose/yaml-source";
import { CORPUS_DIR, findFiles, REPO_ROOT, requireCorpus } from "../support/corpus";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validityCheckSource } = require(path.join(REPO_ROOT, "scripts", "compile-validity-check.js")) as { validityCheckSource: (schema: unknown) => string };

type Check = (v: unknown) => boolean;

/** The check of `schema`, loaded as the build writes it (a CommonJS module). */
function checkOf(schema: unknown): Check {
    const module = { exports: {} as unknown };
    const load = new Function("module", "require", validityCheckSource(schema)) as (m: typeof module, r: NodeRequire) => void;
    load(module, require);
    return module.exports as Check;
}

function ajvOf(schema: unknown): Check {
    const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
    const validate = ajv.compile(schema as object);
    return (v) => validate(v);
}

/** Every value where the two disagree, as JSON. */
function disagreements(check: Check, ajv: Check, values: unknown[]): string[] {
    return values.filter((v) => check(v) !== ajv(v)).map((v) => `${JSON.stringify(v)}: ajv says ${ajv(v)}`);
}

/** Each keyword the Compose schema uses, with values on both sides of it and at its edges. */
const CASES: Array<[string, unknown, unknown[]]> = [
    ["types", { type: ["integer", "string", "null"] }, [1, 1.5, -0, NaN, Infinity, "1", null, true, [], {}]],
    ["number and boolean", { type: ["number", "boolean"] }, [1, 1.5, NaN, "1", true, null]],
    ["enum", { type: "string", enum: ["a", "b"] }, ["a", "b", "c", 1, null]],
    ["minimum and maximum", { type: "number", minimum: 0, maximum: 10 }, [0, 10, -1, 11, 5.5, NaN, "5"]],
    ["minimum without a type", { minimum: 1 }, [0, 1, "0", null, []]],
    ["pattern", { type: "string", pattern: "^[a-z]+$" }, ["abc", "ABC", "", 1]],
    [
        "properties, patterns and no other keys",
        { type: "object", properties: { a: { type: "string" }, b: {} }, patternProperties: { "^x-": {}, "^n": { type: "number" } }, additionalProperties: false, required: ["a"] },
        [{ a: "s" }, { a: 1 }, { b: 1 }, { a: "s", b: [] }, { a: "s", "x-y": 1 }, { a: "s", c: 1 }, { a: "s", n: 1 }, { a: "s", n: "1" }, { a: undefined }, { a: "s", c: undefined }, [], "s"],
    ],
    ["additional properties with a schema", { type: "object", additionalProperties: { type: "integer" } }, [{}, { a: 1 }, { a: "1" }, { a: undefined }]],
    ["object keywords without a type", { properties: { a: { type: "string" } } }, [{ a: 1 }, { a: "s" }, "s", [1], null]],
    [
        "many properties (looked up in a table)",
        { type: "object", properties: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`p${i}`, { type: "integer" }])), additionalProperties: false },
        [{ p0: 1, p19: 2 }, { p19: "2" }, { p20: 1 }, {}],
    ],
    ["items", { type: "array", items: { type: "string" } }, [[], ["a"], ["a", 1], "a"]],
    [
        "unique scalars",
        { type: "array", items: { type: "string" }, uniqueItems: true },
        [
            ["a", "b"],
            ["a", "a"],
            ["__proto__", "__proto__"],
            ["constructor", "constructor"],
            [1, 1],
        ],
    ],
    [
        "unique scalars of two types",
        { type: "array", items: { type: ["string", "number"] }, uniqueItems: true },
        [
            ["1", 1],
            [1, 1],
            ["1", "1"],
            ["1_", "1"],
            [NaN, NaN],
        ],
    ],
    [
        "unique anything",
        { type: "array", uniqueItems: true },
        [
            [{ a: 1 }, { a: 1 }],
            [{ a: 1 }, { a: 2 }],
            [[1], [1]],
            [1, "1"],
            [null, null],
        ],
    ],
    ["oneOf", { oneOf: [{ type: "string" }, { type: "array", items: { type: "string" } }, { type: ["string", "null"] }] }, ["s", ["s"], [1], null, 1]],
    ["$ref", { $defs: { name: { type: "string", pattern: "^[a-z]+$" } }, type: "object", properties: { a: { $ref: "#/$defs/name" } } }, [{ a: "ok" }, { a: "KO" }, { a: 1 }]],
];

describe("schema validity check", () => {
    for (const [name, schema, values] of CASES) {
        it(`agrees with ajv: ${name}`, () => {
            assert.deepStrictEqual(disagreements(checkOf(schema), ajvOf(schema), values), []);
        });
    }

    it("refuses a keyword it does not check, rather than passing values it does not understand", () => {
        assert.throws(() => validityCheckSource({ type: "object", minProperties: 1 }), /unsupported keyword minProperties/);
        assert.throws(() => validityCheckSource({ type: "array", items: [{ type: "string" }] }), /tuple `items` is not supported/);
        assert.throws(() => validityCheckSource({ $ref: "other.json#/x" }), /unsupported \$ref/);
    });

    describe("on the Compose schema", function () {
        const schemaDir = path.join(REPO_ROOT, "dist", "provider", "src", "compose", "schema");
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const check = require(path.join(schemaDir, "compose-validity.js")) as Check;
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const ajv = require(path.join(schemaDir, "compose-validator.js")) as Check;

        before(function () {
            requireCorpus(this);
        });

        /** Every corpus YAML file that parses, as the loader validates it. */
        const models = (): unknown[] =>
            findFiles(CORPUS_DIR, (n) => /\.ya?ml$/.test(n)).flatMap((f) => {
                const source = parseYamlSource(f, fs.readFileSync(f, "utf8"), new DiagnosticSink());
                return source.value === undefined || source.value === null ? [] : [stripMarkers(source.value)];
            });

        it("agrees with ajv on every corpus file, valid or not", () => {
            const all = models();
            assert.ok(all.length > 100 && all.some((m) => !ajv(m)) && all.some((m) => ajv(m)), "the corpus has valid and invalid files");
            assert.deepStrictEqual(disagreements(check, ajv, all).slice(0, 3), []);
        });

        it("agrees with ajv on altered copies of the corpus files", () => {
            const all = models();
            let seed = 7;
            const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
            const pick = <T>(a: T[]): T => a[Math.floor(random() * a.length)] as T;
            const REPLACEMENTS: unknown[] = [null, 0, 1, -1, 1.5, true, "", "x", "1", "true", "a\nb", [], {}, ["a", "a"], [1, "1"], { "x-a": 1 }, { "": 1 }, { "a b": 1 }, 65536];
            const NEW_KEYS = ["x-extra", "unknown", "bad key", "image", "ports", "external", "driver", "", "constructor"];
            const altered: unknown[] = [];
            for (let n = 0; n < 3000; n++) {
                const copy = structuredClone(pick(all));
                const places: Array<[Record<string, unknown> | unknown[], string | number]> = [];
                const collect = (v: unknown) => {
                    if (Array.isArray(v)) {
                        v.forEach((x, i) => {
                            places.push([v, i]);
                            collect(x);
                        });
                    } else if (v && typeof v === "object") {
                        for (const [k, x] of Object.entries(v)) {
                            places.push([v as Record<string, unknown>, k]);
                            collect(x);
                        }
                    }
                };
                collect(copy);
                if (places.length === 0) continue;
                const [parent, key] = pick(places);
                const r = random();
                if (Array.isArray(parent)) {
                    if (r < 0.5) parent[key as number] = pick(REPLACEMENTS);
                    else parent.push(structuredClone(parent[key as number]));
                } else if (r < 0.4) parent[key as string] = pick(REPLACEMENTS);
                else if (r < 0.6) delete parent[key as string];
                else if (r < 0.8) parent[pick(NEW_KEYS)] = pick(REPLACEMENTS);
                else parent[key as string] = structuredClone(pick(places)[0]);
                altered.push(copy);
            }
            assert.ok(altered.filter((m) => ajv(m)).length > 300, "enough altered copies stay valid");
            assert.deepStrictEqual(disagreements(check, ajv, altered).slice(0, 3), []);
        });
    });
});
