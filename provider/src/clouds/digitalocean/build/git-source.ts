/**
 * A build whose context is a git repository (`build.context: https://github.com/o/r.git#main:app`)
 * is built by App Platform itself from a public clone: no registry and nothing on the deploying
 * machine. The Dockerfile path is relative to the repository's root, as App Platform expects.
 */
import * as path from "path";
import { InvalidArgumentError } from "../../../model/errors";

/** The branch built when the context names no ref. */
export const DEFAULT_BRANCH = "main";

export interface GitSource {
    repoCloneUrl: string;
    branch: string;
    /** The context's directory inside the repository; undefined for its root. */
    sourceDir?: string;
    /** The Dockerfile, relative to the repository's root. */
    dockerfilePath: string;
}

/**
 * Docker's git context syntax: `<url>[#<ref>[:<subdir>]]`; `git@host:owner/repo.git` is cloned over
 * HTTPS, as App Platform clones without credentials.
 */
export function gitSource(service: string, context: string, dockerfile: string): GitSource {
    const [url = "", fragment = ""] = context.split("#", 2);
    const [ref, subdir] = fragment.split(":", 2);
    const ssh = /^git@([^:]+):(.+)$/.exec(url);
    const repoCloneUrl = ssh?.[1] && ssh[2] ? `https://${ssh[1]}/${ssh[2]}` : url.replace(/^git:\/\//, "https://");
    if (!/^https:\/\//.test(repoCloneUrl)) {
        throw new InvalidArgumentError(`service "${service}"`, "build.context", `is "${context}", which App Platform cannot clone`, "use an https:// git URL of a public repository");
    }
    const dir = subdir ? path.posix.normalize(subdir).replace(/^\/+|\/+$/g, "") : "";
    const source: GitSource = { repoCloneUrl, branch: ref || DEFAULT_BRANCH, dockerfilePath: path.posix.join(dir, dockerfile) };
    if (dir && dir !== ".") source.sourceDir = dir;
    return source;
}
