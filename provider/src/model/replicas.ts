/**
 * How many instances of a service compose asks to run at once, and what 0 means. `docker compose
 * up` starts no container of a service with `deploy.replicas: 0` (the loader warns of it:
 * `zero-replicas`); a cloud that can keep a service at zero instances does so, and one that cannot
 * (or a job, which exists to run) runs one instead, with `instancesAtLeastOne`.
 */
import { ServiceModel } from "./types";

/** The instances asked for: the low end of an autoscaling range, else `deploy.replicas`; 0 means none runs. */
export function requestedInstances(model: Pick<ServiceModel, "replicas" | "autoscaling">): number {
    return model.autoscaling ? model.autoscaling.minReplicas : model.replicas;
}

/** The instances asked for, but at least one: what runs where zero instances is not possible or not meant. */
export function instancesAtLeastOne(model: Pick<ServiceModel, "replicas" | "autoscaling">): number {
    return Math.max(1, requestedInstances(model));
}
