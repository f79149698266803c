/**
 * schema.json, the Pulumi package schema: well formed, and in step with package.json. (That it
 * matches the components is tested in tests/plugin/schema-drift.test.ts.)
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../support/corpus";

describe("schema.json", function () {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "schema.json"), "utf8")) as Record<string, unknown>;
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { name: string; version: string };

    it("names the package defang, at the version of package.json", function () {
        assert.strictEqual(schema.name, "defang");
        assert.strictEqual(schema.version, pkg.version);
    });
    it("has a language section for every SDK, the Node.js one naming the npm package", function () {
        const language = schema.language as Record<string, Record<string, unknown>>;
        assert.deepStrictEqual(Object.keys(language).sort(), ["csharp", "go", "nodejs", "python"]);
        assert.strictEqual(language.nodejs.packageName, pkg.name);
        assert.strictEqual(language.python.packageName, "pulumi_defang");
        assert.match(String(language.go.importBasePath), /\/sdk\/go\/defang$/);
    });
    it("has the sections a package schema has", function () {
        for (const k of ["resources", "types", "functions", "config"]) assert.strictEqual(typeof schema[k], "object", k);
    });
    it("declares every resource a component, with inputs and outputs, and every type token in the package's index module", function () {
        const resources = schema.resources as Record<string, { isComponent?: boolean; inputProperties?: object; properties?: object }>;
        assert.ok(Object.keys(resources).length >= 5);
        for (const [token, r] of Object.entries(resources)) {
            assert.match(token, /^defang:index:[A-Z][A-Za-z]+$/);
            assert.strictEqual(r.isComponent, true, token);
            assert.strictEqual(typeof r.inputProperties, "object", token);
            assert.strictEqual(typeof r.properties, "object", token);
        }
        for (const token of Object.keys(schema.types as object)) assert.match(token, /^defang:index:[A-Z][A-Za-z]+$/);
    });
});
