/**
 * Temporary directory trees for build tests, created under the OS temp directory and removed by
 * `removeTrees()` (call it in `after`).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** Relative path -> content; a `{ mode }` entry sets the mode, `{ link }` makes a symbolic link, `null` an empty directory. */
export type Tree = Record<string, string | { content: string; mode: number } | { link: string } | null>;

const created: string[] = [];

export function makeTree(tree: Tree, prefix = "defang-build-"): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    created.push(root);
    writeTree(root, tree);
    return root;
}

export function writeTree(root: string, tree: Tree): void {
    for (const [rel, value] of Object.entries(tree)) {
        const abs = path.join(root, rel);
        if (value === null) {
            fs.mkdirSync(abs, { recursive: true });
            continue;
        }
        fs.mkdirSync(path.dirname(abs), { recursive: true });
        if (typeof value === "string") fs.writeFileSync(abs, value);
        else if ("link" in value) fs.symlinkSync(value.link, abs);
        else {
            fs.writeFileSync(abs, value.content);
            fs.chmodSync(abs, value.mode);
        }
    }
}

export function removeTrees(): void {
    for (const root of created.splice(0)) fs.rmSync(root, { recursive: true, force: true });
}
