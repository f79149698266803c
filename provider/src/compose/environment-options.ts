/**
 * The variables `docker compose` reads from its environment to choose what to load, read in one
 * place for the command line and for `DefangProject`, so both load the same project:
 *
 * - `COMPOSE_FILE`: the compose files, separated by `COMPOSE_PATH_SEPARATOR` (default `:`, `;` on
 *   Windows), relative to the current directory;
 * - `COMPOSE_ENV_FILES`: the env files for interpolation, separated by `,`;
 * - `COMPOSE_PROFILES`: the active profiles, separated by `,`;
 * - `COMPOSE_PROJECT_NAME`: the project name.
 *
 * Options given explicitly (`-f`, `--env-file`, `--profile`, `--project-name`, or the component's
 * arguments) win over the environment; an empty variable counts as unset.
 */
import * as path from "path";
import { LoadOptions } from "./api";

/** An environment: `process.env`, or the one a command was given. */
export type ComposeEnvironment = Readonly<Record<string, string | undefined>>;

/** `options` completed from the `COMPOSE_*` variables of `env`; relative paths are taken from `cwd`. */
export function withComposeEnvironment(options: LoadOptions, env: ComposeEnvironment, cwd: string): LoadOptions {
    const out: LoadOptions = { ...options };
    const resolve = (p: string) => path.resolve(cwd, p);
    if (!options.files?.length && env.COMPOSE_FILE) {
        const files = env.COMPOSE_FILE.split(env.COMPOSE_PATH_SEPARATOR || path.delimiter).filter((f) => f !== "");
        if (files.length > 0) out.files = files.map(resolve);
    }
    if (!options.envFiles?.length && env.COMPOSE_ENV_FILES) {
        const envFiles = commaList(env.COMPOSE_ENV_FILES);
        if (envFiles.length > 0) out.envFiles = envFiles.map(resolve);
    }
    if (!options.profiles?.length && env.COMPOSE_PROFILES) out.profiles = commaList(env.COMPOSE_PROFILES);
    if (options.projectName === undefined && env.COMPOSE_PROJECT_NAME) out.projectName = env.COMPOSE_PROJECT_NAME;
    return out;
}

function commaList(text: string): string[] {
    return text
        .split(",")
        .map((p) => p.trim())
        .filter((p) => p !== "");
}
