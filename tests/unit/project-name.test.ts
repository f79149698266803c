/**
 * The project name taken from the project directory when nothing else names the project: its name
 * in lowercase, without the characters a project name cannot have.
 */
import * as assert from "assert";
import { chooseProjectName, isValidProjectName, normalizeProjectName } from "../../provider/src/compose/project-name";

describe("project name from the directory", () => {
    it("keeps a directory name that is a valid project name, in lowercase", () => {
        assert.strictEqual(normalizeProjectName("shop-api_2"), "shop-api_2");
        assert.strictEqual(normalizeProjectName("Shop"), "shop");
    });

    it("drops the characters a project name cannot have, and leading '_' and '-'", () => {
        assert.strictEqual(normalizeProjectName("My Shop.v2"), "myshopv2");
        assert.strictEqual(normalizeProjectName("_-.app"), "app");
        assert.strictEqual(normalizeProjectName("-_"), "");
        assert.ok(isValidProjectName(normalizeProjectName("Ünïcode Dir!")));
    });

    it("is chosen last, from the resolved directory, and is 'default' when nothing is left", () => {
        assert.deepStrictEqual(chooseProjectName({ workingDir: "/work/My App" }), { name: "myapp", from: "directory" });
        assert.deepStrictEqual(chooseProjectName({ workingDir: "/work/x/../Store" }), { name: "store", from: "directory" });
        assert.deepStrictEqual(chooseProjectName({ workingDir: "/work/__" }), { name: "default", from: "directory" });
        assert.deepStrictEqual(chooseProjectName({ fromFile: "named", workingDir: "/work/x" }), { name: "named", from: "file" });
    });
});
