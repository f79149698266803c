/**
 * CPU and memory a service asks for: `deploy.resources.reservations`, else its limits, else the
 * service-level `cpus`, `mem_reservation` and `mem_limit` of older compose files (GPUs: `gpus.ts`).
 */
import { ComposeDeploy } from "../compose/types";
import { ResourcesModel } from "./types";

const MIB = 1024 * 1024;

/** The service-level size attributes (canonical: CPUs as a number, memory in bytes). */
export interface LegacySize {
    cpus?: unknown;
    mem_reservation?: unknown;
    mem_limit?: unknown;
}

export function resourcesFromCompose(deploy: ComposeDeploy | undefined, legacy: LegacySize = {}): ResourcesModel {
    const reservations = deploy?.resources?.reservations ?? {};
    const limits = deploy?.resources?.limits ?? {};
    const out: ResourcesModel = {};
    const cpus = reservations.cpus ?? limits.cpus ?? legacy.cpus;
    if (cpus !== undefined && Number(cpus) > 0) out.cpus = Number(cpus);
    const memory = reservations.memory ?? limits.memory ?? legacy.mem_reservation ?? legacy.mem_limit;
    if (memory !== undefined && Number(memory) > 0) out.memoryMiB = Math.ceil(Number(memory) / MIB);
    return out;
}
