/**
 * The ElastiCache node type of a Redis or Valkey service: the cheapest node that has the memory (and
 * CPUs) the service asks for (`deploy.resources`, picked by `node-sizing.ts`). Pure: no Pulumi resource here.
 *
 * The memory is the node's, as AWS lists it; ElastiCache keeps part of it (25% by default) for
 * its own use, so a cache that needs all it asks for should ask for a third more.
 */
import { ResourcesModel } from "../../../model/types";
import { NodeSize, NodeSizes, cheapestNodeSize } from "./node-sizing";

export type CacheNodeType = NodeSize;

/**
 * Graviton node types, cheapest first: the burstable cache.t4g family, then the general purpose
 * cache.m7g family. Graviton is the cheapest per GiB on ElastiCache.
 */
export const CACHE_NODE_TYPES: NodeSizes<CacheNodeType> = [
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
    return cheapestNodeSize(service, resources, { sizes: CACHE_NODE_TYPES, defaultSize: DEFAULT_CACHE_NODE_TYPE, sizeName: "ElastiCache node type" });
}
