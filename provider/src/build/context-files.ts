/**
 * The files of a build context that `docker build` would send: every regular file under the context
 * directory that its ignore file does not exclude, plus the Dockerfile and the ignore file themselves,
 * which Docker always sends. The ignore file is `<Dockerfile>.dockerignore` when it exists (BuildKit's
 * Dockerfile-specific ignore file), else `.dockerignore` at the root of the context.
 *
 * Symbolic links to files are sent as the files they point to; symbolic links to directories, empty
 * directories, sockets and devices are not sent (the upload is an archive of regular files).
 */
import * as fs from "fs";
import * as path from "path";
import { DockerignoreMatcher } from "./dockerignore";

export interface ContextFile {
    /** Relative to the context, `/`-separated. */
    path: string;
    absolutePath: string;
    /** Whether any execute bit is set: the one mode bit a build keeps (see `content-hash.ts`). */
    executable: boolean;
    size: number;
}

/** A build context that cannot be read: named with the path, for the error message. */
export class BuildContextError extends Error {
    override readonly name = "BuildContextError";
}

export interface ContextListing {
    /** Sorted by `path` (code unit order), so the same tree always lists the same way. */
    files: ContextFile[];
    /** The ignore file that was applied, relative to the context, when there is one inside it. */
    ignoreFile?: string;
}

export interface ListOptions {
    /** The Dockerfile, relative to the context (may lie outside it). Undefined for an inline Dockerfile. */
    dockerfile?: string;
}

/** The files of the context directory `context` (absolute) that a build sends. */
export function listContextFiles(context: string, options: ListOptions = {}): ContextListing {
    const root = path.resolve(context);
    let rootStat: fs.Stats;
    try {
        rootStat = fs.statSync(root);
    } catch {
        throw new BuildContextError(`build context ${root} does not exist`);
    }
    if (!rootStat.isDirectory()) throw new BuildContextError(`build context ${root} is not a directory`);

    const ignore = findIgnoreFile(root, options.dockerfile);
    const matcher = ignore ? DockerignoreMatcher.fromText(fs.readFileSync(ignore.absolutePath, "utf8"), ignore.absolutePath) : new DockerignoreMatcher([]);
    const always = new Set<string>();
    if (ignore?.relativePath) always.add(ignore.relativePath);
    const dockerfile = options.dockerfile === undefined ? undefined : insideContext(root, options.dockerfile);
    if (dockerfile) always.add(dockerfile);

    const files: ContextFile[] = [];
    walk(root, "", matcher, always, files);
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { files, ignoreFile: ignore?.relativePath };
}

/** `dockerfile` relative to the context root when it lies inside it, else undefined. */
export function insideContext(root: string, dockerfile: string): string | undefined {
    const relative = path.relative(root, path.resolve(root, dockerfile));
    if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return undefined;
    return relative.split(path.sep).join("/");
}

export interface IgnoreFile {
    absolutePath: string;
    /** Relative to the context when inside it. */
    relativePath?: string;
}

/** The ignore file a build of `root` uses: `<Dockerfile>.dockerignore` when it exists, else the context's `.dockerignore`. */
export function findIgnoreFile(root: string, dockerfile: string | undefined): IgnoreFile | undefined {
    const candidates: string[] = [];
    if (dockerfile !== undefined) candidates.push(`${path.resolve(root, dockerfile)}.dockerignore`);
    candidates.push(path.join(root, ".dockerignore"));
    for (const candidate of candidates) {
        if (isFile(candidate)) return { absolutePath: candidate, relativePath: insideContext(root, candidate) };
    }
    return undefined;
}

function isFile(p: string): boolean {
    try {
        return fs.statSync(p).isFile();
    } catch {
        return false;
    }
}

/** Whether one of `paths` lies below the directory `dir`. */
function holdsAny(dir: string, paths: Set<string>): boolean {
    for (const p of paths) if (p.startsWith(`${dir}/`)) return true;
    return false;
}

function walk(dir: string, relative: string, matcher: DockerignoreMatcher, always: Set<string>, out: ContextFile[]): void {
    let entries: fs.Dirent[];
    try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
        throw new BuildContextError(`cannot read ${dir} in the build context: ${(e as Error).message}`);
    }
    for (const entry of entries) {
        const rel = relative ? `${relative}/${entry.name}` : entry.name;
        const abs = path.join(dir, entry.name);
        let stat: fs.Stats;
        if (entry.isSymbolicLink()) {
            try {
                stat = fs.statSync(abs);
            } catch {
                continue; // a dangling link
            }
            if (!stat.isFile()) continue;
        } else if (entry.isDirectory()) {
            if (matcher.ignores(rel) && !matcher.mayReincludeBelow(rel) && !holdsAny(rel, always)) continue;
            walk(abs, rel, matcher, always, out);
            continue;
        } else if (entry.isFile()) {
            stat = fs.statSync(abs);
        } else {
            continue;
        }
        if (matcher.ignores(rel) && !always.has(rel)) continue;
        out.push({ path: rel, absolutePath: abs, executable: (stat.mode & 0o111) !== 0, size: stat.size });
    }
}
