/**
 * Whether a compose service is kept running or runs once, to completion, at deploy: a one-off job.
 *
 * Compose's own default restart policy is `"no"`, so an absent `restart` says nothing: most such
 * services are servers. A service is a job when
 * - it says it runs once (`restart: "no"`, or `deploy.restart_policy.condition: none`) and has no
 *   ports (a service with ports is a server that happens not to be restarted by Docker), or
 * - another service waits for it to complete (`depends_on: {<it>: {condition: service_completed_successfully}}`)
 *   and its restart policy does not keep it running (`restart` absent or `"no"`).
 * Restart policies that keep a container running (`always`, `unless-stopped`, `on-failure`, `any`)
 * make a long-running service; a service that waits for one of those to complete would wait forever.
 */
import { extensionEnabled } from "./extension-flags";
import { ComposeProject, ComposeService } from "./types";

/** `service`: kept running (and restarted) by the cloud. `job`: run once at each deploy that changes it, to completion. */
export type ServiceLifecycle = "service" | "job";

/** The restart policy a service was written with, in one vocabulary; undefined when it gives none. */
export type RestartPolicy = "no" | "always" | "unless-stopped" | "on-failure";

/** The condition of `depends_on` that waits for a service to exit with status 0. */
export const COMPLETED_SUCCESSFULLY = "service_completed_successfully";

/** `restart` (`on-failure[:N]` counts as `on-failure`), else `deploy.restart_policy.condition` (`none`, `any`, `on-failure`). */
export function restartPolicy(svc: ComposeService): RestartPolicy | undefined {
    const restart = svc.restart?.trim();
    if (restart) {
        if (restart === "no" || restart === "always" || restart === "unless-stopped") return restart;
        if (restart.startsWith("on-failure")) return "on-failure";
    }
    const condition = (svc.deploy?.restart_policy as { condition?: string } | undefined)?.condition;
    if (condition === "none") return "no";
    if (condition === "any") return "always";
    if (condition === "on-failure") return "on-failure";
    return undefined;
}

/** Where the restart policy was written, for messages: `["restart"]` or `["deploy", "restart_policy", "condition"]`. */
export function restartField(svc: ComposeService): string[] {
    return svc.restart?.trim() ? ["restart"] : ["deploy", "restart_policy", "condition"];
}

/** The restart policy as written, for messages: `restart: always` or `deploy.restart_policy.condition: none`. */
export function restartText(svc: ComposeService): string {
    const field = restartField(svc);
    const value = field.length === 1 ? svc.restart : (svc.deploy?.restart_policy as { condition?: string } | undefined)?.condition;
    return `${field.join(".")}: ${value ?? "(none)"}`;
}

/** For each service, the services that wait for it to complete successfully (sorted). */
export function completionWaiters(project: ComposeProject): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const name of Object.keys(project.services ?? {}).sort()) {
        for (const [dep, d] of Object.entries(project.services[name]?.depends_on ?? {})) {
            if (d?.condition !== COMPLETED_SUCCESSFULLY) continue;
            out.set(dep, [...(out.get(dep) ?? []), name]);
        }
    }
    return out;
}

/** A service replaced by a managed database or cache (`x-defang-postgres`, `x-defang-redis`, `x-defang-mongodb`); never a job, whatever its restart policy. */
export function isManaged(svc: ComposeService): boolean {
    return extensionEnabled(svc["x-defang-postgres"]) || extensionEnabled(svc["x-defang-redis"]) || extensionEnabled(svc["x-defang-mongodb"]);
}

/** The lifecycle of `svc`; `awaited` when another service waits for it to complete successfully. */
export function serviceLifecycle(svc: ComposeService, awaited: boolean): ServiceLifecycle {
    if (isManaged(svc)) return "service";
    const policy = restartPolicy(svc);
    if (policy === "no") return awaited || (svc.ports ?? []).length === 0 ? "job" : "service";
    if (policy === undefined) return awaited ? "job" : "service";
    return "service";
}
