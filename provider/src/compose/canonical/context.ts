/**
 * What the canonical transforms need from the loader: path resolution, the variable lookup and
 * file reading, plus the error type they throw (the loader adds the position).
 */
import * as os from "os";
import * as path from "path";
import { Path } from "../paths";
import { Lookup } from "../template";

export class CanonicalError extends Error {
    constructor(
        message: string,
        /** Below the attribute being transformed, e.g. `[0, "target"]`. */
        readonly subPath: Path = [],
        readonly hint?: string,
    ) {
        super(message);
    }
}

/**
 * Several problems in one attribute (two bad sizes in one `deploy` block), each at its own path, and
 * the attribute with the values that could be read (the others kept as written).
 */
export class CanonicalProblems extends Error {
    constructor(
        readonly problems: CanonicalError[],
        readonly value: unknown,
    ) {
        super(problems.map((p) => p.message).join("; "));
    }
}

export interface CanonicalContext {
    workingDir: string;
    lookup: Lookup;
    normalize: boolean;
    readFile(file: string): string;
    fileExists(file: string): boolean;
    /** Absolute path of `p` written relative to the working directory (`~` is the home directory). */
    resolvePath(p: string): string;
    /** Problems that do not stop the load. */
    warn(message: string, subPath?: Path, hint?: string): void;
}

export function resolvePathFrom(workingDir: string, p: string): string {
    if (p === "~") return os.homedir();
    if (p.startsWith("~/")) return path.join(os.homedir(), p.slice(2));
    return path.resolve(workingDir, p);
}

/** Remote build contexts and image references are not paths. */
export function isRemoteReference(s: string): boolean {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || s.startsWith("git@") || /^github\.com\//.test(s) || s.startsWith("docker-image:") || s.startsWith("service:") || s.startsWith("oci-layout:");
}
