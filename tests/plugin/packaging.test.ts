/**
 * How the plugin reaches a user's machine: the npm package's `pulumi-resource-defang` bin (Pulumi
 * finds plugins on the PATH), and the plugin archive of `make plugin`, both of which find
 * schema.json and package.json above the compiled entry.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { packageRoot, readPackageFiles } from "../../provider/src/plugin/package-files";
import { REPO_ROOT } from "../support/corpus";
import { PLUGIN_MAIN } from "./plugin-process";

describe("provider plugin packaging", function () {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string; bin: Record<string, string>; files: string[] };

    it("is the npm package's pulumi-resource-defang bin, built, with a node shebang", function () {
        const bin = path.join(REPO_ROOT, pkg.bin["pulumi-resource-defang"]);
        assert.strictEqual(bin, PLUGIN_MAIN);
        assert.match(fs.readFileSync(bin, "utf8"), /^#!\/usr\/bin\/env node\n/);
    });

    it("ships schema.json and the compiled plugin in the npm package", function () {
        assert.ok(pkg.files.includes("schema.json"));
        assert.ok(pkg.files.includes("dist/provider"));
    });

    it("finds the package files above the compiled plugin, at the package version", function () {
        assert.strictEqual(packageRoot(path.dirname(PLUGIN_MAIN)), REPO_ROOT);
        const files = readPackageFiles(REPO_ROOT);
        assert.strictEqual(files.version, pkg.version);
        assert.strictEqual(files.schema.version, pkg.version);
    });

    it("says where it looked when schema.json is missing", function () {
        assert.throws(() => packageRoot(path.parse(REPO_ROOT).root), /schema\.json not found above/);
    });
});
