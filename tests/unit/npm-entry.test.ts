/**
 * The npm package's entry point (package.json `main`) loads and exports the loader.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../support/corpus";

describe("npm entry point", function () {
    it("is package.json's main, and exports loadProject and ComposeError", function () {
        const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { main: string; bin: Record<string, string> };
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const entry = require(path.join(REPO_ROOT, pkg.main)) as Record<string, unknown>;
        assert.strictEqual(typeof entry.loadProject, "function");
        assert.strictEqual(typeof entry.ComposeError, "function");
        assert.ok(fs.existsSync(path.join(REPO_ROOT, pkg.bin["pulumi-defang"])), "the pulumi-defang bin is built");
    });
});
