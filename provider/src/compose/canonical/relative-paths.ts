/**
 * Paths in the canonical project written relative to the project directory (`.`, `./app`), so
 * that the output does not depend on where the project was checked out. Paths outside the project
 * directory stay absolute.
 */
import * as path from "path";
import { isPlainObject } from "../paths";
import { ComposeProject } from "../types";

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

/** A copy of `project` with the paths of build contexts, bind mounts, env and label files, secrets and configs made relative. */
export function relativizePaths(project: ComposeProject, workingDir: string): ComposeProject {
    const rel = (p: unknown) => (typeof p === "string" ? relativePath(p, workingDir) : p);
    const out: ComposeProject = { ...project, services: {} };
    for (const [name, s0] of Object.entries(project.services)) {
        // A service without paths is the same in the copy.
        if (!s0.build && !Array.isArray(s0.volumes) && !Array.isArray(s0.env_file) && !Array.isArray(s0.label_file)) {
            out.services[name] = s0;
            continue;
        }
        const s = { ...s0 };
        if (s.build) {
            const b = { ...s.build, context: rel(s.build.context) as string };
            if (isPlainObject(b.additional_contexts)) b.additional_contexts = Object.fromEntries(Object.entries(b.additional_contexts).map(([k, v]) => [k, relativePath(v, workingDir)]));
            s.build = b;
        }
        if (Array.isArray(s.volumes)) s.volumes = s.volumes.map((v) => (v.type === "bind" ? { ...v, source: rel(v.source) as string } : v));
        if (Array.isArray(s.env_file)) s.env_file = s.env_file.map((e) => (isPlainObject(e) ? { ...e, path: rel(e.path) } : e));
        if (Array.isArray(s.label_file)) s.label_file = s.label_file.map(rel);
        out.services[name] = s;
    }
    for (const kind of ["secrets", "configs"] as const) {
        const r = project[kind];
        if (!r) continue;
        out[kind] = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.file ? { ...v, file: rel(v.file) as string } : v]));
    }
    return out;
}
