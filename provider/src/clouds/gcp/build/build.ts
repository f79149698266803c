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
import { archivedBuild } from "../../../build/build-context";
import { contextArchive } from "../../../build/context-archive";
import { buildRequest } from "./cloud-build-request";
import { CloudBuildRun } from "./cloud-build-run";
import { slug } from "../names";
import { createEnvironmentSecrets } from "../secrets/secret-store";
import { BuiltImage, cacheTag, contextArchiveKey, ImageBuildRequest, prepareImageBuild } from "../../common/image-build";
import { GcpInfrastructure } from "../types";

/** A build of one service's image on Google Cloud. */
export type BuildRequest = ImageBuildRequest<GcpInfrastructure>;

/** Reads and hashes the context at once: a missing context or Dockerfile fails here, before any resource. */
export function buildImage(request: BuildRequest): BuiltImage<string> {
    const { name, service = name, parent, infra } = request;
    const { prepared, version, secretArgs } = prepareImageBuild(request, "x86_64");
    const repository = infra.imageRepository();
    const bucket = infra.buildBucket();
    const builder = infra.builder();
    const imageName = slug(service);
    const image = pulumi.interpolate`${repository.location}-docker.pkg.dev/${repository.project}/${repository.repositoryId}/${imageName}:${version.tag}`;
    const context = new gcp.storage.BucketObject(
        `${name}-context`,
        { bucket: bucket.name, name: contextArchiveKey(imageName, prepared.hash), source: contextArchive(prepared), contentType: "application/zip" },
        { parent },
    );
    // Both builders keep their layer cache in the registry, in a repository whose tags may move.
    const cache = infra.buildCacheRepository();
    const cacheImage = pulumi.interpolate`${cache.repository.location}-docker.pkg.dev/${cache.repository.project}/${cache.repository.repositoryId}/${imageName}:${cacheTag(prepared.builder)}`;
    // Build arguments read from config: a secret each, readable by the builder's account only.
    const member = pulumi.interpolate`serviceAccount:${builder.account.email}`;
    const argSecrets = secretArgs.length > 0 ? createEnvironmentSecrets({ name, service, values: secretArgs, member, infra, parent, role: "build-arg" }) : { env: [], grants: [] };
    const secretVersions = pulumi.all(Object.fromEntries(argSecrets.env.map((e) => [e.name, pulumi.interpolate`projects/${infra.project}/secrets/${e.secret}/versions/${e.version}`])));
    const requestBody = pulumi.all([context.bucket, context.name, image, builder.account.email, cacheImage, secretVersions]).apply(([b, object, img, email, cacheImg, versions]) =>
        JSON.stringify(
            buildRequest({
                bucket: b,
                object,
                image: img,
                cacheImage: cacheImg,
                serviceAccountEmail: email,
                project: infra.project,
                secretVersions: versions,
                ...archivedBuild(prepared),
            }),
        ),
    );
    const run = new CloudBuildRun(
        `${name}-image`,
        { project: infra.project, region: infra.region, request: requestBody, image, hash: version.hash, builder: prepared.builder },
        { parent, dependsOn: [context, repository, ...builder.grants, cache.repository, ...cache.grants, ...argSecrets.grants] },
    );
    return { image: run.image, dependsOn: [run] };
}
