/**
 * A one-off job on Google Cloud: a Cloud Run job, executed when it is created and whenever what it
 * runs changes. Its `runExecutionToken` is a hash of the job's template (image, command,
 * environment and secret versions, size, network, copies), so `pulumi up` starts a new execution
 * exactly when the template changes, and the job becomes ready only once that execution has
 * completed successfully: the services that wait for the job are created after it.
 */
import { createHash } from "crypto";
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { ServiceModel } from "../../../model/types";
import { CloudRunGpuType, gpuTemplateFields } from "./cloud-run-gpu";
import { GcpInfrastructure } from "../types";
import { instancesAtLeastOne } from "../../../model/replicas";

/** Seconds a task of a job may run before Cloud Run stops it (its default is 10 minutes; migrations may take longer). */
export const JOB_TASK_TIMEOUT_SECONDS = 3600;

/**
 * Tries per task beyond the first: none. Compose runs a `restart: "no"` container once; Cloud Run
 * would otherwise retry a failed task 3 times.
 */
export const JOB_MAX_RETRIES = 0;

/** Hex digits of the template hash in the token (the job name and token together stay under 63 characters). */
const TOKEN_HASH_LENGTH = 16;

/** The execution token of a template: `r` and the first hex digits of its SHA-256 (a token must start with a letter). */
export function executionToken(template: unknown): string {
    return `r${createHash("sha256").update(JSON.stringify(template)).digest("hex").slice(0, TOKEN_HASH_LENGTH)}`;
}

export interface CloudRunJobArgs {
    name: string;
    /** The physical name (see `names.ts`). */
    jobName: string;
    model: ServiceModel;
    container: gcp.types.input.cloudrunv2.JobTemplateTemplateContainer;
    serviceAccount: pulumi.Input<string>;
    vpcAccess: gcp.types.input.cloudrunv2.JobTemplateTemplateVpcAccess;
    /** The GPU of each task, if the service asks for one. */
    gpu?: CloudRunGpuType;
    /** The task template's volumes (named volumes, `volume-mounts.ts`; secret and config files, `file-mounts.ts`) and execution environment, when the job mounts any. */
    volumeTemplate?: { volumes?: gcp.types.input.cloudrunv2.JobTemplateTemplateVolume[]; executionEnvironment?: string };
    infra: GcpInfrastructure;
    parent: pulumi.ComponentResource;
    dependsOn: pulumi.Resource[];
}

export function createCloudRunJob(args: CloudRunJobArgs): gcp.cloudrunv2.Job {
    const { model, infra } = args;
    const copies = instancesAtLeastOne(model);
    const template = {
        // `deploy.replicas` copies, all at once; the execution succeeds when every one has.
        taskCount: copies,
        parallelism: copies,
        labels: infra.labels,
        template: {
            serviceAccount: args.serviceAccount,
            containers: [args.container],
            vpcAccess: args.vpcAccess,
            maxRetries: JOB_MAX_RETRIES,
            timeout: `${JOB_TASK_TIMEOUT_SECONDS}s`,
            ...gpuTemplateFields(args.gpu),
            ...(args.volumeTemplate ?? {}),
        },
    };
    return new gcp.cloudrunv2.Job(
        `${args.name}-job`,
        {
            project: infra.project,
            location: infra.region,
            name: args.jobName,
            deletionProtection: false,
            template,
            runExecutionToken: pulumi.jsonStringify(template).apply((text) => executionToken(JSON.parse(text))),
            labels: infra.labels,
        },
        { parent: args.parent, dependsOn: args.dependsOn },
    );
}
