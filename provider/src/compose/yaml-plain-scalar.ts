/**
 * How a plain (unquoted, untagged) YAML scalar resolves: null, a boolean, a number or a string, by
 * the same schema and in the same order as the `yaml` package's composer (YAML 1.2 core). The readers
 * that skip the composer (yaml-cst-reader.ts, yaml-scanner.ts) resolve plain scalars here.
 */
import * as YAML from "yaml";
import { AnyPattern } from "../util/any-pattern";
import type { ScalarParts } from "./yaml-reader";

interface PlainTag {
    default?: boolean | "key";
    test?: RegExp;
    resolve: (value: string, onError: (message: string) => void, options: unknown) => unknown;
}

interface PlainSchema {
    /** The tags tried on a plain value, in the schema's order. */
    valueTags: ReadonlyArray<PlainTag>;
    /** The tags tried on a plain key (`default: "key"` ones too), in the schema's order. */
    keyTags: ReadonlyArray<PlainTag>;
    /** Matches what any of `keyTags` matches: most scalars are strings, found so with one test instead of one per tag. */
    anyTag: AnyPattern;
    options: unknown;
}

let plainSchema: PlainSchema | undefined;

function schema(): PlainSchema {
    if (!plainSchema) {
        // The options `parseYamlSource` composes with; the schema is YAML 1.2 core with merge keys.
        const doc = new YAML.Document(null, { merge: true, strict: true, uniqueKeys: false });
        const tags = doc.schema.tags as unknown as PlainTag[];
        const keyTags = tags.filter((t) => (t.default === true || t.default === "key") && t.test);
        plainSchema = {
            valueTags: tags.filter((t) => t.default === true && t.test),
            keyTags,
            // The core schema's patterns match a whole scalar (`^...$`), so the joined one is tried at
            // its start only; the tests that compare the readers with the composer would see a change.
            anyTag: new AnyPattern(
                keyTags.flatMap((t) => (t.test ? [t.test] : [])),
                true,
            ),
            options: doc.options,
        };
    }
    return plainSchema;
}

/** Set when a tag's resolver reports a problem: the composer would report it too. */
let failed = false;
const onError = (): void => {
    failed = true;
};

/**
 * The parts of plain scalar `text` (already folded and trimmed) as the composer resolves them, at a
 * map key or elsewhere; `undefined` when the composer would report a problem or make an object or a merge key of it.
 */
export function plainScalarParts(text: string, atKey: boolean): ScalarParts | undefined {
    const { valueTags, keyTags, anyTag, options } = schema();
    if (!anyTag.test(text)) return { value: text, source: text, type: "PLAIN" };
    let tag: PlainTag | undefined;
    for (const t of atKey ? keyTags : valueTags) {
        if (t.test?.test(text)) {
            tag = t;
            break;
        }
    }
    // No tag matches: a plain string.
    if (!tag) return { value: text, source: text, type: "PLAIN" };
    failed = false;
    // Some tags resolve to a `Scalar` (null, booleans, floats with trailing zeros), others to the value itself.
    const resolved = tag.resolve(text, onError, options);
    if (failed) return undefined;
    const v = YAML.isScalar(resolved) ? resolved.value : resolved;
    // An object, or the merge key's symbol (`<<`): left to the composer.
    if ((v !== null && typeof v === "object") || typeof v === "symbol") return undefined;
    return { value: v, source: text, type: "PLAIN" };
}
