/**
 * The ElastiCache node type of a Redis or Valkey service: the cheapest node that has the memory (and
 * CPUs) the service asks for (`deploy.resources`). Pure: no Pulumi resource here.
 *
 * The memory is the node's, as AWS lists it; ElastiCache keeps part of it (25% by default) for
 * its own use, so a cache that needs all it asks for should ask for a third more.
 */
import { UnsupportedFeaturesError } from "../../../model/errors";
import { ResourcesModel } from "../../../model/types";

export interface CacheNodeType {
    name: string;
    vcpus: number;
    memoryGiB: number;
}

/**
 * Graviton node types, cheapest first: the burstable cache.t4g family, then the general purpose
 * cache.m7g family. Graviton is the cheapest per GiB on ElastiCache.
 */
export const CACHE_NODE_TYPES: readonly CacheNodeType[] = [
    { name: "cache.t4g.micro", vcpus: 2, memoryGiB: 0.5 },
    { name: "cache.t4g.small", vcpus: 2, memoryGiB: 1.37 },
    { name: "cache.t4g.medium", vcpus: 2, memoryGiB: 3.09 },
    { name: "cache.m7g.large", vcpus: 2, memoryGiB: 6.38 },
    { name: "cache.m7g.xlarge", vcpus: 4, memoryGiB: 12.93 },
    { name: "cache.m7g.2xlarge", vcpus: 8, memoryGiB: 26.04 },
    { name: "cache.m7g.4xlarge", vcpus: 16, memoryGiB: 52.26 },
    { name: "cache.m7g.8xlarge", vcpus: 32, memoryGiB: 103.68 },
    { name: "cache.m7g.12xlarge", vcpus: 48, memoryGiB: 157.12 },
    { name: "cache.m7g.16xlarge", vcpus: 64, memoryGiB: 209.55 },
];

/**
 * The node type when the service asks for nothing: the cheapest node there is (0.5 GiB), enough
 * for sessions and small caches; ask for more with `deploy.resources`.
 */
export const DEFAULT_CACHE_NODE_TYPE = "cache.t4g.micro";

/** The cheapest node type with at least the memory and CPUs asked for; a clear error when none has. */
export function cacheNodeType(service: string, resources: ResourcesModel): string {
    const cpus = resources.cpus ?? 0;
    const memoryMiB = resources.memoryMiB ?? 0;
    if (cpus <= 0 && memoryMiB <= 0) return DEFAULT_CACHE_NODE_TYPE;
    const fit = CACHE_NODE_TYPES.find((n) => n.vcpus >= cpus && n.memoryGiB * 1024 >= memoryMiB);
    if (fit) return fit.name;
    const largest = CACHE_NODE_TYPES[CACHE_NODE_TYPES.length - 1];
    const what = memoryMiB > largest.memoryGiB * 1024 ? `${Math.round((memoryMiB / 1024) * 100) / 100} GiB of memory` : `${cpus} CPUs`;
    throw new UnsupportedFeaturesError("aws", [
        {
            service,
            field: "deploy.resources",
            message: `asks for ${what}; the largest ElastiCache node type used here (${largest.name}) has ${largest.vcpus} vCPUs and ${largest.memoryGiB} GiB`,
            hint: `ask for at most ${largest.vcpus} CPUs and ${largest.memoryGiB} GiB of memory in deploy.resources`,
        },
    ]);
}
