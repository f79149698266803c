/**
 * The CodeBuild buildspec that builds one service's image from the uploaded archive (see
 * `build/build-context.ts` for its layout) and pushes it to ECR: with `docker build` when there is a
 * Dockerfile, else with `pack build` (Cloud Native Buildpacks, `build/buildpacks.ts`), which
 * publishes the image itself and keeps its cache in the service's cache repository. Pure: text only.
 *
 * The image's URI, `<registry>/<repository>:<tag>`, comes from the `IMAGE_URI` environment variable,
 * so that the build run can name the tag it expects. An image whose tag exists already is not built
 * again (tags are the content hash and the repository's tags are immutable: pushing it again would
 * fail, e.g. when a deployment goes back to an earlier source).
 *
 * Build arguments read from config are environment variables of the build, of type `PARAMETER_STORE`
 * (CodeBuild reads them from SSM and masks them in the logs): the commands name them
 * (`--build-arg NAME`) and Docker takes the value from the environment, so it is never written here.
 */
import { shellQuote } from "../../../build/shell-quote";
import { ArchivedBuild } from "../../../build/build-context";
import { packBuildWords } from "../../../build/buildpacks";

/** The environment variable that carries the image URI into the build. */
export const IMAGE_URI_VARIABLE = "IMAGE_URI";
/** The environment variable that carries the cache image (a mutable tag in the service's cache repository). */
export const CACHE_IMAGE_URI_VARIABLE = "CACHE_IMAGE_URI";

/** The build inputs, as paths inside the uploaded archive. */
export type BuildspecOptions = ArchivedBuild;

/**
 * The `docker build` command line, every value quoted for the shell. The layers of the last build
 * come from the cache image (`--cache-from`; BuildKit goes on without it on the first build), and
 * the image carries its own cache metadata (`BUILDKIT_INLINE_CACHE`) to become the next cache.
 */
export function dockerBuildCommand(o: BuildspecOptions): string {
    const words = [
        "docker",
        "build",
        "--progress=plain",
        "--file",
        shellQuote(o.dockerfile),
        "--platform",
        shellQuote(o.platform),
        "--cache-from",
        `"$${CACHE_IMAGE_URI_VARIABLE}"`,
        "--build-arg",
        "BUILDKIT_INLINE_CACHE=1",
    ];
    if (o.target) words.push("--target", shellQuote(o.target));
    for (const name of Object.keys(o.args).sort()) words.push("--build-arg", shellQuote(`${name}=${o.args[name]}`));
    // Read from config: the value is in the build's environment (from Parameter Store), named only here.
    for (const name of o.configArgs ?? []) words.push("--build-arg", name);
    words.push("--tag", `"$${IMAGE_URI_VARIABLE}"`, shellQuote(o.context));
    return words.join(" ");
}

/** The `pack build` command line (buildpacks: no Dockerfile), run from `pack`'s image with CodeBuild's Docker. */
export function packBuildCommand(o: BuildspecOptions): string {
    return packBuildWords({
        image: `"$${IMAGE_URI_VARIABLE}"`,
        cacheImage: `"$${CACHE_IMAGE_URI_VARIABLE}"`,
        context: shellQuote(o.context),
        platform: shellQuote(o.platform),
        args: o.args,
        argsFromEnvironment: o.configArgs,
        hostFolder: `"$CODEBUILD_SRC_DIR"`,
        // `docker login` (pre_build) writes the registry token there.
        hostDockerConfig: `"$HOME/.docker"`,
        quote: shellQuote,
    }).join(" ");
}

/** The buildspec (YAML), its commands written as JSON strings (valid YAML double-quoted scalars). */
export function buildspec(o: BuildspecOptions): string {
    const v = IMAGE_URI_VARIABLE;
    // The registry is the URI up to the first `/`; the repository name what follows, without the tag.
    const login = `aws ecr get-login-password --region "$AWS_REGION" | docker login --username AWS --password-stdin "\${${v}%%/*}"`;
    // Commands start in the folder the archive was unpacked in, $CODEBUILD_SRC_DIR.
    const list = `"$CODEBUILD_SRC_DIR"/${shellQuote(o.executablesList)}`;
    const restoreModes = `if [ -s ${list} ]; then (cd ${shellQuote(o.context)} && xargs -0 chmod +x -- < ${list}); fi`;
    const buildAndPush =
        `repository="\${${v}#*/}"; repository="\${repository%:*}"; ` +
        `if aws ecr describe-images --repository-name "$repository" --image-ids imageTag="\${${v}##*:}" > /dev/null 2>&1; ` +
        `then echo "$${v} exists already: not built again"; ` +
        (o.builder === "buildpacks"
            ? `else ${packBuildCommand(o)}; fi`
            : `else ${dockerBuildCommand(o)} && docker push "$${v}" && docker tag "$${v}" "$${CACHE_IMAGE_URI_VARIABLE}" && docker push "$${CACHE_IMAGE_URI_VARIABLE}"; fi`);
    const lines = [
        "version: 0.2",
        "phases:",
        "  pre_build:",
        "    commands:",
        `      - ${JSON.stringify(login)}`,
        "  build:",
        "    commands:",
        `      - ${JSON.stringify(restoreModes)}`,
        `      - ${JSON.stringify(buildAndPush)}`,
    ];
    return `${lines.join("\n")}\n`;
}
