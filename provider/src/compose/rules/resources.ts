/**
 * Sizing: how much memory a service gets, and how many copies run.
 */
import { Path } from "../paths";
import { Reporter, Rule } from "./report";

/**
 * The most copies of one service any of the clouds runs: an ECS service runs at most 5,000 tasks
 * (a fixed quota), and Cloud Run and App Platform allow fewer instances per service. More is a typo
 * or a unit mistake, never a deployment.
 */
export const MAX_REPLICAS = 5000;

/** The fields that say how many copies run. */
const REPLICAS: Path = ["deploy", "replicas"];
const SCALE: Path = ["scale"];

/** A memory reservation (or at least a limit, or the older `mem_reservation` / `mem_limit`) so the cloud can size the service; replicas neither zero nor more than a cloud runs. */
export const checkResources: Rule = (project, report, _ctx, services) => {
    for (const [name, svc] of services) {
        const resources = svc.deploy?.resources;
        // A model provider service runs a gateway sized by the deployment (see `model/model-endpoints.ts`).
        const modelProvider = (svc.provider as { type?: unknown } | undefined)?.type === "model";
        if (!modelProvider && !resources?.reservations?.memory && !resources?.limits?.memory && !svc.mem_reservation && !svc.mem_limit) {
            report.service(name, ["deploy", "resources", "reservations", "memory"], {
                severity: "warning",
                code: "missing-memory-reservation",
                message: "no memory reservation: the cloud provider's default size is used, which may be too small (out-of-memory restarts) or larger than needed",
                hint: "set deploy.resources.reservations.memory, e.g. 512M",
            });
        }
        if (svc.deploy?.replicas === 0) {
            report.service(name, ["deploy", "replicas"], {
                severity: "warning",
                code: "zero-replicas",
                message: "0 replicas: the service is created but no instance of it runs",
                hint: "set deploy.replicas to 1 or more, or keep the service out of the deployment with `profiles`",
            });
        }
        tooManyReplicas(name, REPLICAS, svc.deploy?.replicas, report);
        tooManyReplicas(name, SCALE, svc.scale, report);
    }
};

/** More copies than any of the clouds runs. */
function tooManyReplicas(name: string, field: Path, count: unknown, report: Reporter): void {
    // Values that are not whole numbers (or too large to read) were refused by the loader already.
    if (!Number.isSafeInteger(count) || (count as number) <= MAX_REPLICAS) return;
    report.service(name, field, {
        severity: "error",
        code: "too-many-replicas",
        message: `${count} copies of one service is more than any of the clouds runs (at most ${MAX_REPLICAS})`,
        hint: `ask for at most ${MAX_REPLICAS}; for load that varies, use x-defang-autoscaling`,
    });
}
