/**
 * The project's build bucket on DigitalOcean Spaces: where the remote builder's job fetches build
 * contexts from (see `do-build-run.ts`). Private (objects are read through presigned URLs only),
 * in the project's datacenter, and self-cleaning: an archive is deleted after its build, and any
 * left behind (an interrupted `pulumi up`) expires after a day.
 *
 * Managing a bucket needs Spaces keys in the DigitalOcean provider's config
 * (`digitalocean:spacesAccessId` / `spacesSecretKey`, or `SPACES_ACCESS_KEY_ID` /
 * `SPACES_SECRET_ACCESS_KEY`), besides the API token.
 */
import * as digitalocean from "@pulumi/digitalocean";
import * as pulumi from "@pulumi/pulumi";

/** Days after which a context archive left in the bucket is deleted. */
export const CONTEXT_EXPIRY_DAYS = 1;

export interface BuildBucket {
    name: pulumi.Output<string>;
    /** The datacenter (the Spaces region), e.g. `nyc3`. */
    region: string;
}

export function createBuildBucket(name: string, datacenter: string, parent: pulumi.Resource): BuildBucket {
    const bucket = new digitalocean.SpacesBucket(
        `${name}-builds`,
        {
            region: datacenter,
            acl: "private",
            // Holds only transient archives: deleting the stack must not fail on one left behind.
            forceDestroy: true,
            lifecycleRules: [{ enabled: true, expiration: { days: CONTEXT_EXPIRY_DAYS }, abortIncompleteMultipartUploadDays: CONTEXT_EXPIRY_DAYS }],
        },
        { parent },
    );
    return { name: bucket.name, region: datacenter };
}
