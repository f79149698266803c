/**
 * The README's "what each cloud does with each compose key" table is the translation table, as
 * `scripts/generate-translation-table.js` writes it.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { TABLE_BEGIN, TABLE_END, translationMarkdown, withTranslationTable } from "../../provider/src/model/translation/markdown";
import { REPO_ROOT } from "../support/corpus";

describe("README compose key table", () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");

    it("stands between its markers and is current with the translation table (run `npm run readme-table`)", () => {
        assert.ok(readme.includes(TABLE_BEGIN) && readme.includes(TABLE_END), "the markers are in README.md");
        assert.ok(withTranslationTable(readme) === readme, "README.md's compose key table is out of date: run `npm run readme-table` and commit it");
    });

    it("has a row per attribute with the three clouds' dispositions", () => {
        const md = translationMarkdown();
        assert.match(md, /^\| `cap_add` \| ✗ refused: Linux capabilities cannot be added[^|]*\| ✗ refused: [^|]*\| ✗ refused: [^|]*\| /m);
        assert.match(md, /^\| `user` \(see `container-user`\) \| container definition `user` \| ⚠ `user` is not applied on Cloud Run[^|]*\| ✗ refused: the user a container runs as cannot be chosen \| /m);
        assert.match(md, /^\| `deploy\.resources\.limits\.cpus` \| Fargate task `cpu` and `memory`/m);
    });

    it("would notice a stale table", () => {
        const stale = readme.replace(/^\| `tty` \|[^\n]*\n/m, "");
        assert.notEqual(stale, readme);
        assert.notEqual(withTranslationTable(stale), stale);
    });
});
