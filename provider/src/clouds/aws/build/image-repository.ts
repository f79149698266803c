/**
 * A service's private ECR repository for the images built from its source, and the lifecycle
 * policy that keeps it small.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/**
 * Tags cannot be moved once pushed: a tag is the content hash of the source it was built from, so it
 * always names the same image, and nothing can replace a deployed image behind its tag.
 */
export const IMAGE_TAG_MUTABILITY = "IMMUTABLE";

/** Every pushed image is scanned for known vulnerabilities (basic scanning costs nothing). */
export const SCAN_ON_PUSH = true;

/** Encryption at rest with ECR-managed keys (free, no key policy to manage). */
export const REPOSITORY_ENCRYPTION = "AES256";

/**
 * Images kept per service: the most recent ones, for rollbacks; older ones expire so that storage
 * costs stay flat.
 */
export const KEPT_IMAGES = 10;

/**
 * `pulumi destroy` does not delete a repository that still holds images (it fails and says so):
 * deleting images is left to the owner, as they may be running elsewhere. Delete them with
 * `aws ecr batch-delete-image`, or the repository in the console, then destroy again.
 */
export const REPOSITORY_FORCE_DELETE = false;

export interface ImageRepositoryArgs {
    name: string;
    tags: Record<string, string>;
    parent: pulumi.ComponentResource;
}

export interface ImageRepository {
    repository: aws.ecr.Repository;
    lifecyclePolicy: aws.ecr.LifecyclePolicy;
}

/** The lifecycle policy document: expire all but the `kept` most recent images. */
export function lifecyclePolicyDocument(kept: number = KEPT_IMAGES): string {
    return JSON.stringify({
        rules: [
            {
                rulePriority: 1,
                description: `keep the ${kept} most recent images`,
                selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: kept },
                action: { type: "expire" },
            },
        ],
    });
}

export function createImageRepository({ name, tags, parent }: ImageRepositoryArgs): ImageRepository {
    const repository = new aws.ecr.Repository(
        `${name}-repository`,
        {
            imageTagMutability: IMAGE_TAG_MUTABILITY,
            imageScanningConfiguration: { scanOnPush: SCAN_ON_PUSH },
            encryptionConfigurations: [{ encryptionType: REPOSITORY_ENCRYPTION }],
            forceDelete: REPOSITORY_FORCE_DELETE,
            tags,
        },
        { parent },
    );
    const lifecyclePolicy = new aws.ecr.LifecyclePolicy(`${name}-repository-lifecycle`, { repository: repository.name, policy: lifecyclePolicyDocument() }, { parent });
    return { repository, lifecyclePolicy };
}

/** A repository's lifecycle policy for a cache: expire untagged images (earlier caches) after a day. */
export function cacheLifecyclePolicyDocument(): string {
    return JSON.stringify({
        rules: [{ rulePriority: 1, description: "expire earlier caches", selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 1 }, action: { type: "expire" } }],
    });
}

/**
 * The service's build cache repository: the buildpacks cache, or a Dockerfile build's inline cache
 * (tags `cacheTag` of `clouds/common/image-build.ts`). Its tags move at every build (the cache of
 * the last build), hence a repository of its own, with mutable tags, not the immutable image repository.
 */
export function createCacheRepository({ name, tags, parent }: ImageRepositoryArgs): ImageRepository {
    const repository = new aws.ecr.Repository(
        `${name}-build-cache`,
        {
            imageTagMutability: "MUTABLE",
            encryptionConfigurations: [{ encryptionType: REPOSITORY_ENCRYPTION }],
            // Only a cache: it can always be rebuilt, and must not block `pulumi destroy`.
            forceDelete: true,
            tags,
        },
        { parent },
    );
    const lifecyclePolicy = new aws.ecr.LifecyclePolicy(`${name}-build-cache-lifecycle`, { repository: repository.name, policy: cacheLifecyclePolicyDocument() }, { parent });
    return { repository, lifecyclePolicy };
}
