/**
 * The storage of a project's named volumes on Google Cloud: one Cloud Storage bucket, created with
 * the first service that mounts a volume, each volume a prefix (`<volume>/`) mounted with Cloud
 * Storage FUSE. The bucket is in the project's region, private (uniform bucket-level access, public
 * access prevented), keeps deleted and overwritten files for 7 days (soft delete), and is kept with
 * its data when the stack is destroyed unless `defang:retainVolumes` is false
 * (`defang:deletionProtection` protects it too, as it does databases).
 *
 * Cloud Storage FUSE over Filestore: no VPC, no 1 TiB minimum (about $200 a month for Filestore's
 * smallest instance against cents for a few GB), billed per GB stored; the price is POSIX semantics
 * (no file locks, a file is written whole on close), which the table warns about where it matters.
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";

/** Days Cloud Storage keeps a deleted or overwritten file, recoverable (soft delete). */
export const SOFT_DELETE_DAYS = 7;

export interface VolumeBucketArgs {
    name: string;
    project: string;
    region: string;
    labels: Record<string, string>;
    /** Keep the bucket and its files when the stack is destroyed. */
    retain: boolean;
    /** Refuse to delete it at all (`defang:deletionProtection`). */
    protect: boolean;
    parent: pulumi.ComponentResource;
}

export function createVolumeBucket(args: VolumeBucketArgs): gcp.storage.Bucket {
    return new gcp.storage.Bucket(
        `${args.name}-volumes`,
        {
            project: args.project,
            location: args.region,
            storageClass: "STANDARD",
            uniformBucketLevelAccess: true,
            publicAccessPrevention: "enforced",
            softDeletePolicy: { retentionDurationSeconds: SOFT_DELETE_DAYS * 24 * 3600 },
            // Never delete files with the bucket unless the stack asks for it.
            forceDestroy: !args.retain,
            labels: args.labels,
        },
        { parent: args.parent, retainOnDelete: args.retain, protect: args.protect },
    );
}
