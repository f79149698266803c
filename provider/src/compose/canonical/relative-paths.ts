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
    const rel = path.relative(workingDir, p);
    if (rel.startsWith("..") || path.isAbsolute(rel)) return p;
    return "./" + rel.split(path.sep).join("/");
}

/** A copy of `project` with the paths of build contexts, bind mounts, env and label files, secrets and configs made relative. */
export function relativizePaths(project: ComposeProject, workingDir: string): ComposeProject {
    const rel = (p: unknown) => (typeof p === "string" ? relativePath(p, workingDir) : p);
    const out: ComposeProject = { ...project, services: {} };
    for (const [name, s0] of Object.entries(project.services)) {
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
