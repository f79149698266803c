/**
 * An in-memory project directory for loader tests: `loadProject({ ...memProject(files), files: [...] })`.
 */
import * as path from "path";

export const MEM_ROOT = path.resolve("/mem/project");

/** `readFile` over `files` (paths relative to MEM_ROOT); a missing file throws ENOENT like fs does. */
export function memFiles(files: Record<string, string>): { readFile: (p: string) => string; workingDir: string } {
    const abs = new Map(Object.entries(files).map(([k, v]) => [path.resolve(MEM_ROOT, k), v]));
    return {
        workingDir: MEM_ROOT,
        readFile: (p: string) => {
            const v = abs.get(path.resolve(p));
            if (v === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: "ENOENT" });
            return v;
        },
    };
}

export function memPath(rel: string): string {
    return path.resolve(MEM_ROOT, rel);
}
