/**
 * App Platform instance sizes and the choice among them: the cheapest size with at least the CPUs
 * and memory a service reserves (`deploy.resources.reservations`, else `limits`). Autoscaling is
 * only offered on dedicated-CPU sizes, so an autoscaled service gets the cheapest dedicated size
 * that fits. Prices are list prices per instance and month (USD), for the docs and the estimate.
 */
import { UnsupportedFeaturesError } from "../../../model/errors";
import { ResourcesModel } from "../../../model/types";

export interface AppInstanceSize {
    slug: string;
    cpus: number;
    memoryMiB: number;
    /** Dedicated CPU (autoscaling possible) or shared CPU. */
    dedicated: boolean;
    /** Whether the size runs more than one instance of a component. */
    multipleInstances: boolean;
    monthlyUsd: number;
}

/**
 * The sizes, cheapest first. The smallest shared size is taken to run one instance only (a service
 * with replicas gets the next size); the `-fixed` 1 GiB size, which runs one instance, is left out.
 */
export const APP_INSTANCE_SIZES: readonly AppInstanceSize[] = [
    { slug: "apps-s-1vcpu-0.5gb", cpus: 1, memoryMiB: 512, dedicated: false, multipleInstances: false, monthlyUsd: 5 },
    { slug: "apps-s-1vcpu-1gb", cpus: 1, memoryMiB: 1024, dedicated: false, multipleInstances: true, monthlyUsd: 12 },
    { slug: "apps-s-1vcpu-2gb", cpus: 1, memoryMiB: 2048, dedicated: false, multipleInstances: true, monthlyUsd: 25 },
    { slug: "apps-d-1vcpu-0.5gb", cpus: 1, memoryMiB: 512, dedicated: true, multipleInstances: true, monthlyUsd: 29 },
    { slug: "apps-d-1vcpu-1gb", cpus: 1, memoryMiB: 1024, dedicated: true, multipleInstances: true, monthlyUsd: 34 },
    { slug: "apps-d-1vcpu-2gb", cpus: 1, memoryMiB: 2048, dedicated: true, multipleInstances: true, monthlyUsd: 39 },
    { slug: "apps-d-1vcpu-4gb", cpus: 1, memoryMiB: 4096, dedicated: true, multipleInstances: true, monthlyUsd: 49 },
    { slug: "apps-s-2vcpu-4gb", cpus: 2, memoryMiB: 4096, dedicated: false, multipleInstances: true, monthlyUsd: 50 },
    { slug: "apps-d-2vcpu-4gb", cpus: 2, memoryMiB: 4096, dedicated: true, multipleInstances: true, monthlyUsd: 78 },
    { slug: "apps-d-2vcpu-8gb", cpus: 2, memoryMiB: 8192, dedicated: true, multipleInstances: true, monthlyUsd: 98 },
    { slug: "apps-d-4vcpu-8gb", cpus: 4, memoryMiB: 8192, dedicated: true, multipleInstances: true, monthlyUsd: 156 },
    { slug: "apps-d-4vcpu-16gb", cpus: 4, memoryMiB: 16384, dedicated: true, multipleInstances: true, monthlyUsd: 196 },
    { slug: "apps-d-8vcpu-32gb", cpus: 8, memoryMiB: 32768, dedicated: true, multipleInstances: true, monthlyUsd: 392 },
];

/** The size of a service that reserves nothing: the cheapest, 1 shared vCPU and 512 MiB. */
export const DEFAULT_INSTANCE_SIZE = APP_INSTANCE_SIZES[0];

/**
 * The cheapest size that fits `resources`, dedicated when `autoscaled`, able to run `instances`;
 * throws naming the service when none does.
 */
export function appInstanceSize(service: string, resources: ResourcesModel, autoscaled = false, instances = 1): AppInstanceSize {
    const cpus = resources.cpus ?? 0;
    const memory = resources.memoryMiB ?? 0;
    const size = APP_INSTANCE_SIZES.find((s) => s.cpus >= cpus && s.memoryMiB >= memory && (!autoscaled || s.dedicated) && (instances <= 1 || s.multipleInstances));
    if (size) return size;
    throw new UnsupportedFeaturesError("digitalocean", [
        {
            service,
            field: "deploy.resources.reservations",
            message: `no App Platform instance has ${cpus} vCPU and ${memory} MiB`,
            hint: "ask for at most 8 vCPU and 32G (apps-d-8vcpu-32gb)",
        },
    ]);
}
