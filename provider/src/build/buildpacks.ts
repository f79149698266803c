/**
 * A Cloud Native Buildpacks build, the same on every cloud: the `pack` CLI, run from its own
 * container image with the host's Docker (`docker run ... buildpacksio/pack build ...`), so a
 * builder needs nothing but Docker, and pushes the image itself (`--publish`). Pure: words only.
 *
 * The build reuses a cache image in the user's registry (`--cache-image`): a one-line change
 * rebuilds only the layers it touches. The cache image's tag is moved at every build, so it lives
 * where tags may move (the clouds keep their content-hash tags immutable).
 */

/**
 * The `pack` CLI's image, pinned: the same source gives the same image whenever it is built
 * (reproducible builds), and a new `pack` comes only with a new version of this package.
 */
export const PACK_VERSION = "0.38.2";
export const PACK_IMAGE = `buildpacksio/pack:${PACK_VERSION}`;

/**
 * The builder: Paketo's Ubuntu 22.04 base builder (Java, Node.js, Go, Python, .NET, Ruby, NGINX,
 * Procfile), pinned to a release for the same reason as `PACK_VERSION`. Both are part of the
 * content hash: a new pin builds again.
 */
export const BUILDPACKS_BUILDER_IMAGE = "paketobuildpacks/builder-jammy-base:0.4.635";

/**
 * The tag of a Dockerfile build's layer cache in the registry (an image built with BuildKit's inline
 * cache, pulled by the next build with `--cache-from`), moved at every build like the buildpacks cache.
 */
export const DOCKERFILE_CACHE_TAG = "dockerfile-cache";

/** Where the build's folder is mounted in `pack`'s container. */
export const PACK_WORKSPACE = "/workspace";
/** Where the registry login (`config.json`) is mounted, read-only, in `pack`'s container. */
export const PACK_DOCKER_CONFIG = "/docker-config";

export interface PackBuildOptions {
    /** The image to publish, as one shell word (quoted, or a `"$VARIABLE"`). */
    image: string;
    /** The cache image, as one shell word. */
    cacheImage: string;
    /** The context's path, relative to the mounted folder (already a safe word or quoted). */
    context: string;
    /** `linux/amd64` or `linux/arm64` (already quoted). */
    platform: string;
    /** `build.args`: build-time environment of the buildpacks (`BP_*` and the app's own variables). */
    args: Record<string, string>;
    /** Build arguments whose values are in the environment of the command (secrets): passed by name only. @default [] */
    argsFromEnvironment?: readonly string[];
    /** The host folder mounted as the workspace, as one shell word. */
    hostFolder: string;
    /** The host folder that holds the registry login's `config.json`, as one shell word. */
    hostDockerConfig: string;
    quote(value: string): string;
}

/** `docker run ... pack build ...` as shell words, values quoted with `o.quote`. */
export function packBuildWords(o: PackBuildOptions): string[] {
    const words = [
        "docker",
        "run",
        "--rm",
        "--volume",
        "/var/run/docker.sock:/var/run/docker.sock",
        "--volume",
        `${o.hostFolder}:${PACK_WORKSPACE}`,
        "--volume",
        `${o.hostDockerConfig}:${PACK_DOCKER_CONFIG}:ro`,
        "--env",
        `DOCKER_CONFIG=${PACK_DOCKER_CONFIG}`,
        // `--env NAME` hands the variable of this shell to pack's container, and from there to the build, value unwritten.
        ...(o.argsFromEnvironment ?? []).flatMap((name) => ["--env", name]),
        "--workdir",
        PACK_WORKSPACE,
        PACK_IMAGE,
        "build",
        o.image,
        "--builder",
        BUILDPACKS_BUILDER_IMAGE,
        "--path",
        o.context,
        "--platform",
        o.platform,
        "--cache-image",
        o.cacheImage,
        "--publish",
    ];
    for (const name of Object.keys(o.args).sort()) words.push("--env", o.quote(`${name}=${o.args[name]}`));
    for (const name of o.argsFromEnvironment ?? []) words.push("--env", name);
    return words;
}
