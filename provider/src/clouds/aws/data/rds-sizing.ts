/**
 * The RDS instance class of a Postgres service: the cheapest class that has the CPUs and memory the
 * service asks for (`deploy.resources`). Pure: no Pulumi resource here.
 */
import { UnsupportedFeaturesError } from "../../../model/errors";
import { ResourcesModel } from "../../../model/types";

export interface RdsInstanceClass {
    name: string;
    vcpus: number;
    memoryGiB: number;
}

/**
 * Graviton classes, cheapest first: the burstable db.t4g family up to 2xlarge, then the general
 * purpose db.m7g family for what no burstable class has. Graviton is the cheapest per vCPU and GiB
 * on RDS for PostgreSQL.
 */
export const RDS_INSTANCE_CLASSES: readonly RdsInstanceClass[] = [
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
    const cpus = resources.cpus ?? 0;
    const memoryMiB = resources.memoryMiB ?? 0;
    if (cpus <= 0 && memoryMiB <= 0) return DEFAULT_RDS_INSTANCE_CLASS;
    const fit = RDS_INSTANCE_CLASSES.find((c) => c.vcpus >= cpus && c.memoryGiB * 1024 >= memoryMiB);
    if (fit) return fit.name;
    const largest = RDS_INSTANCE_CLASSES[RDS_INSTANCE_CLASSES.length - 1];
    const what = memoryMiB > largest.memoryGiB * 1024 ? `${formatGiB(memoryMiB)} GiB of memory` : `${cpus} CPUs`;
    throw new UnsupportedFeaturesError("aws", [
        {
            service,
            field: "deploy.resources",
            message: `asks for ${what}; the largest RDS for PostgreSQL class used here (${largest.name}) has ${largest.vcpus} vCPUs and ${largest.memoryGiB} GiB`,
            hint: `ask for at most ${largest.vcpus} CPUs and ${largest.memoryGiB} GiB of memory in deploy.resources`,
        },
    ]);
}

function formatGiB(mib: number): string {
    return String(Math.round((mib / 1024) * 100) / 100);
}
