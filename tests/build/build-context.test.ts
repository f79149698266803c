/**
 * The archive layout of a prepared build: the context under `context/`, the Dockerfile's path for
 * `docker build --file`, an inline or outside Dockerfile beside the context, and the list of
 * executable files whose mode the builder restores.
 */
import { strict as assert } from "assert";
import * as path from "path";
import { ARCHIVE_EXECUTABLES, dockerPlatform, prepareBuild } from "../../provider/src/build/build-context";
import { BuildContextError } from "../../provider/src/build/context-files";
import { makeTree, removeTrees } from "./temp-tree";

describe("prepared build", () => {
    after(removeTrees);

    it("puts the context under context/ and points --file at the Dockerfile in it", () => {
        const root = makeTree({
            "docker/app.Dockerfile": "FROM scratch\n",
            "src/a.txt": "a",
            "bin/run": { content: "#!/bin/sh\n", mode: 0o755 },
            "-tricky": { content: "", mode: 0o700 },
            ".dockerignore": "*.log\n",
            "x.log": "",
        });
        const p = prepareBuild({ context: root, dockerfile: "docker/app.Dockerfile", args: { A: "1" }, target: "prod" }, "arm64");
        assert.deepEqual(Object.keys(p.entries).sort(), ["context/-tricky", "context/.dockerignore", "context/bin/run", "context/docker/app.Dockerfile", "context/src/a.txt", ARCHIVE_EXECUTABLES].sort());
        assert.deepEqual(p.entries["context/src/a.txt"], { kind: "file", absolutePath: path.join(root, "src/a.txt") });
        assert.equal(p.dockerfilePath, "context/docker/app.Dockerfile");
        assert.equal(p.contextPath, "context");
        assert.deepEqual(p.executables, ["-tricky", "bin/run"]);
        assert.deepEqual(p.entries[ARCHIVE_EXECUTABLES], { kind: "text", text: "-tricky\0bin/run\0" });
        assert.equal(p.platform, "linux/arm64");
        assert.deepEqual([p.args, p.target], [{ A: "1" }, "prod"]);
    });

    it("writes an inline Dockerfile beside the context", () => {
        const root = makeTree({ "main.go": "package main" });
        const p = prepareBuild({ context: root, dockerfile: "Dockerfile", dockerfileInline: "FROM golang\n", args: {} }, "x86_64");
        assert.equal(p.dockerfilePath, "Dockerfile");
        assert.deepEqual(p.entries.Dockerfile, { kind: "text", text: "FROM golang\n" });
        assert.equal(ARCHIVE_EXECUTABLES in p.entries, false, "no list when nothing is executable");
        assert.equal(p.platform, "linux/amd64");
    });

    it("sends a Dockerfile from outside the context beside it, with its own ignore file", () => {
        const parent = makeTree({ "app/main.py": "", "app/cache.tmp": "", "ops/Dockerfile": "FROM python\n", "ops/Dockerfile.dockerignore": "*.tmp\n" });
        const p = prepareBuild({ context: path.join(parent, "app"), dockerfile: "../ops/Dockerfile", args: {} }, "x86_64");
        assert.equal(p.dockerfilePath, "Dockerfile");
        assert.deepEqual(p.entries.Dockerfile, { kind: "file", absolutePath: path.join(parent, "ops/Dockerfile") });
        assert.deepEqual(p.entries["Dockerfile.dockerignore"], { kind: "file", absolutePath: path.join(parent, "ops/Dockerfile.dockerignore") });
        assert.deepEqual(
            Object.keys(p.entries).filter((k) => k.startsWith("context/")),
            ["context/main.py"],
        );
    });

    it("rejects an empty inline Dockerfile", () => {
        const root = makeTree({ "main.go": "" });
        assert.throws(() => prepareBuild({ context: root, dockerfile: "Dockerfile", dockerfileInline: " \n", args: {} }, "x86_64"), /inline Dockerfile .* is empty/);
    });

    it("fails before anything exists when the Dockerfile is missing", () => {
        const root = makeTree({ "main.go": "" });
        assert.throws(
            () => prepareBuild({ context: root, dockerfile: "Dockerfile", args: {} }, "x86_64"),
            (e: Error) => e instanceof BuildContextError && e.message.includes(path.join(root, "Dockerfile")),
        );
    });

    it("maps architectures to Docker platforms", () => {
        assert.equal(dockerPlatform("x86_64"), "linux/amd64");
        assert.equal(dockerPlatform("arm64"), "linux/arm64");
    });
});
