/**
 * Paths in the canonical project written relative to the project directory (`.`, `./app`), so
 * that the output does not depend on where the project was checked out. Paths outside the project
 * directory stay absolute.
 */
import * as path from "path";
import { isPlainObject, setOwn } from "../paths";
import { ComposeBuild, ComposeProject, ComposeServiceVolume } from "../types";

export function relativePath(p: string, workingDir: string): string {
    if (!path.isAbsolute(p)) return p;
    if (p === workingDir) return ".";
    // Most paths are written below the project directory, and were resolved: what follows the directory is the answer.
    const below = pathBelow(p, workingDir);
    const rel = below ?? path.relative(workingDir, p);
    if (rel.startsWith("..") || path.isAbsolute(rel)) return p;
    return "./" + (below ?? rel.split(path.sep).join("/"));
}

const SLASH = "/".charCodeAt(0);
const DOT = ".".charCodeAt(0);

/**
 * What follows `dir` in `p` when `p` is a normal path below the normal directory `dir` (no empty,
 * `.` or `..` part, no trailing `/`), which is what `path.relative(dir, p)` gives then; undefined
 * otherwise (or on a system whose separator is not `/`).
 */
function pathBelow(p: string, dir: string): string | undefined {
    if (path.sep !== "/" || p.length <= dir.length + 1 || p.charCodeAt(dir.length) !== SLASH || !p.startsWith(dir) || dir.charCodeAt(0) !== SLASH || !isNormal(dir, 1) || !isNormal(p, dir.length + 1)) return undefined;
    return p.slice(dir.length + 1);
}

/** Whether the parts of `p` from `start` on, between `/`, are neither empty nor `.` or `..`. */
function isNormal(p: string, start: number): boolean {
    let partStart = start;
    for (let i = start; i <= p.length; i++) {
        if (i < p.length && p.charCodeAt(i) !== SLASH) continue;
        const length = i - partStart;
        if (length === 0 || (p.charCodeAt(partStart) === DOT && (length === 1 || (length === 2 && p.charCodeAt(partStart + 1) === DOT)))) return false;
        partStart = i + 1;
    }
    return true;
}

/**
 * Makes the paths of build contexts, bind mounts, env and label files, secrets and configs of
 * `project` relative, in place, and returns it. The canonical project is the loader's own, made
 * fresh by each load: changing it copies nothing. Only paths that change are written (a path that
 * is already relative stays as it is), so that making paths relative twice changes nothing more.
 */
export function relativizePaths(project: ComposeProject, workingDir: string): ComposeProject {
    for (const s of Object.values(project.services)) {
        // The attributes the service has, in one pass: most have few of the four that hold paths, and
        // asking a service for an attribute it lacks costs more than going through those it has.
        for (const attribute in s) {
            const value = (s as Record<string, unknown>)[attribute];
            if (attribute === "build") relativizeBuild(value as ComposeBuild | undefined, workingDir);
            else if (attribute === "volumes") relativizeVolumes(value, workingDir);
            else if (attribute === "env_file") relativizeEnvFiles(value, workingDir);
            else if (attribute === "label_file") relativizeLabelFiles(value, workingDir);
        }
    }
    for (const r of [project.secrets, project.configs]) {
        if (!r) continue;
        for (const v of Object.values(r)) {
            if (!v.file) continue;
            const file = relativeValue(v.file, workingDir);
            if (file !== v.file) v.file = file as string;
        }
    }
    return project;
}

function relativizeBuild(build: ComposeBuild | undefined, workingDir: string): void {
    if (!build) return;
    const context = relativeValue(build.context, workingDir);
    if (context !== build.context) build.context = context as string;
    const extra = build.additional_contexts;
    if (!isPlainObject(extra)) return;
    for (const k of Object.keys(extra)) {
        const v = extra[k] as string;
        const r = relativePath(v, workingDir);
        if (r !== v) setOwn(extra, k, r);
    }
}

function relativizeVolumes(volumes: unknown, workingDir: string): void {
    if (!Array.isArray(volumes)) return;
    for (const v of volumes as ComposeServiceVolume[]) {
        if (v.type !== "bind") continue;
        const source = relativeValue(v.source, workingDir);
        if (source !== v.source) v.source = source as string;
    }
}

function relativizeEnvFiles(files: unknown, workingDir: string): void {
    if (!Array.isArray(files)) return;
    for (const e of files) {
        if (!isPlainObject(e)) continue;
        const file = relativeValue(e.path, workingDir);
        if (file !== e.path) e.path = file;
    }
}

function relativizeLabelFiles(files: unknown, workingDir: string): void {
    if (!Array.isArray(files)) return;
    for (let i = 0; i < files.length; i++) {
        const file = relativeValue(files[i], workingDir);
        if (file !== files[i]) files[i] = file;
    }
}

/** `relativePath` of a string; anything else as it is. */
function relativeValue(p: unknown, workingDir: string): unknown {
    return typeof p === "string" ? relativePath(p, workingDir) : p;
}
