/**
 * What a build of one service's image from source is on every cloud, before the cloud's own
 * resources: the request (the component, the compose service, its build, the values of its
 * arguments read from config, the cloud's infrastructure), the context read and hashed at once, the
 * image's version (its tag follows the content and the secret arguments' values), the tag of the
 * layer cache, and the key of the uploaded context archive. Where the context goes, who builds it
 * and which registry the image lands in stay with each cloud (`clouds/<cloud>/build/build.ts`).
 */
import * as pulumi from "@pulumi/pulumi";
import { Architecture, PreparedBuild, prepareBuild } from "../../build/build-context";
import { BuilderKind } from "../../build/builder";
import { DOCKERFILE_CACHE_TAG } from "../../build/buildpacks";
import { BuildModel } from "../../model/types";
import { BuildVersion, buildVersion, SecretBuildArg } from "./build-arg-values";

/** The tag of a service's buildpacks cache image, moved at every build. */
export const BUILDPACKS_CACHE_TAG = "buildpacks-cache";

/** A build of one service's image, on the cloud whose infrastructure is `Infra`. */
export interface ImageBuildRequest<Infra> {
    /** The service component's name: children are `${name}-<role>`. */
    name: string;
    /** The compose service's name: the image's name in the registry, the path of its parameters. @default name */
    service?: string;
    build: BuildModel;
    /** The values of the build arguments read from config (`secretBuildArgs`). @default [] */
    secretArgs?: SecretBuildArg[];
    parent: pulumi.ComponentResource;
    infra: Infra;
}

/** A build whose context has been read and hashed. */
export interface PreparedImageBuild {
    prepared: PreparedBuild;
    /** The hash and image tag, which follow the secret arguments' values too. */
    version: BuildVersion;
    /** The values of the build arguments read from config. */
    secretArgs: SecretBuildArg[];
}

/** Reads and hashes the context at once: a missing context or Dockerfile fails here, before any resource. */
export function prepareImageBuild(request: Pick<ImageBuildRequest<unknown>, "build" | "secretArgs">, architecture: Architecture): PreparedImageBuild {
    const prepared = prepareBuild(request.build, architecture);
    const secretArgs = request.secretArgs ?? [];
    return { prepared, version: buildVersion(prepared, secretArgs), secretArgs };
}

/** The tag of the layer cache in the cache repository: buildpacks keep one cache image, a Dockerfile build its cached layers. */
export function cacheTag(builder: BuilderKind): string {
    return builder === "buildpacks" ? BUILDPACKS_CACHE_TAG : DOCKERFILE_CACHE_TAG;
}

/** The object key of an uploaded context archive: one per content hash, under the service's folder. */
export function contextArchiveKey(folder: string, hash: string): string {
    return `${folder}/${hash}.zip`;
}

/** The image a build makes, as the cloud's service names it, and the resources that service must wait for. */
export interface BuiltImage<Image> {
    image: pulumi.Output<Image>;
    dependsOn: pulumi.Resource[];
}
