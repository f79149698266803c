/**
 * The Google APIs a stack uses, enabled as it needs them (a project starts with few of them on).
 * Removing the stack leaves them enabled: other stacks and tools of the project may use them.
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";

/** The APIs every stack uses: Compute Engine (the network), Cloud Run, IAM (service accounts), Secret Manager. */
export const BASE_APIS = ["compute.googleapis.com", "run.googleapis.com", "iam.googleapis.com", "secretmanager.googleapis.com"] as const;

/** Disabling an API when the stack goes away could break what else uses it in the project. */
export const DISABLE_ON_DESTROY = false;

/** A function that enables an API on first use, under `parent`, named `${name}-api-<api>`. */
export function apiEnabler(name: string, project: string, parent: pulumi.ComponentResource): (service: string) => gcp.projects.Service {
    const enabled = new Map<string, gcp.projects.Service>();
    return (service) => {
        let api = enabled.get(service);
        if (!api) {
            const short = service.replace(/\.googleapis\.com$/, "");
            api = new gcp.projects.Service(`${name}-api-${short}`, { project, service, disableOnDestroy: DISABLE_ON_DESTROY, disableDependentServices: false }, { parent });
            enabled.set(service, api);
        }
        return api;
    };
}
