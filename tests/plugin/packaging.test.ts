/**
 * How the plugin reaches a user's machine: the npm package's `pulumi-resource-defang` bin (Pulumi
 * finds plugins on the PATH), and the plugin archive of `make plugin`, both of which find
 * schema.json and package.json above the compiled entry.
 */
import * as assert from "assert";
import { execFileSync } from "child_process";
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

    it("loads neither the components nor a cloud SDK to start: the first Construct does", function () {
        // The entry's own imports, as it loads them, without starting the server.
        const script = `
            for (const m of ["@pulumi/pulumi/provider/server", "./component-provider", "./lifecycle", "./package-files", "./wire-inputs"]) require(m.startsWith(".") ? require("path").join(${JSON.stringify(path.join(REPO_ROOT, "dist", "provider", "src", "plugin"))}, m) : m);
            process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
        const loaded = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: REPO_ROOT, encoding: "utf8" })) as string[];
        assert.deepStrictEqual(
            loaded.filter((f) => /[\\/]@pulumi[\\/](aws|gcp|digitalocean)[\\/]|[\\/]src[\\/]components[\\/]/.test(f)),
            [],
        );
        assert.ok(!loaded.some((f) => f.endsWith(path.join("@pulumi", "pulumi", "index.js"))), "not the whole Pulumi SDK either");
    });

    it("says where it looked when schema.json is missing", function () {
        assert.throws(() => packageRoot(path.parse(REPO_ROOT).root), /schema\.json not found above/);
    });
});
