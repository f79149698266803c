/**
 * The shared resources of builds from source, created when the first service is built: the Artifact
 * Registry repository images are pushed to, the bucket contexts are uploaded to, and the service
 * account Cloud Build runs as, which may write to that repository, read that bucket and write logs,
 * and nothing else.
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { LOG_WRITER_ROLE } from "../iam/project-roles";
import { Builder } from "../types";

/** Days an uploaded context is kept: a build reads it within minutes; an unchanged source is not uploaded again. */
export const CONTEXT_RETENTION_DAYS = 30;
/** Images of a service kept in the repository, newest first: enough to roll back a few deployments. */
export const KEPT_IMAGES = 10;

export interface BuildResourcesArgs {
    name: string;
    project: string;
    region: string;
    labels: Record<string, string>;
    api: (service: string) => gcp.projects.Service;
    parent: pulumi.ComponentResource;
}

export function createImageRepository({ name, project, region, labels, api, parent }: BuildResourcesArgs, repositoryId: string): gcp.artifactregistry.Repository {
    return new gcp.artifactregistry.Repository(
        `${name}-images`,
        {
            project,
            repositoryId,
            location: region,
            format: "DOCKER",
            description: "pulumi-defang: images built from source",
            // Tags are content hashes: an existing tag is never pushed again.
            dockerConfig: { immutableTags: true },
            cleanupPolicies: [
                { id: "keep-recent", action: "KEEP", mostRecentVersions: { keepCount: KEPT_IMAGES } },
                { id: "delete-old", action: "DELETE", condition: { tagState: "ANY", olderThan: "2592000s" } },
            ],
            labels,
        },
        { parent, dependsOn: [api("artifactregistry.googleapis.com")] },
    );
}

export function createBuildBucket({ name, project, region, labels, parent }: BuildResourcesArgs): gcp.storage.Bucket {
    return new gcp.storage.Bucket(
        `${name}-builds`,
        {
            project,
            location: region,
            uniformBucketLevelAccess: true,
            publicAccessPrevention: "enforced",
            // Only build contexts: removing the stack removes them.
            forceDestroy: true,
            lifecycleRules: [{ action: { type: "Delete" }, condition: { age: CONTEXT_RETENTION_DAYS } }],
            labels,
        },
        { parent },
    );
}

export function createBuilder(args: BuildResourcesArgs, repository: gcp.artifactregistry.Repository, bucket: gcp.storage.Bucket, accountId: string): Builder {
    const { name, project, region, api, parent } = args;
    const cloudBuild = api("cloudbuild.googleapis.com");
    const account = new gcp.serviceaccount.Account(`${name}-builder`, { project, accountId, displayName: "pulumi-defang: Cloud Build of the project's images" }, { parent, dependsOn: [api("iam.googleapis.com")] });
    const member = pulumi.interpolate`serviceAccount:${account.email}`;
    const grants: pulumi.Resource[] = [
        cloudBuild,
        new gcp.artifactregistry.RepositoryIamMember(`${name}-builder-push`, { project, location: region, repository: repository.repositoryId, role: "roles/artifactregistry.writer", member }, { parent }),
        new gcp.storage.BucketIAMMember(`${name}-builder-read`, { bucket: bucket.name, role: "roles/storage.objectViewer", member }, { parent }),
        new gcp.projects.IAMMember(`${name}-builder-logs`, { project, role: LOG_WRITER_ROLE, member }, { parent }),
    ];
    return { account, grants };
}

/** A repository for buildpacks cache images, and the builder's right to push to it. */
export interface CacheRepository {
    repository: gcp.artifactregistry.Repository;
    grants: pulumi.Resource[];
}

/**
 * The repository of buildpacks cache images (services built without a Dockerfile): one cache tag
 * per service, moved at every build, so its tags are mutable, unlike the image repository's.
 */
export function createCacheRepository(args: BuildResourcesArgs, repositoryId: string, builder: Builder): CacheRepository {
    const { name, project, region, labels, api, parent } = args;
    const repository = new gcp.artifactregistry.Repository(
        `${name}-build-cache`,
        {
            project,
            repositoryId,
            location: region,
            format: "DOCKER",
            description: "pulumi-defang: buildpacks build caches",
            dockerConfig: { immutableTags: false },
            // Earlier caches lose their tag: they go after a day.
            cleanupPolicies: [{ id: "delete-untagged", action: "DELETE", condition: { tagState: "UNTAGGED", olderThan: "86400s" } }],
            labels,
        },
        { parent, dependsOn: [api("artifactregistry.googleapis.com")] },
    );
    const member = pulumi.interpolate`serviceAccount:${builder.account.email}`;
    const grant = new gcp.artifactregistry.RepositoryIamMember(`${name}-builder-cache`, { project, location: region, repository: repository.repositoryId, role: "roles/artifactregistry.writer", member }, { parent });
    return { repository, grants: [grant] };
}
