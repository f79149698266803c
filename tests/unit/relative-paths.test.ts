/**
 * Paths made relative to the project directory: below it `./x`, the directory itself `.`, and
 * anything else (outside, or only resolving inside through `..`) as written or resolved.
 */
import * as assert from "assert";
import * as path from "path";
import { relativePath } from "../../provider/src/compose/canonical/relative-paths";

/** What `path.relative` says, with the rules above: the meaning the function must keep. */
function expected(p: string, workingDir: string): string {
    if (!path.isAbsolute(p)) return p;
    if (p === workingDir) return ".";
    const rel = path.relative(workingDir, p);
    if (rel.startsWith("..") || path.isAbsolute(rel)) return p;
    return "./" + rel.split(path.sep).join("/");
}

describe("relativePath", () => {
    it("cuts the project directory off the paths below it", () => {
        assert.strictEqual(relativePath("/w/app", "/w"), "./app");
        assert.strictEqual(relativePath("/w/app/src", "/w"), "./app/src");
        assert.strictEqual(relativePath("/w", "/w"), ".");
        assert.strictEqual(relativePath("app", "/w"), "app");
    });

    it("keeps paths outside the project directory, and resolves those that are not normalized", () => {
        const cases: Array<[string, string]> = [
            ["/wx/app", "/w"],
            ["/other", "/w"],
            ["/w/../other", "/w"],
            ["/w/./app", "/w"],
            ["/w//app", "/w"],
            ["/w/app/", "/w"],
            ["/w/app/..", "/w"],
            ["/w/..app", "/w"],
            ["/w/.app", "/w"],
            ["/x", "/"],
        ];
        for (const [p, w] of cases) assert.strictEqual(relativePath(p, w), expected(p, w), `${p} from ${w}`);
    });
});
