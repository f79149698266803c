/**
 * The plugin examples stay true to the schema: the Pulumi YAML programs use its tokens and
 * arguments (checked as the plugin checks a Construct's inputs), and the Python program the
 * names the generated SDK has for them.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { componentArgs } from "../../provider/src/plugin/inputs";
import { isEnumType, PackageSchema } from "../../provider/src/plugin/package-schema";
import { REPO_ROOT } from "../support/corpus";

const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "schema.json"), "utf8")) as PackageSchema;
const examples = path.join(REPO_ROOT, "examples");

describe("plugin examples", function () {
    for (const dir of ["yaml-project", "yaml-service"]) {
        it(`${dir}/Pulumi.yaml uses the schema's tokens and arguments`, async function () {
            const program = YAML.parse(fs.readFileSync(path.join(examples, dir, "Pulumi.yaml"), "utf8")) as { resources: Record<string, { type: string; properties: Record<string, unknown> }> };
            const resources = Object.entries(program.resources);
            assert.ok(resources.length > 0);
            for (const [name, r] of resources) {
                assert.ok(schema.resources[r.type], `${name}: ${r.type} is in the schema`);
                await componentArgs(schema, r.type, name, r.properties);
            }
        });
    }

    it("yaml-project's compose file is there", function () {
        assert.ok(fs.existsSync(path.join(examples, "yaml-project", "compose.yaml")));
    });

    it("python-project uses the names of the generated Python SDK", function () {
        const source = fs.readFileSync(path.join(examples, "python-project", "__main__.py"), "utf8");
        const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
        for (const [, cls] of source.matchAll(/defang\.(Defang[A-Za-z]+)\(/g)) assert.ok(schema.resources[`defang:index:${cls}`], `${cls} is a component`);
        for (const [, type] of source.matchAll(/defang\.([A-Za-z]+)Args\(/g)) assert.ok(schema.types[`defang:index:${type}`], `${type} is a type`);
        for (const [, e, member] of source.matchAll(/defang\.([A-Za-z]+)\.([A-Z_]+)\b/g)) {
            const t = schema.types[`defang:index:${e}`];
            assert.ok(t && isEnumType(t) && t.enum.some((m) => snake(String(m.name)).replace(/^_/, "").toUpperCase() === member), `${e}.${member} is an enum member`);
        }
        const inputs = new Set(Object.values(schema.resources).flatMap((r) => Object.keys(r.inputProperties).map(snake)));
        for (const t of Object.values(schema.types)) if (!isEnumType(t)) for (const k of Object.keys(t.properties)) inputs.add(snake(k));
        for (const [, kw] of source.matchAll(/\b([a-z_]+)=/g)) assert.ok(inputs.has(kw), `${kw}= is an argument`);
    });
});
