/**
 * The compose loader is required on the first `loadProject` call: importing the package (a program
 * that only declares components from arguments) loads neither the loader nor the YAML parser.
 */
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as path from "path";

describe("compose loader on demand", function () {
    const entry = path.resolve(__dirname, "../../sdk/nodejs/index");
    const loaded = (code: string): string[] => {
        const script = `
            const defang = require(${JSON.stringify(entry)});
            ${code}
            process.stdout.write(JSON.stringify(Object.keys(require.cache).map((f) => f.split(require("path").sep).join("/"))));`;
        const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
        assert.equal(r.status, 0, r.stderr);
        return (JSON.parse(r.stdout) as string[]).filter((f) => f.includes("/node_modules/yaml/") || f.endsWith("/compose/load.js"));
    };

    it("importing the package loads neither the loader nor the YAML parser", function () {
        assert.deepEqual(loaded(""), []);
    });

    it("the first loadProject call loads them, and loads the project", function () {
        const files = loaded(`
            const r = defang.loadProject({ files: ["compose.yaml"], workingDir: "/nowhere", readFile: () => "services:\\n  web: { image: nginx }\\n" });
            if (Object.keys(r.project.services).join() !== "web") throw new Error("not loaded");`);
        assert.ok(
            files.some((f) => f.endsWith("/compose/load.js")),
            "the loader",
        );
        assert.ok(
            files.some((f) => f.includes("/node_modules/yaml/")),
            "the YAML parser",
        );
    });
});
