/**
 * The translation table covers the Compose schema the loader uses: every property path of a
 * service and of the top-level elements has an entry for every cloud (its own, or a parent's that
 * says it covers its children), and every entry names an attribute of the schema. Its refusals
 * point at features that exist, and the features refuse exactly where the entries say.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { FEATURES, FeatureId, featureEntry, isFeatureId } from "../../provider/src/model/translation/features";
import { KNOWN_EXTENSIONS } from "../../provider/src/model/translation/extensions";
import { PROJECT_TABLE, SERVICE_TABLE, coveringEntry, projectEntry } from "../../provider/src/model/translation/table";
import { CLOUD_NAMES } from "../../provider/src/model/types";
import { REPO_ROOT } from "../support/corpus";

type Schema = Record<string, unknown> & { $ref?: string; properties?: Record<string, Schema>; patternProperties?: Record<string, Schema>; items?: Schema; additionalProperties?: Schema | boolean };

const SCHEMA = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "provider/src/compose/schema/compose-spec.json"), "utf8")) as Schema & { $defs: Record<string, Schema> };

function resolve(node: Schema): Schema {
    let n = node;
    while (n.$ref) n = SCHEMA.$defs[n.$ref.split("/").pop()!];
    return n;
}

/** Every property path below `node`: `a.b`, `list[].c`, `map.*.d` (`*` for names the user chooses). */
function schemaPaths(node: Schema, prefix: string, out: Set<string>, depth = 0): Set<string> {
    if (depth > 12) return out;
    const n = resolve(node);
    for (const k of ["oneOf", "anyOf", "allOf"]) for (const alt of (n[k] as Schema[] | undefined) ?? []) schemaPaths(alt, prefix, out, depth + 1);
    if (n.items && typeof n.items === "object" && !Array.isArray(n.items)) schemaPaths(n.items, `${prefix}[]`, out, depth + 1);
    const join = (k: string) => (prefix ? `${prefix}.${k}` : k);
    for (const [k, v] of Object.entries(n.properties ?? {})) {
        out.add(join(k));
        schemaPaths(v, join(k), out, depth + 1);
    }
    for (const [pattern, v] of Object.entries(n.patternProperties ?? {})) if (pattern !== "^x-") schemaPaths(v, join("*"), out, depth + 1);
    if (n.additionalProperties && typeof n.additionalProperties === "object") schemaPaths(n.additionalProperties, join("*"), out, depth + 1);
    return out;
}

const SERVICE_PATHS = schemaPaths(SCHEMA.$defs.service, "", new Set());
const PROJECT_PATHS = new Set([...schemaPaths(SCHEMA, "", new Set())].filter((p) => !p.startsWith("services.")));

describe("the translation table", () => {
    it("walks a schema that has the nested attributes (sanity of the walk)", () => {
        for (const p of ["deploy.resources.limits.cpus", "build.args", "healthcheck.test", "ports[].protocol", "ulimits.*.soft", "networks.*.aliases"]) assert.ok(SERVICE_PATHS.has(p), p);
        for (const p of ["networks.*.driver", "volumes.*.external.name", "include[].path", "models.*.model"]) assert.ok(PROJECT_PATHS.has(p), p);
        assert.ok(SERVICE_PATHS.size > 250, `${SERVICE_PATHS.size} service paths`);
    });

    it("has an entry for every property path of a service, on every cloud", () => {
        const missing = [...SERVICE_PATHS].filter((p) => !coveringEntry(p)).sort();
        assert.deepEqual(missing, [], `service attributes without an entry: ${missing.join(", ")}`);
    });

    it("has an entry for every top-level element and its properties, on every cloud", () => {
        const missing = [...PROJECT_PATHS].filter((p) => !coveringEntry(p, projectEntry)).sort();
        assert.deepEqual(missing, [], `top-level attributes without an entry: ${missing.join(", ")}`);
    });

    it("names only attributes of the schema, each once, with a reason and three dispositions", () => {
        for (const [table, paths] of [
            [SERVICE_TABLE, SERVICE_PATHS],
            [PROJECT_TABLE, PROJECT_PATHS],
        ] as const) {
            const seen = new Set<string>();
            for (const e of table) {
                assert.ok(!seen.has(e.path), `${e.path} twice`);
                seen.add(e.path);
                assert.ok(paths.has(e.path) || e.path.startsWith("x-defang-"), `${e.path} is not in the schema`);
                assert.ok(e.why.length > 10, `${e.path}: why`);
                assert.deepEqual(Object.keys(e.dispositions).sort(), [...CLOUD_NAMES].sort(), e.path);
            }
        }
        assert.deepEqual(
            KNOWN_EXTENSIONS,
            SERVICE_TABLE.filter((e) => e.path.startsWith("x-defang-")).map((e) => e.path),
        );
    });

    it("refuses by features that exist, and each feature refuses exactly on the clouds its attribute says", () => {
        for (const e of [...SERVICE_TABLE, ...PROJECT_TABLE]) {
            for (const id of e.features ?? []) assert.ok(isFeatureId(id), `${e.path}: feature ${id} is not in FEATURES`);
            for (const cloud of CLOUD_NAMES) {
                const d = e.dispositions[cloud];
                if (d.kind !== "refused") continue;
                assert.ok(isFeatureId(d.feature), `${e.path}: feature ${d.feature} is not in FEATURES`);
                const f = featureEntry(d.feature);
                assert.ok(f.refusedOn.includes(cloud), `${e.path} is refused on ${cloud} but ${d.feature} is not`);
            }
            // A refusal of the whole attribute is detected from the table itself: no other cloud may refuse it there.
            if (e.features?.length || PROJECT_TABLE.includes(e)) continue;
            const ids = new Set(CLOUD_NAMES.flatMap((c) => (e.dispositions[c].kind === "refused" ? [(e.dispositions[c] as { feature: FeatureId }).feature] : [])));
            for (const id of ids) {
                for (const cloud of featureEntry(id).refusedOn) assert.equal(e.dispositions[cloud].kind, "refused", `${id} is refused on ${cloud}, but ${e.path} says ${e.dispositions[cloud].kind} there`);
            }
        }
        for (const [id, f] of Object.entries(FEATURES)) {
            assert.ok(f.message && f.hint, id);
            assert.ok(f.refusedOn.length > 0 || ("approximatedOn" in f && f.approximatedOn.length > 0), `${id} neither refused nor approximated anywhere`);
        }
    });
});
