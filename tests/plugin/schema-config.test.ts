/**
 * What schema.json tells other languages beyond the components' shapes: every `defang:*` stack
 * setting the code reads (its `config` section), whole numbers as integers, closed sets as enums,
 * and a description on every property.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { STACK_SETTINGS } from "../../provider/src/model/stack-settings";
import { isEnumType, PackageSchema, PropertySpec } from "../../provider/src/plugin/package-schema";
import { REPO_ROOT } from "../support/corpus";

const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "schema.json"), "utf8")) as PackageSchema;
const SOURCE = path.join(REPO_ROOT, "provider", "src");
/** The one file that reads `defang:*` settings. */
const READER = path.join(SOURCE, "clouds", "stack-settings.ts");

/** `defang:*` names that are not settings: the tag that names a resource's project on AWS. */
const TAG_KEYS = new Set(["project"]);

function sourceFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}

describe("schema.json: config, numbers, enums and descriptions", function () {
    const variables = schema.config.variables ?? {};

    it("declares every `defang:*` setting of the table, with its type, default and description", function () {
        assert.deepStrictEqual(Object.keys(variables).sort(), Object.keys(STACK_SETTINGS).sort());
        for (const [name, setting] of Object.entries(STACK_SETTINGS)) {
            const v = variables[name];
            assert.strictEqual(v.description, setting.description, name);
            assert.strictEqual(v.default, "default" in setting ? setting.default : undefined, name);
            if ("choices" in setting) {
                const type = schema.types[v.$ref!.slice("#/types/".length)];
                assert.ok(type && isEnumType(type), `${name} is an enum`);
                assert.deepStrictEqual(
                    type.enum.map((e) => e.value),
                    [...setting.choices],
                    name,
                );
            } else assert.strictEqual(v.type, setting.type, name);
        }
        assert.strictEqual(variables.logRetentionDays.type, "integer");
        assert.strictEqual(variables.provider.$ref, "#/types/defang:index:CloudName");
        assert.strictEqual(variables.nat.$ref, "#/types/defang:index:InfrastructureOptionsNat");
    });

    it("declares every setting the code reads: settings are read in one place, by a key of the table", function () {
        const bypasses: string[] = [];
        const read = new Set<string>();
        const mentioned = new Map<string, string>();
        for (const file of sourceFiles(SOURCE)) {
            const text = fs.readFileSync(file, "utf8");
            const rel = path.relative(REPO_ROOT, file);
            if (file !== READER && /Config\(\s*["'`]defang["'`]\s*\)/.test(text)) bypasses.push(rel);
            for (const m of text.matchAll(/stackSetting\(\s*"([^"]+)"\s*\)/g)) read.add(m[1]);
            // A setting named in a message or a doc comment: `defang:nat`, not a type token (`defang:index:X`) or a dynamic provider (`dynamic/defang:X`).
            for (const m of text.matchAll(/(?<![/\w])defang:([a-z][A-Za-z]*)\b(?!:)/g)) if (!mentioned.has(m[1]) && !TAG_KEYS.has(m[1])) mentioned.set(m[1], rel);
        }
        assert.deepStrictEqual(bypasses, [], "these files read defang:* config without the table (use stackSetting from clouds/stack-settings.ts)");
        assert.ok(read.size >= 10, `the settings are read through stackSetting (${[...read].join(", ")})`);
        for (const name of read) assert.ok(variables[name], `defang:${name} is read but not declared in the schema`);
        for (const [name, file] of mentioned) assert.ok(variables[name], `defang:${name} (named in ${file}) is not declared in the schema`);
    });

    it("types whole numbers as integers and keeps fractions (CPUs) as numbers", function () {
        const prop = (type: string, field: string): PropertySpec => {
            const t = schema.types[`defang:index:${type}`];
            assert.ok(t && !isEnumType(t), type);
            return t.properties[field];
        };
        for (const [type, field] of [
            ["Port", "target"],
            ["Port", "published"],
            ["Deploy", "replicas"],
            ["Healthcheck", "retries"],
            ["Autoscaling", "minReplicas"],
            ["Autoscaling", "maxReplicas"],
            ["Autoscaling", "targetCpuPercent"],
            ["InfrastructureOptions", "logRetentionDays"],
        ]) {
            assert.strictEqual(prop(type, field).type, "integer", `${type}.${field}`);
        }
        assert.deepStrictEqual(
            prop("ResourceSize", "cpu").oneOf?.map((o) => o.type),
            ["string", "number"],
        );
        for (const token of ["defang:index:DefangPostgres", "defang:index:DefangRedis", "defang:index:DefangMongo"]) assert.strictEqual(schema.resources[token].properties.port.type, "integer", token);
        const numbers: string[] = [];
        const walk = (where: string, props: Record<string, PropertySpec>) => {
            for (const [k, p] of Object.entries(props)) if (p.type === "number") numbers.push(`${where}.${k}`);
        };
        for (const [token, t] of Object.entries(schema.types)) if (!isEnumType(t)) walk(token, t.properties);
        for (const [token, r] of Object.entries(schema.resources)) {
            walk(token, r.inputProperties);
            walk(token, r.properties);
        }
        assert.deepStrictEqual(numbers, [], "no field is a fractional number but the CPUs");
    });

    it("makes enums of appProtocol and platform, and describes every type and property", function () {
        const service = schema.resources["defang:index:DefangService"].inputProperties;
        assert.strictEqual(service.platform.$ref, "#/types/defang:index:Platform");
        const port = schema.types["defang:index:Port"];
        assert.ok(!isEnumType(port));
        assert.strictEqual(port.properties.appProtocol.$ref, "#/types/defang:index:AppProtocol");
        const missing: string[] = [];
        for (const [token, t] of Object.entries(schema.types)) {
            if (!t.description) missing.push(token);
            if (!isEnumType(t)) for (const [k, p] of Object.entries(t.properties)) if (!p.description) missing.push(`${token}.${k}`);
        }
        for (const [token, r] of Object.entries(schema.resources)) for (const [k, p] of Object.entries({ ...r.inputProperties, ...r.properties })) if (!p.description) missing.push(`${token}.${k}`);
        for (const [k, p] of Object.entries(variables)) if (!p.description) missing.push(`config ${k}`);
        assert.deepStrictEqual(missing, []);
    });

    it("describes each service setting for all three clouds, not AWS alone", function () {
        const service = schema.resources["defang:index:DefangService"].inputProperties;
        assert.match(service.user.description ?? "", /DigitalOcean refuses it/);
        assert.match(service.user.description ?? "", /Google Cloud runs the image's USER/);
        assert.match(service.workingDir.description ?? "", /refused on DigitalOcean/);
        assert.match(service.platform.description ?? "", /refused by Google Cloud and DigitalOcean/);
        assert.match(service.stopGracePeriod.description ?? "", /Google Cloud gives 10s/);
        const build = schema.types["defang:index:Build"];
        assert.match(build.description ?? "", /DigitalOcean/);
    });

    it("is what the README's table of stack settings says, row for row", function () {
        const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
        const start = readme.indexOf("### Stack settings (`defang:*`)");
        const next = readme.indexOf("\n#", start + 1);
        const section = readme.slice(start, next < 0 ? undefined : next);
        const rows = section
            .split("\n")
            .filter((l) => l.startsWith("| `defang:"))
            .map((l) => l);
        const expected = Object.entries(variables).map(([name, v]) => {
            const type = v.$ref ? (schema.types[v.$ref.slice("#/types/".length)] as { enum: Array<{ value: string }> }).enum.map((e) => `\`${e.value}\``).join(" \\| ") : v.type;
            const fallback = v.default === undefined ? "-" : `\`${String(v.default)}\``;
            return `| \`defang:${name}\` | ${type} | ${fallback} | ${(v.description ?? "").replace(/\|/g, "\\|")} |`;
        });
        assert.deepStrictEqual(rows, expected, "README: regenerate the table of stack settings (node scripts/generate-settings-table.js)");
    });
});
