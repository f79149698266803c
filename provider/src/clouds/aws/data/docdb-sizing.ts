/**
 * DocumentDB instance classes, from a managed MongoDB's memory reservation. Pure (no SDK).
 * db.t3.medium (2 vCPU, 4 GiB) is the smallest class every DocumentDB version offers; larger
 * reservations take the memory-optimized r6g classes.
 */
import { UnsupportedFeaturesError } from "../../../model/errors";
import { ResourcesModel } from "../../../model/types";

export interface DocdbInstanceClass {
    instanceClass: string;
    memoryGiB: number;
}

/** Classes by memory (GiB), smallest first; never empty. */
export const DOCDB_INSTANCE_CLASSES: readonly [DocdbInstanceClass, ...DocdbInstanceClass[]] = [
    { instanceClass: "db.t3.medium", memoryGiB: 4 },
    { instanceClass: "db.r6g.large", memoryGiB: 16 },
    { instanceClass: "db.r6g.xlarge", memoryGiB: 32 },
    { instanceClass: "db.r6g.2xlarge", memoryGiB: 64 },
];

/** The smallest class with at least the memory asked for. */
export function docdbInstanceClass(service: string, resources: ResourcesModel): string {
    const gib = (resources.memoryMiB ?? 0) / 1024;
    const found = DOCDB_INSTANCE_CLASSES.find((c) => c.memoryGiB >= gib);
    if (found) return found.instanceClass;
    const largest = DOCDB_INSTANCE_CLASSES.at(-1) ?? DOCDB_INSTANCE_CLASSES[0];
    throw new UnsupportedFeaturesError("aws", [
        {
            service,
            field: "deploy.resources.reservations.memory",
            message: `${gib} GiB is more than the ${largest.memoryGiB} GiB of the largest DocumentDB instance offered here`,
            hint: `ask for at most ${largest.memoryGiB}G`,
        },
    ]);
}

/** DocumentDB's master user name rules: 1 to 63 letters and digits, starting with a letter, not a reserved word. */
export function checkDocdbUser(service: string, user: string): void {
    const reserved = new Set(["admin", "root", "serviceadmin"]);
    if (/^[A-Za-z][A-Za-z0-9]{0,62}$/.test(user) && !reserved.has(user.toLowerCase())) return;
    throw new UnsupportedFeaturesError("aws", [
        {
            service,
            field: "environment.MONGO_INITDB_ROOT_USERNAME",
            message: `"${user}" is not a valid DocumentDB user name (1 to 63 letters and digits, starting with a letter; not admin, root or serviceadmin)`,
            hint: "choose another user name, e.g. `MONGO_INITDB_ROOT_USERNAME: app`",
        },
    ]);
}

/** The largest number of instances (one primary and up to 15 replicas). */
export const MAX_DOCDB_INSTANCES = 16;

export function docdbInstanceCount(service: string, replicas: number): number {
    if (replicas <= MAX_DOCDB_INSTANCES) return replicas;
    throw new UnsupportedFeaturesError("aws", [
        { service, field: "deploy.replicas", message: `${replicas} instances is more than the ${MAX_DOCDB_INSTANCES} a DocumentDB cluster can have`, hint: `ask for at most ${MAX_DOCDB_INSTANCES} replicas` },
    ]);
}
