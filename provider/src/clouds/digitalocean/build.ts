/**
 * Build from a local context on DigitalOcean, when the stack opts in (`defang:doBuilder local`, see
 * `builder-option.ts`): the image is built with the deploying machine's Docker (its Dockerfile, else
 * `pack build` with buildpacks, its cache in the repository's `buildpacks-cache` tag) and pushed to the account's container registry (DOCR), tagged with the content hash of
 * its inputs, so an unchanged source is neither built nor pushed again, and the App keeps running
 * the same image. See `docker-push.ts` for what the deploying machine needs.
 */
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { prepareBuild } from "../../build/build-context";
import { BuildModel } from "../../model/types";
import { DockerBuildPush } from "./docker-push";
import { AppImage } from "./image-source";
import { dnsLabel } from "./names";
import { DigitalOceanInfrastructure } from "./types";

/** The tag of a service's buildpacks cache image in its repository, moved at every build. */
export const BUILD_CACHE_TAG = "buildpacks-cache";

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

export interface BuildRequest {
    name: string;
    build: BuildModel;
    parent: pulumi.ComponentResource;
    infra: DigitalOceanInfrastructure;
}

export interface BuiltImage {
    /** The image as the App spec names it (DOCR). */
    image: pulumi.Output<AppImage>;
    /** The App must wait for the push. */
    dependsOn: pulumi.Resource[];
}

/** Reads and hashes the context at once (a missing context or Dockerfile fails here, before any resource). */
export function buildToRegistry({ name, build, parent, infra }: BuildRequest): BuiltImage {
    const prepared = prepareBuild(build, "x86_64");
    const repository = repositoryName(infra.projectName, name);
    const registry = infra.registry();
    const imageRef = registry.apply((r) => docrImageRef(r, repository, prepared.tag));
    const push = new DockerBuildPush(
        `${name}-image`,
        {
            builder: prepared.builder,
            ...(prepared.builder === "buildpacks"
                ? { cacheImageRef: registry.apply((r) => docrImageRef(r, repository, BUILD_CACHE_TAG)), dockerConfigDir: process.env.DOCKER_CONFIG ?? path.join(os.homedir(), ".docker") }
                : {}),
            imageRef,
            context: path.resolve(build.context),
            dockerfile: build.dockerfileInline !== undefined ? "-" : path.resolve(build.context, build.dockerfile),
            ...(build.dockerfileInline !== undefined ? { dockerfileInline: build.dockerfileInline } : {}),
            args: prepared.args,
            ...(prepared.target ? { target: prepared.target } : {}),
            platform: prepared.platform,
            hash: prepared.hash,
        },
        { parent },
    );
    return { image: push.imageRef.apply((): AppImage => ({ registryType: "DOCR", repository, tag: prepared.tag })), dependsOn: [push] };
}
