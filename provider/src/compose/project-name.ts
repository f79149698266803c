/**
 * The project name: given by the caller, else `COMPOSE_PROJECT_NAME`, else `name:` in the files,
 * else the project directory's name. Compose allows lowercase letters, digits, `_` and `-`,
 * starting with a letter or digit.
 */
import * as path from "path";

const VALID = /^[a-z0-9][a-z0-9_-]*$/;

/** Lowercases and drops the characters a project name cannot have (used for directory names). */
export function normalizeProjectName(s: string): string {
    const lower = s.toLowerCase();
    // Most directory names are valid project names already: nothing to drop.
    if (VALID.test(lower)) return lower;
    return lower.replace(/[^a-z0-9_-]+/g, "").replace(/^[_-]+/, "");
}

export function isValidProjectName(s: string): boolean {
    return VALID.test(s);
}

export interface ProjectNameChoice {
    name: string;
    /** Where it came from, for messages. */
    from: "option" | "COMPOSE_PROJECT_NAME" | "file" | "directory";
}

export function chooseProjectName(opts: { option?: string; env?: string; fromFile?: string; workingDir: string }): ProjectNameChoice {
    if (opts.option) return { name: opts.option, from: "option" };
    if (opts.env) return { name: opts.env, from: "COMPOSE_PROJECT_NAME" };
    if (opts.fromFile) return { name: opts.fromFile, from: "file" };
    return { name: normalizeProjectName(path.basename(path.resolve(opts.workingDir))) || "default", from: "directory" };
}
