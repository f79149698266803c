/**
 * Build from source on Google Cloud, with no local Docker: the context (less what `.dockerignore`
 * excludes) is uploaded to the project's build bucket, and a `CloudBuildRun` has Cloud Build build
 * it, as the project's builder account, into the project's Artifact Registry repository during
 * `pulumi up`. The image tag is the content hash of the build's inputs: an unchanged source keeps
 * its tag, its upload and its build. Cloud Run runs x86-64 only, so images are built for it. Build
 * arguments read from config are Secret Manager secrets that only the builder's account may read,
 * handed to the build step as `secretEnv`; their values count in the tag through a slow one-way
 * digest (`build-arg-values.ts`).
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { archivedBuild, prepareBuild } from "../../../build/build-context";
import { contextArchive } from "../../../build/context-archive";
import { BuildModel } from "../../../model/types";
import { DOCKERFILE_CACHE_TAG } from "../../../build/buildpacks";
import { buildRequest } from "./cloud-build-request";
import { CloudBuildRun } from "./cloud-build-run";
import { slug } from "../names";
import { createEnvironmentSecrets } from "../compute/secrets";
import { buildVersion, SecretBuildArg } from "../../common/build-arg-values";

/** The tag of a service's buildpacks cache image, moved at every build. */
export const BUILD_CACHE_TAG = "buildpacks-cache";
import { GcpInfrastructure } from "../types";

export interface BuildRequest {
    name: string;
    /** The compose service name: the image's name in the repository. */
    service: string;
    build: BuildModel;
    /** The values of the build arguments read from config (`secretBuildArgs`). @default [] */
    secretArgs?: SecretBuildArg[];
    parent: pulumi.ComponentResource;
    infra: GcpInfrastructure;
}

export interface BuiltImage {
    image: pulumi.Output<string>;
    dependsOn: pulumi.Resource[];
}

/** Reads and hashes the context at once: a missing context or Dockerfile fails here, before any resource. */
export function buildImage({ name, service, build, secretArgs = [], parent, infra }: BuildRequest): BuiltImage {
    const prepared = prepareBuild(build, "x86_64");
    const version = buildVersion(prepared, secretArgs);
    const repository = infra.imageRepository();
    const bucket = infra.buildBucket();
    const builder = infra.builder();
    const imageName = slug(service);
    const image = pulumi.interpolate`${repository.location}-docker.pkg.dev/${repository.project}/${repository.repositoryId}/${imageName}:${version.tag}`;
    const context = new gcp.storage.BucketObject(`${name}-context`, { bucket: bucket.name, name: `${imageName}/${prepared.hash}.zip`, source: contextArchive(prepared), contentType: "application/zip" }, { parent });
    // Both builders keep their layer cache in the registry, in a repository whose tags may move.
    const cache = infra.buildCacheRepository();
    const cacheTag = prepared.builder === "buildpacks" ? BUILD_CACHE_TAG : DOCKERFILE_CACHE_TAG;
    const cacheImage = pulumi.interpolate`${cache.repository.location}-docker.pkg.dev/${cache.repository.project}/${cache.repository.repositoryId}/${imageName}:${cacheTag}`;
    // Build arguments read from config: a secret each, readable by the builder's account only.
    const member = pulumi.interpolate`serviceAccount:${builder.account.email}`;
    const argSecrets = secretArgs.length > 0 ? createEnvironmentSecrets({ name, service, values: secretArgs, member, infra, parent, role: "build-arg" }) : { env: [], grants: [] };
    const secretVersions = pulumi.all(argSecrets.env.map((e) => pulumi.interpolate`projects/${infra.project}/secrets/${e.secret}/versions/${e.version}`));
    const request = pulumi.all([context.bucket, context.name, image, builder.account.email, cacheImage, secretVersions]).apply(([b, object, img, email, cacheImg, versions]) =>
        JSON.stringify(
            buildRequest({
                bucket: b,
                object,
                image: img,
                cacheImage: cacheImg,
                serviceAccountEmail: email,
                project: infra.project,
                secretVersions: Object.fromEntries(argSecrets.env.map((e, i) => [e.name, versions[i]])),
                ...archivedBuild(prepared),
            }),
        ),
    );
    const run = new CloudBuildRun(
        `${name}-image`,
        { project: infra.project, region: infra.region, request, image, hash: version.hash, builder: prepared.builder },
        { parent, dependsOn: [context, repository, ...builder.grants, cache.repository, ...cache.grants, ...argSecrets.grants] },
    );
    return { image: run.image, dependsOn: [run] };
}
