/**
 * Listing a build context: what `docker build` would send, honouring `.dockerignore` (or the
 * Dockerfile's own ignore file), always with the Dockerfile and the ignore file, in path order.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { BuildContextError, listContextFiles } from "../../provider/src/build/context-files";
import { makeTree, removeTrees } from "./temp-tree";

describe("build context files", () => {
    after(removeTrees);

    it("lists the files that are not ignored, plus the Dockerfile and .dockerignore, sorted", () => {
        const root = makeTree({
            Dockerfile: "FROM scratch\n",
            ".dockerignore": "node_modules\n**/*.log\n!keep.log\nsecret.env\nDockerfile\n.dockerignore\ndocs\n!docs/keep.md\n",
            "src/index.js": "console.log(1)\n",
            "src/debug.log": "noise",
            "keep.log": "kept",
            "app.log": "noise",
            "node_modules/x/index.js": "dep",
            "secret.env": "TOKEN=1",
            "docs/a.md": "a",
            "docs/keep.md": "keep",
            "run.sh": { content: "#!/bin/sh\n", mode: 0o755 },
            "link.js": { link: "src/index.js" },
            linkdir: { link: "src" },
            dangling: { link: "nowhere" },
            "empty-dir": null,
        });
        const { files, ignoreFile } = listContextFiles(root, { dockerfile: "Dockerfile" });
        assert.equal(ignoreFile, ".dockerignore");
        assert.deepEqual(
            files.map((f) => f.path),
            [".dockerignore", "Dockerfile", "docs/keep.md", "keep.log", "link.js", "run.sh", "src/index.js"],
        );
        const byPath = new Map(files.map((f) => [f.path, f]));
        assert.equal(byPath.get("run.sh")?.executable, true);
        assert.equal(byPath.get("src/index.js")?.executable, false);
        assert.equal(byPath.get("src/index.js")?.absolutePath, path.join(root, "src/index.js"));
        assert.equal(byPath.get("src/index.js")?.size, "console.log(1)\n".length);
        // A link to a file is sent as the file.
        assert.equal(byPath.get("link.js")?.absolutePath, path.join(root, "link.js"));
    });

    it("lists everything when there is no ignore file", () => {
        const root = makeTree({ Dockerfile: "FROM scratch\n", "a/b/c.txt": "c", ".env": "X=1" });
        const { files, ignoreFile } = listContextFiles(root, { dockerfile: "Dockerfile" });
        assert.equal(ignoreFile, undefined);
        assert.deepEqual(
            files.map((f) => f.path),
            [".env", "Dockerfile", "a/b/c.txt"],
        );
    });

    it("uses <Dockerfile>.dockerignore over .dockerignore, and sends it", () => {
        const root = makeTree({
            "build/api.Dockerfile": "FROM scratch\n",
            "build/api.Dockerfile.dockerignore": "web\n",
            ".dockerignore": "api\n",
            "api/main.go": "package main",
            "web/index.html": "<p>",
        });
        const { files, ignoreFile } = listContextFiles(root, { dockerfile: "build/api.Dockerfile" });
        assert.equal(ignoreFile, "build/api.Dockerfile.dockerignore");
        assert.deepEqual(
            files.map((f) => f.path),
            [".dockerignore", "api/main.go", "build/api.Dockerfile", "build/api.Dockerfile.dockerignore"],
        );
    });

    it("sends a Dockerfile that lies in an ignored directory", () => {
        const root = makeTree({ "docker/Dockerfile": "FROM scratch\n", "docker/notes.txt": "n", ".dockerignore": "docker\n", "main.py": "" });
        const { files } = listContextFiles(root, { dockerfile: "docker/Dockerfile" });
        assert.deepEqual(
            files.map((f) => f.path),
            [".dockerignore", "docker/Dockerfile", "main.py"],
        );
    });

    it("walks an excluded directory only when an exception may re-include something in it", () => {
        const root = makeTree({ ".dockerignore": "vendor\n!vendor/keep/**\n", "vendor/keep/a.txt": "a", "vendor/drop/b.txt": "b", Dockerfile: "" });
        assert.deepEqual(
            listContextFiles(root, { dockerfile: "Dockerfile" }).files.map((f) => f.path),
            [".dockerignore", "Dockerfile", "vendor/keep/a.txt"],
        );
    });

    it("does not depend on the order the directory is read in", () => {
        const root = makeTree({ "b.txt": "", "a.txt": "", "B/x": "", "a/x": "", _: "" });
        const names = listContextFiles(root).files.map((f) => f.path);
        assert.deepEqual(names, [...names].sort());
        assert.deepEqual(names, ["B/x", "_", "a.txt", "a/x", "b.txt"]);
    });

    it("fails with the path when the context is missing or not a directory", () => {
        const root = makeTree({ file: "x" });
        assert.throws(
            () => listContextFiles(path.join(root, "missing")),
            (e: Error) => e instanceof BuildContextError && e.message.includes(path.join(root, "missing")),
        );
        assert.throws(() => listContextFiles(path.join(root, "file")), /is not a directory/);
    });

    it("reports an invalid .dockerignore with its path", () => {
        const root = makeTree({ ".dockerignore": "!\n", Dockerfile: "" });
        assert.throws(
            () => listContextFiles(root, { dockerfile: "Dockerfile" }),
            (e: Error) => e.message.includes(path.join(root, ".dockerignore")),
        );
        assert.ok(fs.existsSync(root));
    });
});
