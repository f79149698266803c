/**
 * The CPU and memory of a Cloud Run instance: pure, no resources. Cloud Run accepts whole CPUs
 * (1, 2, 4, 6, 8) with memory bounded by the CPU count; a service's request (reservations, else
 * limits) is rounded UP to the smallest size that gives at least what was asked.
 *
 * Fractional CPUs (below 1) are not used: Cloud Run allows them only with one request at a time per
 * instance, which would silently serialize a web service.
 */
import { InvalidArgumentError } from "../../../model/errors";
import { ResourcesModel } from "../../../model/types";
import { lastItem } from "../../../util/checked-index";

export interface CloudRunCpuOption {
    cpus: number;
    minMemoryMiB: number;
    maxMemoryMiB: number;
}

/** Cloud Run's CPU counts and the memory each allows (Cloud Run documentation, "Configure CPU limits" and "memory limits"). */
export const CLOUD_RUN_SIZES: readonly CloudRunCpuOption[] = [
    { cpus: 1, minMemoryMiB: 128, maxMemoryMiB: 4096 },
    { cpus: 2, minMemoryMiB: 128, maxMemoryMiB: 8192 },
    { cpus: 4, minMemoryMiB: 2048, maxMemoryMiB: 16384 },
    { cpus: 6, minMemoryMiB: 4096, maxMemoryMiB: 24576 },
    { cpus: 8, minMemoryMiB: 4096, maxMemoryMiB: 32768 },
];

/** Memory when the service asks for none: Cloud Run's own default, enough for a typical web app. */
export const DEFAULT_MEMORY_MIB = 512;
/** Memory is rounded up to a multiple of this many MiB. */
export const MEMORY_STEP_MIB = 128;

export interface CloudRunSize {
    cpus: number;
    memoryMiB: number;
    /** The container's resource limits, as Cloud Run takes them: `{ cpu: "1", memory: "512Mi" }` (and `"nvidia.com/gpu": "1"` with a GPU, see `cloud-run-gpu.ts`). */
    limits: { cpu: string; memory: string; "nvidia.com/gpu"?: string };
}

/** The smallest Cloud Run size with at least the CPUs and memory asked for. */
export function cloudRunSize(service: string, resources: ResourcesModel): CloudRunSize {
    const askedMemory = resources.memoryMiB ?? DEFAULT_MEMORY_MIB;
    const askedCpus = resources.cpus ?? 0;
    const memory = Math.max(MEMORY_STEP_MIB, Math.ceil(askedMemory / MEMORY_STEP_MIB) * MEMORY_STEP_MIB);
    const option = CLOUD_RUN_SIZES.find((o) => o.cpus >= askedCpus && o.maxMemoryMiB >= memory);
    if (!option) {
        const largest = lastItem(CLOUD_RUN_SIZES, "CLOUD_RUN_SIZES");
        throw new InvalidArgumentError(
            `service "${service}"`,
            "deploy.resources",
            `asks for ${askedCpus} CPUs and ${askedMemory} MiB, more than a Cloud Run instance has`,
            `ask for at most ${largest.cpus} CPUs and ${largest.maxMemoryMiB / 1024} GiB`,
        );
    }
    const memoryMiB = Math.max(memory, option.minMemoryMiB);
    return { cpus: option.cpus, memoryMiB, limits: { cpu: String(option.cpus), memory: `${memoryMiB}Mi` } };
}
