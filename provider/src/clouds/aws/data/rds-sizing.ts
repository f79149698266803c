/**
 * The RDS instance class of a Postgres service: the cheapest class that has the CPUs and memory the
 * service asks for (`deploy.resources`, picked by `node-sizing.ts`). Pure: no Pulumi resource here.
 */
import { ResourcesModel } from "../../../model/types";
import { NodeSize, NodeSizes, cheapestNodeSize } from "./node-sizing";

export type RdsInstanceClass = NodeSize;

/**
 * Graviton classes, cheapest first: the burstable db.t4g family up to 2xlarge, then the general
 * purpose db.m7g family for what no burstable class has. Graviton is the cheapest per vCPU and GiB
 * on RDS for PostgreSQL.
 */
export const RDS_INSTANCE_CLASSES: NodeSizes<RdsInstanceClass> = [
    { name: "db.t4g.micro", vcpus: 2, memoryGiB: 1 },
    { name: "db.t4g.small", vcpus: 2, memoryGiB: 2 },
    { name: "db.t4g.medium", vcpus: 2, memoryGiB: 4 },
    { name: "db.t4g.large", vcpus: 2, memoryGiB: 8 },
    { name: "db.t4g.xlarge", vcpus: 4, memoryGiB: 16 },
    { name: "db.t4g.2xlarge", vcpus: 8, memoryGiB: 32 },
    { name: "db.m7g.4xlarge", vcpus: 16, memoryGiB: 64 },
    { name: "db.m7g.8xlarge", vcpus: 32, memoryGiB: 128 },
    { name: "db.m7g.12xlarge", vcpus: 48, memoryGiB: 192 },
    { name: "db.m7g.16xlarge", vcpus: 64, memoryGiB: 256 },
];

/**
 * The class when the service asks for nothing: the cheapest RDS class there is (2 burstable vCPUs,
 * 1 GiB), enough for development and small apps; ask for more with `deploy.resources`.
 */
export const DEFAULT_RDS_INSTANCE_CLASS = "db.t4g.micro";

/** The cheapest class with at least the CPUs and memory asked for; a clear error when none has. */
export function rdsInstanceClass(service: string, resources: ResourcesModel): string {
    return cheapestNodeSize(service, resources, { sizes: RDS_INSTANCE_CLASSES, defaultSize: DEFAULT_RDS_INSTANCE_CLASS, sizeName: "RDS for PostgreSQL class" });
}
