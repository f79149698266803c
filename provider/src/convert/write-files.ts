/**
 * Writing the generated project into its directory all at once. The files are written into a
 * temporary folder beside the directory and moved into place only when all are written; a failure
 * on the way (a full disk, a directory that cannot be written) takes back what was moved and leaves
 * the directory as it was. Nothing is ever written through a symbolic link: a link where a file is
 * to go is refused, whatever it points to, as is anything there that is not a regular file (a
 * directory, a FIFO that would block the write).
 */
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { GeneratedFile } from "./program";

/** The output directory cannot take the files: a user error, with what to do about it. */
export class OutputDirectoryError extends Error {
    override readonly name = "OutputDirectoryError";
}

export interface WriteOptions {
    /** Replace files that exist (`--force`). */
    overwrite: boolean;
    /** How messages show a path (relative to the current directory). */
    display: (p: string) => string;
}

/**
 * Writes `files` into `dir` (created when missing), all or none.
 * @throws OutputDirectoryError when `dir` cannot take them; `dir` is then as it was
 */
export function writeFilesAtomically(dir: string, files: GeneratedFile[], options: WriteOptions): void {
    const target = checkDirectory(dir, options.display);
    const problems = target.exists ? checkTargets(target.real, files, options) : [];
    if (problems.length > 0) throw new OutputDirectoryError(problems.join("\n"));
    const parent = path.dirname(target.real);
    let createdParents: string | undefined;
    let staging: string | undefined;
    try {
        createdParents = makeDirectories(parent);
        staging = path.join(parent, `.${path.basename(target.real)}.convert-${randomBytes(6).toString("hex")}`);
        fs.mkdirSync(staging, { mode: 0o777 });
        for (const f of files) fs.writeFileSync(path.join(staging, f.path), f.content, { flag: "wx" });
        if (target.exists) moveInto(staging, target.real, files);
        else fs.renameSync(staging, target.real);
    } catch (e) {
        if (staging) fs.rmSync(staging, { recursive: true, force: true });
        if (createdParents) fs.rmSync(createdParents, { recursive: true, force: true });
        if (isSystemError(e)) throw new OutputDirectoryError(`cannot write the Pulumi project to ${options.display(dir)}: ${systemReason(e, options.display)}; nothing was written, choose another --out`);
        throw e;
    }
    fs.rmSync(staging, { recursive: true, force: true });
}

/** `dir` as a directory to write into: its real path, and whether it exists. */
function checkDirectory(dir: string, display: (p: string) => string): { real: string; exists: boolean } {
    let stat: fs.Stats;
    try {
        stat = fs.statSync(dir);
    } catch (e) {
        if (isSystemError(e) && e.code === "ENOENT") return { real: path.resolve(realAncestor(path.dirname(dir)), path.basename(dir)), exists: false };
        if (isSystemError(e) && e.code === "ENOTDIR") throw new OutputDirectoryError(`--out ${display(dir)} is under a file, not a directory; choose a directory`);
        if (isSystemError(e)) throw new OutputDirectoryError(`--out ${display(dir)} cannot be used: ${systemReason(e, display)}`);
        throw e;
    }
    if (!stat.isDirectory()) throw new OutputDirectoryError(`--out ${display(dir)} is ${kindOf(stat)}, not a directory; choose a directory`);
    return { real: fs.realpathSync(dir), exists: true };
}

/**
 * Makes `dir` and its missing ancestors, one at a time (Node's `recursive` mkdir retries for ever
 * where a directory cannot be made, e.g. under /proc). @returns the first directory it made
 */
function makeDirectories(dir: string): string | undefined {
    if (fs.existsSync(dir)) return undefined;
    const parent = path.dirname(dir);
    const first = parent === dir ? undefined : makeDirectories(parent);
    try {
        fs.mkdirSync(dir);
    } catch (e) {
        if (first) fs.rmSync(first, { recursive: true, force: true });
        throw e;
    }
    return first ?? dir;
}

/** The real path of `dir`'s nearest existing ancestor, with the missing rest appended. */
function realAncestor(dir: string): string {
    try {
        return fs.realpathSync(dir);
    } catch (e) {
        const parent = path.dirname(dir);
        if (parent === dir || !(isSystemError(e) && e.code === "ENOENT")) return dir;
        return path.join(realAncestor(parent), path.basename(dir));
    }
}

/** Why each file cannot go where it is to go in the existing `dir`, if it cannot. */
function checkTargets(dir: string, files: GeneratedFile[], options: WriteOptions): string[] {
    const problems: string[] = [];
    const existing: string[] = [];
    for (const f of files) {
        const file = path.join(dir, f.path);
        const stat = fs.lstatSync(file, { throwIfNoEntry: false });
        if (!stat) continue;
        if (stat.isSymbolicLink()) problems.push(`${options.display(file)} is a symbolic link (to ${fs.readlinkSync(file)}); convert does not write through links: remove it, or choose another --out`);
        else if (!stat.isFile()) problems.push(`${options.display(file)} is ${kindOf(stat)}, where convert writes a file: remove it, or choose another --out`);
        else existing.push(options.display(file));
    }
    if (existing.length > 0 && !options.overwrite) problems.push(`${existing.join(", ")} already exist${existing.length === 1 ? "s" : ""}; give --force to overwrite`);
    return problems;
}

/**
 * Moves the staged files into `dir`. A file it replaces is first moved aside into the staging
 * folder, so that a failure can put everything back as it was.
 */
function moveInto(staging: string, dir: string, files: GeneratedFile[]): void {
    const previous = path.join(staging, ".previous");
    fs.mkdirSync(previous);
    const done: Array<{ file: string; aside?: string }> = [];
    try {
        for (const f of files) {
            const file = path.join(dir, f.path);
            const aside = path.join(previous, f.path);
            const step: { file: string; aside?: string } = { file };
            if (fs.existsSync(file)) {
                fs.renameSync(file, aside);
                step.aside = aside;
            }
            done.push(step);
            fs.renameSync(path.join(staging, f.path), file);
        }
    } catch (e) {
        for (const step of done.reverse()) {
            fs.rmSync(step.file, { force: true });
            if (step.aside) fs.renameSync(step.aside, step.file);
        }
        throw e;
    }
}

function kindOf(stat: fs.Stats): string {
    if (stat.isFile()) return "a file";
    if (stat.isDirectory()) return "a directory";
    if (stat.isFIFO()) return "a named pipe";
    if (stat.isSocket()) return "a socket";
    if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
    return "not a regular file";
}

function isSystemError(e: unknown): e is NodeJS.ErrnoException & { code: string } {
    return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === "string" && typeof (e as NodeJS.ErrnoException).syscall === "string";
}

const REASONS: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    EROFS: "the file system is read-only",
    ENOSPC: "no space left on the device",
    EDQUOT: "the disk quota is exhausted",
    EXDEV: "the directory is on another file system than the folder beside it",
    ENOTDIR: "a part of the path is a file, not a directory",
    ENOENT: "a directory cannot be created there",
    EEXIST: "something of the same name is in the way",
    EISDIR: "a directory is where a file is to go",
    ENAMETOOLONG: "the path is too long",
    ELOOP: "the path has a loop of symbolic links",
};

function systemReason(e: NodeJS.ErrnoException & { code: string }, display: (p: string) => string): string {
    const reason = (Object.prototype.hasOwnProperty.call(REASONS, e.code) ? REASONS[e.code] : undefined) ?? e.message;
    return e.path ? `${reason} (${e.syscall} ${display(e.path)})` : reason;
}
