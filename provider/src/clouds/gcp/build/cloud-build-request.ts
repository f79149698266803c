/**
 * The Cloud Build request that builds one service's image from the uploaded archive (see
 * `build/build-context.ts` for its layout) and pushes it to Artifact Registry. Pure: data only.
 *
 * One step, in Google's `docker` builder image: restore the execute bits the archive lost, then
 * build and push (with no Dockerfile: `pack build` with buildpacks, its cache in the cache repository), unless the tag exists already (tags are content hashes and the repository's tags
 * are immutable: pushing again would fail, e.g. when a deployment goes back to an earlier source).
 * Build arguments read from config come from Secret Manager (`availableSecrets` and the step's
 * `secretEnv`) and are named, never written, in the script (`--build-arg NAME`).
 */
import { shellQuote } from "../../../build/shell-quote";
import { ArchivedBuild } from "../../../build/build-context";
import { packBuildWords } from "../../../build/buildpacks";

/** The builder image of the step: Docker and the registry credentials of the build's account. */
export const DOCKER_BUILDER = "gcr.io/cloud-builders/docker";
/** The environment variable of the step that carries the image's name. */
export const IMAGE_VARIABLE = "IMAGE";
/** The environment variable of the step that carries the buildpacks cache image's name. */
export const CACHE_IMAGE_VARIABLE = "CACHE_IMAGE";
/** The longest a build may run before Cloud Build stops it. */
export const BUILD_TIMEOUT_SECONDS = 1800;

/** Where the archive is and what the build produces, with the build inputs as paths inside the archive. */
export interface BuildRequestOptions extends ArchivedBuild {
    bucket: string;
    object: string;
    /** `<region>-docker.pkg.dev/<project>/<repository>/<service>:<tag>`. */
    image: string;
    /** The cache image, `<region>-docker.pkg.dev/<project>/<cache repository>/<service>:<tag>`, a mutable tag. */
    cacheImage: string;
    /** The email of the service account the build runs as. */
    serviceAccountEmail: string;
    project: string;
    /** The Secret Manager version of each build argument read from config (`projects/<p>/secrets/<id>/versions/<n>`), by argument name. @default {} */
    secretVersions?: Record<string, string>;
}

/** The shell script of the build step, before Cloud Build's `$` escaping. */
export function buildScript(o: BuildRequestOptions): string {
    const list = shellQuote(o.executablesList);
    return [
        "set -e",
        `if [ -s ${list} ]; then (cd ${shellQuote(o.context)} && xargs -0 chmod +x -- < ../${list}); fi`,
        `if docker manifest inspect "$${IMAGE_VARIABLE}" > /dev/null 2>&1; then echo "$${IMAGE_VARIABLE} exists already: not built again"; ` + `else ${buildCommand(o)}; fi`,
    ].join("\n");
}

/** `docker build` and push, or with no Dockerfile `pack build`, which publishes the image itself. */
function buildCommand(o: BuildRequestOptions): string {
    if (o.builder === "buildpacks") {
        // Cloud Build's Docker and its registry login (in $HOME/.docker) serve `pack`'s container.
        return packBuildWords({
            image: `"$${IMAGE_VARIABLE}"`,
            cacheImage: `"$${CACHE_IMAGE_VARIABLE}"`,
            context: shellQuote(o.context),
            platform: shellQuote(o.platform),
            args: o.args,
            argsFromEnvironment: o.configArgs,
            hostFolder: `"$PWD"`,
            hostDockerConfig: `"$HOME/.docker"`,
            quote: shellQuote,
        }).join(" ");
    }
    // The last build's layers come from the cache image; the image carries its cache metadata to become the next one.
    const words = ["docker", "build", "--file", shellQuote(o.dockerfile), "--platform", shellQuote(o.platform), "--cache-from", `"$${CACHE_IMAGE_VARIABLE}"`, "--build-arg", "BUILDKIT_INLINE_CACHE=1"];
    if (o.target) words.push("--target", shellQuote(o.target));
    for (const name of Object.keys(o.args).sort()) words.push("--build-arg", shellQuote(`${name}=${o.args[name]}`));
    // Read from config: the step's `secretEnv` holds the value; Docker reads it from the environment.
    for (const name of o.configArgs ?? []) words.push("--build-arg", name);
    words.push("--tag", `"$${IMAGE_VARIABLE}"`, shellQuote(o.context));
    const image = `"$${IMAGE_VARIABLE}"`;
    const cache = `"$${CACHE_IMAGE_VARIABLE}"`;
    return `DOCKER_BUILDKIT=1 ${words.join(" ")} && docker push ${image} && docker tag ${image} ${cache} && docker push ${cache}`;
}

/** Cloud Build substitutes `$NAME` in step arguments: a literal `$` is written `$$`. */
export function escapeSubstitutions(text: string): string {
    return text.replace(/\$/g, "$$$$");
}

/** The body of `projects.locations.builds.create`. */
export function buildRequest(o: BuildRequestOptions): Record<string, unknown> {
    const secretVersions = o.secretVersions ?? {};
    const configArgs = o.configArgs ?? [];
    const missing = configArgs.filter((n) => secretVersions[n] === undefined);
    if (missing.length > 0) throw new Error(`the build of ${o.image} reads ${missing.join(", ")} from config, and no secret version holds ${missing.length > 1 ? "them" : "it"}`);
    const secretEnv = configArgs.length > 0 ? { secretEnv: [...configArgs] } : {};
    return {
        source: { storageSource: { bucket: o.bucket, object: o.object } },
        steps: [{ name: DOCKER_BUILDER, entrypoint: "bash", args: ["-c", escapeSubstitutions(buildScript(o))], env: [`${IMAGE_VARIABLE}=${o.image}`, `${CACHE_IMAGE_VARIABLE}=${o.cacheImage}`], ...secretEnv }],
        // Cloud Build reads each version as the builder's account and puts it in the step's environment only.
        ...(configArgs.length > 0 ? { availableSecrets: { secretManager: configArgs.map((env) => ({ versionName: secretVersions[env], env })) } } : {}),
        serviceAccount: `projects/${o.project}/serviceAccounts/${o.serviceAccountEmail}`,
        // A user-chosen account must log to Cloud Logging only (no logs bucket to grant it).
        options: { logging: "CLOUD_LOGGING_ONLY" },
        timeout: `${BUILD_TIMEOUT_SECONDS}s`,
        tags: ["pulumi-defang"],
    };
}
