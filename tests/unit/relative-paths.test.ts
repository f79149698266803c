/**
 * Paths of the canonical project made relative to the project directory: what `path.relative`
 * says, for paths written below the directory as for the others, and in place.
 */
import * as assert from "assert";
import { relativePath, relativizePaths } from "../../provider/src/compose/canonical/relative-paths";
import { ComposeProject } from "../../provider/src/compose/types";

describe("relativePath", () => {
    it("writes a path below the project directory from ./", () => {
        assert.strictEqual(relativePath("/p/app", "/p"), "./app");
        assert.strictEqual(relativePath("/p/app/src/main.ts", "/p"), "./app/src/main.ts");
        assert.strictEqual(relativePath("/p", "/p"), ".");
        assert.strictEqual(relativePath("/x", "/"), "./x");
    });

    it("normalizes a path that was not resolved, as path.relative does", () => {
        assert.strictEqual(relativePath("/p/a/./b", "/p"), "./a/b");
        assert.strictEqual(relativePath("/p/a//b", "/p"), "./a/b");
        assert.strictEqual(relativePath("/p/a/b/", "/p"), "./a/b");
        assert.strictEqual(relativePath("/p/a/../b", "/p"), "./b");
        assert.strictEqual(relativePath("/p/app", "/p/"), "./app");
        assert.strictEqual(relativePath("/p/app", "/p/x/.."), "./app");
    });

    it("keeps absolute a path outside the directory, or one whose first part starts with ..", () => {
        assert.strictEqual(relativePath("/q/app", "/p"), "/q/app");
        assert.strictEqual(relativePath("/pq/app", "/p"), "/pq/app");
        assert.strictEqual(relativePath("/p/../q", "/p"), "/p/../q");
        assert.strictEqual(relativePath("/p/..data", "/p"), "/p/..data");
    });

    it("leaves a relative path as it is", () => {
        assert.strictEqual(relativePath("./app", "/p"), "./app");
        assert.strictEqual(relativePath("app", "/p"), "app");
    });
});

describe("relativizePaths", () => {
    function project(): ComposeProject {
        return {
            name: "p",
            services: {
                web: {
                    build: { context: "/p/web", additional_contexts: { base: "/p/base", other: "/elsewhere" } },
                    volumes: [
                        { type: "bind", source: "/p/data", target: "/data" },
                        { type: "volume", source: "/p/not-a-path", target: "/v" },
                    ],
                    env_file: [{ path: "/p/.env.web", required: true }],
                    label_file: ["/p/labels"],
                },
                db: { image: "postgres:16" },
            },
            secrets: { key: { file: "/p/key.txt" }, ext: { external: true } },
            configs: { conf: { file: "/p/conf.ini" } },
        } as ComposeProject;
    }

    it("makes the paths of builds, bind mounts, env and label files, secrets and configs relative, in place", () => {
        const p = project();
        const web = p.services.web;
        const out = relativizePaths(p, "/p");
        assert.strictEqual(out, p);
        assert.strictEqual(out.services.web, web);
        assert.deepStrictEqual(out, {
            name: "p",
            services: {
                web: {
                    build: { context: "./web", additional_contexts: { base: "./base", other: "/elsewhere" } },
                    volumes: [
                        { type: "bind", source: "./data", target: "/data" },
                        { type: "volume", source: "/p/not-a-path", target: "/v" },
                    ],
                    env_file: [{ path: "./.env.web", required: true }],
                    label_file: ["./labels"],
                },
                db: { image: "postgres:16" },
            },
            secrets: { key: { file: "./key.txt" }, ext: { external: true } },
            configs: { conf: { file: "./conf.ini" } },
        });
    });

    it("changes nothing more the second time", () => {
        const once = relativizePaths(project(), "/p");
        const twice = relativizePaths(relativizePaths(project(), "/p"), "/p");
        assert.deepStrictEqual(twice, once);
    });
});
