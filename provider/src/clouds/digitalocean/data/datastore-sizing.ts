/**
 * Managed database and cache node sizes: the cheapest with at least the CPUs and memory the
 * compose service reserves. Prices are list prices per node and month (USD), for the docs.
 */
import { UnsupportedFeaturesError } from "../../../model/errors";
import { ResourcesModel } from "../../../model/types";

export interface DatabaseSize {
    slug: string;
    cpus: number;
    memoryMiB: number;
    monthlyUsd: number;
}

/** Basic (shared CPU) nodes, cheapest first; the same sizes serve PostgreSQL and Valkey. */
export const DATABASE_SIZES: readonly DatabaseSize[] = [
    { slug: "db-s-1vcpu-1gb", cpus: 1, memoryMiB: 1024, monthlyUsd: 15 },
    { slug: "db-s-1vcpu-2gb", cpus: 1, memoryMiB: 2048, monthlyUsd: 30 },
    { slug: "db-s-2vcpu-4gb", cpus: 2, memoryMiB: 4096, monthlyUsd: 60 },
    { slug: "db-s-4vcpu-8gb", cpus: 4, memoryMiB: 8192, monthlyUsd: 120 },
    { slug: "db-s-6vcpu-16gb", cpus: 6, memoryMiB: 16384, monthlyUsd: 240 },
    { slug: "db-s-8vcpu-32gb", cpus: 8, memoryMiB: 32768, monthlyUsd: 480 },
    { slug: "db-s-16vcpu-64gb", cpus: 16, memoryMiB: 65536, monthlyUsd: 960 },
];

/** The cheapest node that fits `resources`; throws naming the service when none does. */
export function databaseSize(service: string, resources: ResourcesModel): DatabaseSize {
    const cpus = resources.cpus ?? 0;
    const memory = resources.memoryMiB ?? 0;
    const size = DATABASE_SIZES.find((s) => s.cpus >= cpus && s.memoryMiB >= memory);
    if (size) return size;
    throw new UnsupportedFeaturesError("digitalocean", [
        { service, field: "deploy.resources.reservations", message: `no managed database node has ${cpus} vCPU and ${memory} MiB`, hint: "ask for at most 16 vCPU and 64G (db-s-16vcpu-64gb)" },
    ]);
}
