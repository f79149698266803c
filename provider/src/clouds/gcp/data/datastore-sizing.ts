/**
 * Sizes of the managed data stores from the service's reservations: pure, no resources. Requests
 * are rounded UP to the smallest size that gives at least what was asked.
 */
import { ResourcesModel } from "../../../model/types";

/** Shared-core Cloud SQL tiers (Enterprise edition only): the cheapest databases, by memory. */
export const SHARED_CORE_TIERS: ReadonlyArray<{ tier: string; memoryMiB: number }> = [
    { tier: "db-f1-micro", memoryMiB: 614 },
    { tier: "db-g1-small", memoryMiB: 1741 },
];
/** Dedicated-core Cloud SQL machines: 0.9 to 6.5 GiB of memory per vCPU, in steps of 256 MiB; 1 vCPU or an even count. */
export const CUSTOM_MEMORY_PER_CPU_MIB = { min: 922, max: 6656 } as const;
export const CUSTOM_MEMORY_STEP_MIB = 256;

/**
 * The Cloud SQL tier: a shared-core tier when no CPU is asked for and the memory fits one (no
 * reservation gives `db-f1-micro`, about 9 USD a month), else the smallest `db-custom-<cpus>-<MiB>`.
 */
export function cloudSqlTier(resources: ResourcesModel): string {
    const memory = resources.memoryMiB ?? 0;
    if (!resources.cpus) {
        const shared = SHARED_CORE_TIERS.find((t) => t.memoryMiB >= memory);
        if (shared) return shared.tier;
    }
    let cpus = Math.max(1, Math.ceil(resources.cpus ?? 0), Math.ceil(memory / CUSTOM_MEMORY_PER_CPU_MIB.max));
    if (cpus > 1 && cpus % 2 === 1) cpus++;
    const floor = Math.ceil((cpus * CUSTOM_MEMORY_PER_CPU_MIB.min) / CUSTOM_MEMORY_STEP_MIB) * CUSTOM_MEMORY_STEP_MIB;
    const mem = Math.max(floor, Math.ceil(memory / CUSTOM_MEMORY_STEP_MIB) * CUSTOM_MEMORY_STEP_MIB);
    return `db-custom-${cpus}-${mem}`;
}

/** Memorystore for Redis capacity in GB (whole GB, at least 1) from the memory asked for. */
export function memorystoreCapacityGb(resources: ResourcesModel): number {
    return Math.max(1, Math.ceil((resources.memoryMiB ?? 0) / 1024));
}
