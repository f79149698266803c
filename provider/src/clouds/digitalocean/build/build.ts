/**
 * Build from a local context on DigitalOcean, pushed to the account's container registry (DOCR) and
 * tagged with the content hash of its inputs, so an unchanged source is not built or pushed again
 * and the App keeps running the same image. Where it is built follows `defang:doBuilder` (see
 * `builder-option.ts`):
 * - `remote` (the default): a build job in the user's account, with no Docker on this machine
 *   (`do-build-run.ts`): kaniko for a Dockerfile, the buildpacks lifecycle without one, each with
 *   its layer cache in the service's repository;
 * - `local`: the deploying machine's Docker (its Dockerfile, else `pack build` with buildpacks, its
 *   cache in the repository's `buildpacks-cache` tag); see `docker-push.ts` for what it needs.
 */
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { DO_BUILDER_CONFIG_KEY, digitalOceanBuilder } from "./builder-option";
import { stackSetting } from "../../stack-settings";
import { DigitalOceanBuildRun } from "./do-build-run";
import { DockerBuildPush } from "./docker-push";
import { AppImage } from "./image-source";
import { dnsLabel } from "../names";
import { DigitalOceanInfrastructure } from "../types";
import { allBuildArgs, secretArgValues } from "../../common/build-arg-values";
import { BUILDPACKS_CACHE_TAG, BuiltImage, ImageBuildRequest, PreparedImageBuild, prepareImageBuild } from "../../common/image-build";

/** DOCR's registry host. */
export const DOCR_HOST = "registry.digitalocean.com";
/** The longest repository name used (DOCR allows more; this keeps names readable). */
const MAX_REPOSITORY_LENGTH = 63;

/** The repository of a service's images: its project and component name, e.g. `shop-api`. */
export function repositoryName(projectName: string, name: string): string {
    return dnsLabel(name.startsWith(`${projectName}-`) ? name : `${projectName}-${name}`, MAX_REPOSITORY_LENGTH);
}

/** `registry.digitalocean.com/<registry>/<repository>:<tag>`. */
export function docrImageRef(registry: string, repository: string, tag: string): string {
    return `${DOCR_HOST}/${registry}/${repository}:${tag}`;
}

/** A build of one service's image on DigitalOcean. */
export type BuildRequest = ImageBuildRequest<DigitalOceanInfrastructure>;

/**
 * The image as the App spec names it (DOCR), once pushed (the App waits for it). Reads and hashes
 * the context at once: a missing context or Dockerfile fails here, before any resource.
 */
export function buildToRegistry(request: BuildRequest): BuiltImage<AppImage> {
    const builder = digitalOceanBuilder(stackSetting(DO_BUILDER_CONFIG_KEY), process.env);
    const build = prepareImageBuild(request, "x86_64");
    const repository = repositoryName(request.infra.projectName, request.name);
    const run = builder === "local" ? localBuild(request, build, repository) : remoteBuild(request, build, repository);
    return { image: pulumi.all([run.imageRef, build.version.tag]).apply(([, tag]): AppImage => ({ registryType: "DOCR", repository, tag })), dependsOn: [run] };
}

/** A build job in the account: the context goes to the build bucket, the image and its layer cache to the service's repository. */
function remoteBuild({ name, parent, infra }: BuildRequest, { prepared, version, secretArgs }: PreparedImageBuild, repository: string): DigitalOceanBuildRun {
    const registry = infra.registry();
    const bucket = infra.buildBucket();
    const token = new pulumi.Config("digitalocean").getSecret("token");
    return new DigitalOceanBuildRun(
        `${name}-image`,
        {
            ...(token ? { token } : {}),
            bucket: bucket.name,
            spacesRegion: bucket.region,
            appRegion: infra.region.app,
            entries: prepared.entries,
            executables: prepared.executables.map((p) => `${prepared.contextPath}/${p}`),
            builder: prepared.builder,
            dockerfile: prepared.dockerfilePath,
            context: prepared.contextPath,
            ...(prepared.target ? { target: prepared.target } : {}),
            // Build arguments may come from config: kept secret in the stack, SECRET env values in the job.
            args: allBuildArgs(prepared, secretArgs),
            imageRef: pulumi.all([registry, version.tag]).apply(([r, tag]) => docrImageRef(r, repository, tag)),
            // kaniko keeps its layers as tags of a repository; the lifecycle keeps one cache image.
            cacheRef: registry.apply((r) => (prepared.builder === "buildpacks" ? docrImageRef(r, repository, BUILDPACKS_CACHE_TAG) : `${DOCR_HOST}/${r}/${repository}`)),
            hash: version.hash,
        },
        { parent },
    );
}

/** This machine's Docker (`defang:doBuilder local`). */
function localBuild({ name, build, parent, infra }: BuildRequest, { prepared, version, secretArgs }: PreparedImageBuild, repository: string): DockerBuildPush {
    const registry = infra.registry();
    return new DockerBuildPush(
        `${name}-image`,
        {
            builder: prepared.builder,
            ...(prepared.builder === "buildpacks"
                ? { cacheImageRef: registry.apply((r) => docrImageRef(r, repository, BUILDPACKS_CACHE_TAG)), dockerConfigDir: process.env.DOCKER_CONFIG ?? path.join(os.homedir(), ".docker") }
                : {}),
            imageRef: pulumi.all([registry, version.tag]).apply(([r, tag]) => docrImageRef(r, repository, tag)),
            context: path.resolve(build.context),
            dockerfile: build.dockerfileInline !== undefined ? "-" : path.resolve(build.context, build.dockerfile),
            ...(build.dockerfileInline !== undefined ? { dockerfileInline: build.dockerfileInline } : {}),
            args: prepared.args,
            // Read from config: in the environment of `docker`, named only on its command line.
            ...(secretArgs.length > 0 ? { secretArgs: secretArgValues(secretArgs) } : {}),
            ...(prepared.target ? { target: prepared.target } : {}),
            platform: prepared.platform,
            hash: version.hash,
        },
        { parent },
    );
}
