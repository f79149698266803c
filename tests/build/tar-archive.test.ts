/**
 * The build's gzipped tar: what the system's `tar` unpacks from it (names, long names, texts,
 * execute bits), and that the same entries always give the same bytes.
 */
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { tarGz } from "../../provider/src/build/tar-archive";
import { makeTree, removeTrees } from "./temp-tree";

describe("build context tar.gz", function () {
    after(removeTrees);

    it("unpacks with tar to the same files, long names and execute bits included, and is reproducible", function () {
        const src = makeTree({ "a.txt": "alpha\n", "bin/run": { content: "#!/bin/sh\necho hi\n", mode: 0o755 } });
        const long = `context/${"deep/".repeat(25)}file.txt`;
        const entries = {
            "context/a.txt": { kind: "file" as const, absolutePath: path.join(src, "a.txt") },
            "context/bin/run": { kind: "file" as const, absolutePath: path.join(src, "bin/run") },
            [long]: { kind: "text" as const, text: "long name ü\n" },
            Dockerfile: { kind: "text" as const, text: "FROM scratch\n" },
        };
        const archive = tarGz(entries, new Set(["context/bin/run"]));
        assert.deepEqual(tarGz(entries, new Set(["context/bin/run"])), archive, "same entries, same bytes");
        const out = makeTree({});
        fs.writeFileSync(path.join(out, "c.tar.gz"), archive);
        const r = spawnSync("tar", ["-xzf", "c.tar.gz"], { cwd: out, encoding: "utf8" });
        assert.equal(r.status, 0, r.stderr);
        assert.equal(fs.readFileSync(path.join(out, "context/a.txt"), "utf8"), "alpha\n");
        assert.equal(fs.readFileSync(path.join(out, long), "utf8"), "long name ü\n");
        assert.equal(fs.readFileSync(path.join(out, "Dockerfile"), "utf8"), "FROM scratch\n");
        assert.equal(fs.statSync(path.join(out, "context/bin/run")).mode & 0o777, 0o755);
        assert.equal(fs.statSync(path.join(out, "context/a.txt")).mode & 0o111, 0, "only the listed files are executable");
    });
});
