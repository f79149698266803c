/**
 * Amazon DocumentDB versions, from the MongoDB version of the image tag. Pure (no SDK).
 *
 * DocumentDB offers MongoDB compatibility 4.0, 5.0 and 8.0; 8.0 also serves applications written
 * for the MongoDB 6.0 and 7.0 APIs. Source: https://docs.aws.amazon.com/documentdb/latest/developerguide/compatibility.html
 * (read 2026-12-07). 3.6 reached its end of life and is not offered to new clusters.
 */
import { UnsupportedFeaturesError } from "../../../model/errors";

export interface DocdbVersion {
    /** `engineVersion` of the cluster. */
    engineVersion: string;
    /** The cluster parameter group family. */
    family: string;
}

/** MongoDB major version -> the DocumentDB version that serves it. */
export const DOCDB_VERSIONS: Readonly<Record<string, DocdbVersion>> = {
    "4": { engineVersion: "4.0.0", family: "docdb4.0" },
    "5": { engineVersion: "5.0.0", family: "docdb5.0" },
    "6": { engineVersion: "8.0.0", family: "docdb8.0" },
    "7": { engineVersion: "8.0.0", family: "docdb8.0" },
    "8": { engineVersion: "8.0.0", family: "docdb8.0" },
};

/** When the image has no version tag (`mongo`, `mongo:latest`): the newest. */
export const DEFAULT_DOCDB_MAJOR = "8";

/** The DocumentDB version for a `mongo:<version>` image, or a named refusal. */
export function docdbVersion(service: string, version: string | undefined): DocdbVersion {
    const major = version?.split(".")[0] ?? DEFAULT_DOCDB_MAJOR;
    const found = DOCDB_VERSIONS[major];
    if (found) return found;
    throw new UnsupportedFeaturesError("aws", [
        {
            service,
            field: "image",
            message: `MongoDB ${version} is not offered by Amazon DocumentDB (it is compatible with MongoDB 4.0, 5.0 and 8.0, which also serves 6.0 and 7.0 applications)`,
            hint: `use one of mongo:${Object.keys(DOCDB_VERSIONS).join(", mongo:")}`,
        },
    ]);
}
