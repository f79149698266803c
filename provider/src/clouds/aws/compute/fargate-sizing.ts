/**
 * The size of a Fargate task: pure, no resources. Fargate accepts only some CPU and memory
 * combinations; a service's request (reservations, else limits) is rounded UP to the cheapest one
 * that gives at least what was asked. Also used by the capability check, before any resource exists.
 */
import { InvalidArgumentError } from "../../../model/errors";
import { ResourcesModel } from "../../../model/types";
import { lastItem } from "../../../util/checked-index";

/** One Fargate CPU size and the memory sizes it accepts. */
export interface FargateCpuOption {
    /** CPU units: 1024 = 1 vCPU. */
    cpu: number;
    /** Memory sizes in MiB, ascending. */
    memoryMiB: readonly number[];
}

/** `from` to `to` MiB in steps of `step`. */
function range(from: number, to: number, step: number): number[] {
    const sizes: number[] = [];
    for (let m = from; m <= to; m += step) sizes.push(m);
    return sizes;
}

/**
 * The CPU and memory combinations Fargate accepts for Linux tasks (AWS ECS developer guide,
 * "Task CPU and memory"), smallest first. 8 and 16 vCPU need platform version 1.4.0, which `LATEST` is.
 */
export const FARGATE_SIZES: readonly FargateCpuOption[] = [
    { cpu: 256, memoryMiB: [512, 1024, 2048] },
    { cpu: 512, memoryMiB: range(1024, 4096, 1024) },
    { cpu: 1024, memoryMiB: range(2048, 8192, 1024) },
    { cpu: 2048, memoryMiB: range(4096, 16384, 1024) },
    { cpu: 4096, memoryMiB: range(8192, 30720, 1024) },
    { cpu: 8192, memoryMiB: range(16384, 61440, 4096) },
    { cpu: 16384, memoryMiB: range(32768, 122880, 8192) },
];

/** CPU units of one vCPU. */
export const CPU_UNITS_PER_VCPU = 1024;

export interface FargateSize {
    /** CPU units (1024 = 1 vCPU). */
    cpu: number;
    /** Memory in MiB. */
    memoryMiB: number;
}

/**
 * The size of a task that asks for nothing: the smallest Fargate task, 0.25 vCPU and 512 MiB
 * (cost: the cheapest task there is; services that need more say so with `deploy.resources`).
 */
export const DEFAULT_FARGATE_SIZE: FargateSize = { cpu: 256, memoryMiB: 512 };

const LARGEST = lastItem(FARGATE_SIZES, "FARGATE_SIZES");
const LARGEST_MEMORY_MIB = lastItem(LARGEST.memoryMiB, "the memory sizes of the largest Fargate CPU");

/** Whether `cpu`/`memoryMiB` is a combination Fargate accepts. */
export function isFargateSize(size: FargateSize): boolean {
    const option = FARGATE_SIZES.find((o) => o.cpu === size.cpu);
    return !!option && option.memoryMiB.includes(size.memoryMiB);
}

/**
 * The cheapest Fargate size with at least the CPUs and memory `resources` asks for (the smallest
 * CPU that can hold the memory, then the smallest memory that size accepts). Throws an
 * `InvalidArgumentError` naming `service` and the field when no Fargate task is that large.
 */
export function fargateSize(service: string, resources: ResourcesModel): FargateSize {
    const { cpus, memoryMiB } = resources;
    if (cpus === undefined && memoryMiB === undefined) return { ...DEFAULT_FARGATE_SIZE };
    if (cpus !== undefined && !(Number.isFinite(cpus) && cpus > 0)) {
        throw new InvalidArgumentError(service, "resources.cpus", `is ${cpus}, not a positive number of CPUs`, "ask for a positive number of CPUs, e.g. 0.5");
    }
    if (memoryMiB !== undefined && !(Number.isFinite(memoryMiB) && memoryMiB > 0)) {
        throw new InvalidArgumentError(service, "resources.memory", `is ${memoryMiB} MiB, not a positive amount of memory`, "ask for a positive amount of memory, e.g. 512M");
    }
    const wantCpu = cpus === undefined ? 0 : Math.ceil(cpus * CPU_UNITS_PER_VCPU);
    const wantMemory = memoryMiB === undefined ? 0 : Math.ceil(memoryMiB);
    const largest = `the largest Fargate task has ${LARGEST.cpu / CPU_UNITS_PER_VCPU} vCPU and ${LARGEST_MEMORY_MIB / 1024} GiB (${LARGEST_MEMORY_MIB} MiB)`;
    if (wantCpu > LARGEST.cpu) {
        throw new InvalidArgumentError(service, "resources.cpus", `asks for ${cpus} CPUs, more than AWS Fargate gives one task`, `${largest}; ask for at most ${LARGEST.cpu / CPU_UNITS_PER_VCPU} CPUs`);
    }
    if (wantMemory > LARGEST_MEMORY_MIB) {
        throw new InvalidArgumentError(service, "resources.memory", `asks for ${wantMemory} MiB, more than AWS Fargate gives one task`, `${largest}; ask for at most ${LARGEST_MEMORY_MIB} MiB`);
    }
    for (const option of FARGATE_SIZES) {
        if (option.cpu < wantCpu) continue;
        const memory = option.memoryMiB.find((m) => m >= wantMemory);
        if (memory !== undefined) return { cpu: option.cpu, memoryMiB: memory };
    }
    // Unreachable: the largest size holds any request that passed the checks above.
    throw new InvalidArgumentError(service, "resources", "has no Fargate size", largest);
}
