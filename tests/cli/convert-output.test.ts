/**
 * Where `pulumi-defang convert` writes: all files or none (staged in a folder beside DIR, then
 * moved in), never through a symbolic link, and an --out that cannot take the files is exit 2 with
 * a message (a file, a path under a file, a directory under /proc, which even root cannot write),
 * never a bug report or a hang.
 */
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import fsModule = require("fs");
import * as os from "os";
import * as path from "path";
import { GeneratedFile } from "../../provider/src/convert/program";
import { OutputDirectoryError, writeFilesAtomically } from "../../provider/src/convert/write-files";
import { SHOWCASE, assertClean, cli } from "./run-cli";

const TYPESCRIPT_FILES = ["Pulumi.yaml", "index.ts", "package.json", "tsconfig.json"];

/** Every entry under `dir` with its kind and content, to compare a directory before and after. */
function snapshot(dir: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const name of fs.readdirSync(dir).sort()) {
        const p = path.join(dir, name);
        const stat = fs.lstatSync(p);
        out[name] = stat.isSymbolicLink() ? `link -> ${fs.readlinkSync(p)}` : stat.isDirectory() ? "dir" : `file ${fs.readFileSync(p, "utf8")}`;
    }
    return out;
}

/** Staging folders left beside `dir`'s entries. */
function leftovers(dir: string): string[] {
    return fs.readdirSync(dir).filter((n) => n.includes(".convert-"));
}

describe("pulumi-defang convert: where it writes", function () {
    let tmp: string;
    beforeEach(() => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "convert-out-"));
    });
    afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("refuses a symbolic link where a file is to go, even with --force, and writes nothing", () => {
        const outside = path.join(tmp, "outside.txt");
        fs.writeFileSync(outside, "keep me");
        const out = path.join(tmp, "infra");
        fs.mkdirSync(out);
        fs.symlinkSync(outside, path.join(out, "index.ts"));
        fs.symlinkSync("/etc/passwd", path.join(out, "package.json"));
        const before = snapshot(out);
        const passwd = fs.readFileSync("/etc/passwd", "utf8");
        for (const force of [[], ["--force"]]) {
            const r = cli(["convert", SHOWCASE, "--out", out, ...force]);
            assertClean(r, 2);
            assert.ok(r.stderr.includes(`error: ${out}/index.ts is a symbolic link (to ${outside}); convert does not write through links: remove it, or choose another --out`), r.stderr);
            assert.ok(r.stderr.includes(`error: ${out}/package.json is a symbolic link (to /etc/passwd)`), r.stderr);
            assert.strictEqual(r.stdout, "");
        }
        assert.deepStrictEqual(snapshot(out), before, "DIR is as it was");
        assert.strictEqual(fs.readFileSync(outside, "utf8"), "keep me");
        assert.strictEqual(fs.readFileSync("/etc/passwd", "utf8"), passwd);
        assert.deepStrictEqual(leftovers(tmp), []);
    });

    it("refuses a directory or a named pipe where a file is to go (a pipe would block the write)", () => {
        const out = path.join(tmp, "infra");
        fs.mkdirSync(path.join(out, "index.ts"), { recursive: true });
        const r = cli(["convert", SHOWCASE, "--out", out, "--force"]);
        assertClean(r, 2);
        assert.match(r.stderr, /infra\/index\.ts is a directory, where convert writes a file: remove it, or choose another --out/);
        fs.rmdirSync(path.join(out, "index.ts"));
        const fifo = path.join(out, "Pulumi.yaml");
        assert.strictEqual(spawnSync("mkfifo", [fifo]).status, 0, "mkfifo made a named pipe");
        const p = cli(["convert", SHOWCASE, "--out", out, "--force"]);
        assertClean(p, 2);
        assert.match(p.stderr, /infra\/Pulumi\.yaml is a named pipe, where convert writes a file/);
        assert.deepStrictEqual(fs.readdirSync(out), ["Pulumi.yaml"]);
    });

    it("an --out that is a file, or under a file, is exit 2 with a message", () => {
        const file = path.join(tmp, "notes.txt");
        fs.writeFileSync(file, "x");
        const r = cli(["convert", SHOWCASE, "--out", file]);
        assertClean(r, 2);
        assert.ok(r.stderr.includes(`error: --out ${file} is a file, not a directory; choose a directory`), r.stderr);
        const under = cli(["convert", SHOWCASE, "--out", path.join(file, "infra")]);
        assertClean(under, 2);
        assert.ok(under.stderr.includes(`error: --out ${file}/infra is under a file, not a directory; choose a directory`), under.stderr);
        assert.strictEqual(fs.readFileSync(file, "utf8"), "x");
        assert.deepStrictEqual(fs.readdirSync(tmp), ["notes.txt"]);
    });

    it("an --out that cannot be written (under /proc, even for root) is exit 2 with a message, and leaves nothing", () => {
        const missing = cli(["convert", SHOWCASE, "--out", "/proc/defang-convert/infra"]);
        assertClean(missing, 2);
        assert.match(
            missing.stderr,
            /^error: cannot write the Pulumi project to \/proc\/defang-convert\/infra: a directory cannot be created there \(mkdir \/proc\/defang-convert\); nothing was written, choose another --out$/m,
        );
        const existing = cli(["convert", SHOWCASE, "--out", "/proc/sys"]);
        assertClean(existing, 2);
        assert.match(existing.stderr, /^error: cannot write the Pulumi project to \/proc\/sys: .*; nothing was written, choose another --out$/m);
        assert.ok(!fs.existsSync("/proc/sys/index.ts"));
        assert.deepStrictEqual(leftovers("/"), [], "no staging folder is left beside /proc");
    });

    it("writes into a new DIR (and its missing parents) in one move, leaving no staging folder", () => {
        const out = path.join(tmp, "a", "b", "infra");
        assertClean(cli(["convert", SHOWCASE, "--out", out]), 0);
        assert.deepStrictEqual(fs.readdirSync(out).sort(), TYPESCRIPT_FILES);
        assert.deepStrictEqual(leftovers(path.dirname(out)), []);
        const mode = fs.statSync(out).mode & 0o777;
        assert.strictEqual(mode, 0o777 & ~process.umask(), "DIR gets the usual permissions, not a temporary folder's");
    });

    it("with --force, replaces the files it writes and keeps the others", () => {
        const out = path.join(tmp, "infra");
        fs.mkdirSync(out);
        fs.writeFileSync(path.join(out, "index.ts"), "old");
        fs.writeFileSync(path.join(out, "README.md"), "mine");
        assertClean(cli(["convert", SHOWCASE, "--out", out, "--force"]), 0);
        assert.deepStrictEqual(fs.readdirSync(out).sort(), ["README.md", ...TYPESCRIPT_FILES].sort());
        assert.match(fs.readFileSync(path.join(out, "index.ts"), "utf8"), /DefangProject/);
        assert.strictEqual(fs.readFileSync(path.join(out, "README.md"), "utf8"), "mine");
        assert.deepStrictEqual(leftovers(tmp), []);
    });
});

describe("writing the converted files all at once", function () {
    let tmp: string;
    const display = (p: string) => p;
    beforeEach(() => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "convert-write-"));
    });
    afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("an error while staging leaves DIR as it was, and no staging folder", () => {
        const out = path.join(tmp, "infra");
        fs.mkdirSync(out);
        fs.writeFileSync(path.join(out, "a.txt"), "old a");
        const files: GeneratedFile[] = [
            { path: "a.txt", content: "new a" },
            { path: "missing-dir/b.txt", content: "cannot be staged" },
        ];
        assert.throws(
            () => writeFilesAtomically(out, files, { overwrite: true, display }),
            (e: unknown) => {
                assert.ok(e instanceof OutputDirectoryError);
                assert.match(e.message, /^cannot write the Pulumi project to .*infra: a directory cannot be created there \(open .*missing-dir\/b\.txt\); nothing was written/);
                return true;
            },
        );
        assert.deepStrictEqual(snapshot(out), { "a.txt": "file old a" });
        assert.deepStrictEqual(leftovers(tmp), []);
    });

    it("an error while moving the files in puts back every file it had replaced", () => {
        const out = path.join(tmp, "infra");
        fs.mkdirSync(out);
        fs.writeFileSync(path.join(out, "a.txt"), "old a");
        fs.writeFileSync(path.join(out, "c.txt"), "old c");
        const files: GeneratedFile[] = ["a.txt", "b.txt", "c.txt"].map((p) => ({ path: p, content: `new ${p}` }));
        const rename = fsModule.renameSync;
        const into = path.join(fs.realpathSync(out), "c.txt");
        let injected = false;
        fsModule.renameSync = (from, to) => {
            // The new c.txt's move into DIR fails: after a.txt and b.txt are in, and the old c.txt is set aside.
            const putsBack = String(from).includes(`${path.sep}.previous${path.sep}`);
            if (injected || String(to) !== into || putsBack) return rename(from, to);
            injected = true;
            throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC", syscall: "rename", path: String(from) });
        };
        try {
            assert.throws(() => writeFilesAtomically(out, files, { overwrite: true, display }), /no space left on the device/);
        } finally {
            fsModule.renameSync = rename;
        }
        assert.ok(injected, "the failure was injected");
        assert.deepStrictEqual(snapshot(out), { "a.txt": "file old a", "c.txt": "file old c" });
        assert.deepStrictEqual(leftovers(tmp), []);
    });

    it("refuses every problem at once: links, non-files, and files that exist without overwrite", () => {
        const out = path.join(tmp, "infra");
        fs.mkdirSync(path.join(out, "b.txt"), { recursive: true });
        fs.symlinkSync("/etc/hostname", path.join(out, "a.txt"));
        fs.writeFileSync(path.join(out, "c.txt"), "old c");
        const files: GeneratedFile[] = ["a.txt", "b.txt", "c.txt"].map((p) => ({ path: p, content: "new" }));
        assert.throws(
            () => writeFilesAtomically(out, files, { overwrite: false, display: (p) => path.relative(tmp, p) }),
            (e: unknown) => {
                assert.ok(e instanceof OutputDirectoryError);
                assert.deepStrictEqual(e.message.split("\n"), [
                    "infra/a.txt is a symbolic link (to /etc/hostname); convert does not write through links: remove it, or choose another --out",
                    "infra/b.txt is a directory, where convert writes a file: remove it, or choose another --out",
                    "infra/c.txt already exists; give --force to overwrite",
                ]);
                return true;
            },
        );
    });
});
