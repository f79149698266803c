/**
 * schema.json, the Pulumi package schema: well formed, and in step with package.json.
 * (It grows with the component provider, which will generate it and test it for drift.)
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
    });
    it("has the sections a package schema has", function () {
        for (const k of ["resources", "types", "functions", "config"]) assert.strictEqual(typeof schema[k], "object", k);
    });
});
