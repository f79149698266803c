/**
 * The compose loader's public contract: what `loadProject` takes and gives.
 */
import { Diagnostic } from "./diagnostics";
import { SourceLocator } from "./locator";
import { Path } from "./paths";
import { ComposeProject } from "./types";

export interface LoadOptions {
    /**
     * Compose files, merged in order (later files override earlier ones).
     * @default the first of compose.yaml, compose.yml, docker-compose.yaml, docker-compose.yml in `workingDir`,
     *          plus its `.override` file when there is one
     */
    files?: string[];
    /**
     * The project directory: relative paths (build contexts, env files, bind mounts) and `.env` are found from here.
     * @default the directory of the first compose file, else the current directory
     */
    workingDir?: string;
    /**
     * Variables for interpolation. They win over `.env` files and the process environment.
     * @default {}
     */
    env?: Record<string, string>;
    /**
     * Env files read for interpolation, in order (later ones win).
     * @default [`<workingDir>/.env`] when that file exists
     */
    envFiles?: string[];
    /**
     * Also take variables from `process.env` (they win over `.env`, as with `docker compose`).
     * Off by default so that a deployment does not depend on the shell it was started from.
     * @default false
     */
    useProcessEnv?: boolean;
    /**
     * Active profiles. A service that lists profiles is loaded only when one of them is active.
     * The `defang` profile is always active: it marks services meant for the cloud deployment.
     * @default []
     */
    profiles?: string[];
    /**
     * The project name; wins over `name:` in the files.
     * @default `name:` from the files, else the working directory's name (lowercased, [a-z0-9_-] only)
     */
    projectName?: string;
    /**
     * How relative paths come out: relative to the working directory (`./app`, portable) or absolute.
     * @default "relative"
     */
    paths?: "relative" | "absolute";
    /**
     * Apply the normalization `docker compose config` applies (default network, resource names,
     * implicit dependencies, default Dockerfile, secret targets).
     * @default true
     */
    normalize?: boolean;
    /**
     * Drop `env_file` from services once its variables are merged into `environment`.
     * @default true
     */
    discardEnvFiles?: boolean;
    /**
     * Check the files against the Compose schema and the project against the rules of a managed
     * cloud deployment.
     * @default true
     */
    validate?: boolean;
    /**
     * Reads a file; lets callers load from memory.
     * @default fs.readFileSync(path, "utf8")
     */
    readFile?: (path: string) => string;
}

/** A variable used in the project that has no value here: it is read from configuration at deploy time. */
export interface ConfigReference {
    /** The variable name, e.g. `POSTGRES_PASSWORD`. */
    name: string;
    /**
     * `interpolation`: an unresolved `${NAME}` inside a value (kept as `${NAME}` in the project);
     * `environment`: an `environment` entry written without a value (`null` in the project).
     */
    kind: "interpolation" | "environment";
    /** Where it is used, in the canonical project (e.g. `["services","web","environment","DB_URL"]`). */
    path: Path;
    service?: string;
}

export interface LoadResult {
    project: ComposeProject;
    /** Warnings, sorted by file and line. Errors are thrown as a `ComposeError` instead. */
    warnings: Diagnostic[];
    /** Variables referenced but not set (see `ConfigReference`). */
    references: ConfigReference[];
    /** Every file read, in the order read. */
    files: string[];
    /** The working directory used. */
    workingDir: string;
    /** Finds where a path of `project` was written. */
    locator: SourceLocator;
}
