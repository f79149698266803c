/**
 * CPU and memory a service asks for: `deploy.resources.reservations`, else its limits (GPUs: `gpus.ts`).
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
    return out;
}
