/**
 * No test file imports another: the suite runs files in parallel workers, and a test file imported
 * by another registers its tests again in that file's run, in some workers and not others (so the
 * count of tests run would change from run to run). What tests share lives in `tests/support/`.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { findFiles, REPO_ROOT } from "../support/corpus";

/** Import specifiers of `source` that name a test file (`./x.test`, `../dir/x.test.js`). */
function testFileImports(source: string): string[] {
    return [...source.matchAll(/(?:from\s+|require\(\s*|import\(\s*)["']([^"']+\.test(?:\.js)?)["']/g)].map((m) => m[1] ?? "");
}

describe("test files", function () {
    it("import no other test file (shared fixtures and helpers live in tests/support/)", function () {
        const files = findFiles(path.join(REPO_ROOT, "tests"), (name) => name.endsWith(".ts"));
        assert.ok(files.length > 100, `only ${files.length} test sources found`);
        const offending = files.flatMap((f) => testFileImports(fs.readFileSync(f, "utf8")).map((spec) => `${path.relative(REPO_ROOT, f)} imports ${spec}`));
        assert.deepStrictEqual(offending, []);
    });

    it("finds such imports in the forms TypeScript and Node write them", function () {
        // Put together here, so that this file's own text holds no such import.
        const t = ".test";
        assert.deepStrictEqual(testFileImports(`import { A } from "./a${t}";\nconst b = require("../x/b${t}.js");\nimport("./c${t}")`), [`./a${t}`, `../x/b${t}.js`, `./c${t}`]);
        assert.deepStrictEqual(testFileImports(`import { A } from "../support/a";\n// "./b${t}" in a comment`), []);
    });
});
