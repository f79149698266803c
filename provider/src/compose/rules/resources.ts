/**
 * Sizing: how much memory a service gets, and how many copies run.
 */
import { Rule, services } from "./report";

/** A memory reservation (or at least a limit, or the older `mem_reservation` / `mem_limit`) so the cloud can size the service; replicas not zero. */
export const checkResources: Rule = (project, report) => {
    for (const [name, svc] of services(project)) {
        const resources = svc.deploy?.resources;
        if (!resources?.reservations?.memory && !resources?.limits?.memory && !svc.mem_reservation && !svc.mem_limit) {
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
    }
};
