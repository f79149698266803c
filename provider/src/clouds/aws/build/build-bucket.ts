/**
 * The S3 bucket that holds the build contexts of services built from source. It holds only build
 * inputs, which are uploaded again by every deployment, so it is private, encrypted, emptied of old
 * contexts, and deleted with its contents.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** Days a build context is kept: long enough to rebuild a recent deployment, short enough not to pay for old ones. */
export const BUILD_CONTEXT_RETENTION_DAYS = 30;

/** Days before an unfinished multipart upload (an interrupted context upload) is removed: it is never resumed. */
export const ABORTED_UPLOAD_RETENTION_DAYS = 1;

/** Encryption at rest of build contexts: S3-managed keys (free, no key policy to manage). */
export const BUILD_BUCKET_ENCRYPTION = "AES256";

export interface BuildBucketArgs {
    name: string;
    tags: Record<string, string>;
    parent: pulumi.ComponentResource;
}

export function createBuildBucket({ name, tags, parent }: BuildBucketArgs): aws.s3.Bucket {
    const opts = { parent };
    // forceDestroy: the bucket only holds build inputs, which must not keep the project from being destroyed.
    const bucket = new aws.s3.Bucket(`${name}-builds`, { forceDestroy: true, tags }, opts);

    const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
        `${name}-builds-public-access-block`,
        { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
        opts,
    );
    // ACLs off: the account owns every object, access is decided by IAM alone.
    new aws.s3.BucketOwnershipControls(`${name}-builds-ownership`, { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } }, opts);
    new aws.s3.BucketServerSideEncryptionConfiguration(`${name}-builds-encryption`, { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: BUILD_BUCKET_ENCRYPTION } }] }, opts);
    new aws.s3.BucketLifecycleConfiguration(
        `${name}-builds-lifecycle`,
        {
            bucket: bucket.id,
            rules: [
                {
                    id: "expire-build-contexts",
                    status: "Enabled",
                    filter: { prefix: "" },
                    expiration: { days: BUILD_CONTEXT_RETENTION_DAYS },
                    abortIncompleteMultipartUpload: { daysAfterInitiation: ABORTED_UPLOAD_RETENTION_DAYS },
                },
            ],
        },
        opts,
    );
    // Encryption in transit: requests over plain HTTP are refused.
    new aws.s3.BucketPolicy(
        `${name}-builds-tls-only`,
        {
            bucket: bucket.id,
            policy: bucket.arn.apply((arn) =>
                JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [{ Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [arn, `${arn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } }],
                }),
            ),
        },
        // S3 rejects concurrent changes to a bucket's access settings.
        { parent, dependsOn: [publicAccessBlock] },
    );
    return bucket;
}
