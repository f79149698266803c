/**
 * CPU, memory and GPUs a service asks for: `deploy.resources.reservations`, else its limits.
 */
import { ComposeDeploy } from "../compose/types";
import { ResourcesModel } from "./types";

const MIB = 1024 * 1024;

export function resourcesFromCompose(deploy: ComposeDeploy | undefined): ResourcesModel {
    const reservations = deploy?.resources?.reservations ?? {};
    const limits = deploy?.resources?.limits ?? {};
    const out: ResourcesModel = {};
    const cpus = reservations.cpus ?? limits.cpus;
    if (cpus !== undefined && Number(cpus) > 0) out.cpus = Number(cpus);
    const memory = reservations.memory ?? limits.memory;
    if (memory !== undefined && Number(memory) > 0) out.memoryMiB = Math.ceil(Number(memory) / MIB);
    const gpus = gpuCount(reservations.devices);
    if (gpus > 0) out.gpus = gpus;
    return out;
}

/** GPUs in `reservations.devices` (`count: all` counts as 1). */
function gpuCount(devices: unknown[] | undefined): number {
    let n = 0;
    for (const d of devices ?? []) {
        const dev = d as { capabilities?: string[]; count?: number | string; device_ids?: string[] };
        if (!dev.capabilities?.includes("gpu")) continue;
        n += typeof dev.count === "number" ? dev.count : dev.device_ids?.length ?? 1;
    }
    return n;
}
