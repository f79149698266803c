/**
 * The cheapest node of a managed data store that has the CPUs and memory a service asks for
 * (`deploy.resources`), as RDS for PostgreSQL (`rds-sizing.ts`) and ElastiCache
 * (`elasticache-sizing.ts`) pick it; each keeps its own list of sizes. Pure: no Pulumi resource here.
 */
import { UnsupportedFeaturesError } from "../../../model/errors";
import { ResourcesModel } from "../../../model/types";

/** A node size: its AWS name, vCPUs and memory. */
export interface NodeSize {
    name: string;
    vcpus: number;
    memoryGiB: number;
}

/** Node sizes, cheapest first; never empty. */
export type NodeSizes<S extends NodeSize = NodeSize> = readonly [S, ...S[]];

/** The sizes one managed service offers here. */
export interface NodeCatalog {
    sizes: NodeSizes;
    /** The size when the service asks for nothing. */
    defaultSize: string;
    /** What a size is called, for a refusal: `RDS for PostgreSQL class`, `ElastiCache node type`. */
    sizeName: string;
}

/** The cheapest size of `catalog` with at least the CPUs and memory asked for; a clear error, naming the largest, when none has. */
export function cheapestNodeSize(service: string, resources: ResourcesModel, catalog: NodeCatalog): string {
    const cpus = resources.cpus ?? 0;
    const memoryMiB = resources.memoryMiB ?? 0;
    if (cpus <= 0 && memoryMiB <= 0) return catalog.defaultSize;
    const fit = catalog.sizes.find((n) => n.vcpus >= cpus && n.memoryGiB * 1024 >= memoryMiB);
    if (fit) return fit.name;
    const largest = catalog.sizes.at(-1) ?? catalog.sizes[0];
    const what = memoryMiB > largest.memoryGiB * 1024 ? `${formatGiB(memoryMiB)} GiB of memory` : `${cpus} CPUs`;
    throw new UnsupportedFeaturesError("aws", [
        {
            service,
            field: "deploy.resources",
            message: `asks for ${what}; the largest ${catalog.sizeName} used here (${largest.name}) has ${largest.vcpus} vCPUs and ${largest.memoryGiB} GiB`,
            hint: `ask for at most ${largest.vcpus} CPUs and ${largest.memoryGiB} GiB of memory in deploy.resources`,
        },
    ]);
}

function formatGiB(mib: number): string {
    return String(Math.round((mib / 1024) * 100) / 100);
}
