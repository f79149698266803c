/**
 * One-off jobs (see `../lifecycle.ts`): what of a job cannot be kept, and waits that can never end.
 * - A job's ports and domain name are not published (it runs once at deploy; nothing can reach it
 *   afterwards): warnings.
 * - `restart: "no"` on a service with ports: it runs as a long-running server, which the cloud
 *   restarts when it stops (a warning: the policy is not kept).
 * - Waiting for a long-running service to complete (`service_completed_successfully` on a service
 *   whose restart policy keeps it running, or on a managed database or cache): an error, as the
 *   dependent would never start.
 * - Autoscaling a job: an error (a job runs a fixed number of copies to completion).
 */
import { COMPLETED_SUCCESSFULLY, completionWaiters, restartField, restartPolicy, restartText, serviceLifecycle } from "../lifecycle";
import { extensionEnabled } from "../extension-flags";
import { Rule } from "./report";

export const checkJobs: Rule = (project, report, _ctx, services) => {
    const waiters = completionWaiters(project);
    for (const [name, svc] of services) {
        const awaitedBy = waiters.get(name) ?? [];
        const lifecycle = serviceLifecycle(svc, awaitedBy.length > 0);
        const policy = restartPolicy(svc);
        if (lifecycle === "job") {
            const why = policy === "no" ? restartText(svc) : `${awaitedBy.map((w) => `"${w}"`).join(", ")} wait${awaitedBy.length === 1 ? "s" : ""} for it to complete`;
            if ((svc.ports ?? []).length > 0) {
                report.service(name, ["ports"], {
                    severity: "warning",
                    code: "job-ports-ignored",
                    message: `runs once at deploy as a one-off job (${why}): its ports are not published, nothing can reach it`,
                    hint: 'remove `ports`; to keep it running as a server instead, remove `restart: "no"` and the `service_completed_successfully` conditions on it',
                });
            }
            if (svc.domainname) {
                report.service(name, ["domainname"], {
                    severity: "warning",
                    code: "job-domainname-ignored",
                    message: `runs once at deploy as a one-off job (${why}): its domain name is not set up`,
                    hint: 'remove `domainname`, or run it as a server (without `restart: "no"`)',
                });
            }
            if (extensionEnabled(svc["x-defang-autoscaling"])) {
                report.service(name, ["x-defang-autoscaling"], {
                    severity: "error",
                    code: "job-autoscaling",
                    message: `runs once at deploy as a one-off job (${why}), which cannot autoscale`,
                    hint: "remove `x-defang-autoscaling`; `deploy.replicas` runs that many copies of the job at once",
                });
            }
        } else if (policy === "no" && (svc.ports ?? []).length > 0) {
            report.service(name, restartField(svc), {
                severity: "warning",
                code: "restart-no-not-kept",
                message: "the service has ports, so it runs as a long-running server, which the cloud restarts when it stops",
                hint: 'remove `restart: "no"`; to run it once at deploy instead, remove its ports, or have the services that need it wait with `condition: service_completed_successfully`',
            });
        }
        for (const [dep, d] of Object.entries(svc.depends_on ?? {})) {
            const target = project.services[dep];
            if (d?.condition !== COMPLETED_SUCCESSFULLY || !target) continue;
            if (serviceLifecycle(target, true) === "job") continue;
            const managed = extensionEnabled(target["x-defang-postgres"]) || extensionEnabled(target["x-defang-redis"]) || extensionEnabled(target["x-defang-mongodb"]);
            const kept = managed ? "is a managed database or cache" : `keeps running (${restartText(target)})`;
            report.service(name, ["depends_on", dep, "condition"], {
                severity: "error",
                code: "completion-of-long-running-service",
                message: `waits for "${dep}" to complete, but "${dep}" ${kept}: "${name}" would never start`,
                hint: managed
                    ? `use \`condition: service_healthy\` or \`service_started\` for "${dep}"`
                    : `set \`restart: "no"\` on "${dep}" to run it once at deploy, or wait for it with \`condition: service_healthy\` or \`service_started\``,
            });
        }
    }
};
