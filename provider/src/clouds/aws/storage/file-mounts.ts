/**
 * A service's secret and config files on Fargate (see `file-mount-plan.ts`): one SecureString
 * parameter per file, the execution role's permission to read exactly those, the task volumes and
 * the init container that writes the files into them.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ServiceModel } from "../../../model/types";
import { zip } from "../../../util/zip";
import { fileRoles } from "../../file-content";
import { AwsFilePlan, fileMountPlan, writerContainer } from "./file-mount-plan";
import { PARAMETER_TIER, parameterName, parameterReadPolicy } from "../secrets/secret-store";
import { AwsInfrastructure } from "../types";

export interface AwsFileMountsArgs {
    name: string;
    model: ServiceModel;
    /** The content of each of `model.files`, in order (see `file-content.ts`). */
    contents: pulumi.Output<string>[];
    infra: AwsInfrastructure;
    parent: pulumi.ComponentResource;
}

export interface AwsFileMounts {
    plan: AwsFilePlan;
    /** For the task definition's `volumes`. */
    volumes: Array<{ name: string }>;
    /** The init container, for the task definition's `containerDefinitions`. */
    writer: Record<string, unknown>;
    parameters: aws.ssm.Parameter[];
    /** The execution role's permission to read the parameters: tasks must not start before it. */
    readPolicy: aws.iam.RolePolicy;
}

/** Undefined when the service has no files. */
export function createFileMounts({ name, model, contents, infra, parent }: AwsFileMountsArgs): AwsFileMounts | undefined {
    const files = model.files ?? [];
    if (files.length === 0) return undefined;
    const plan = fileMountPlan(files);
    const roles = fileRoles(files);
    const parameters = files.map(
        (m, i) =>
            new aws.ssm.Parameter(
                `${name}-${roles[i]}`,
                {
                    name: parameterName(infra.parameterPrefix, model.name, `files/${roles[i]}`),
                    // Configs too: a config file may hold what a secret would, and SecureString costs nothing more.
                    type: "SecureString",
                    value: contents[i],
                    tier: PARAMETER_TIER,
                    description: `${m.kind} ${m.name} of service ${model.name}, at ${m.target}`,
                    tags: infra.tags,
                },
                { parent },
            ),
    );
    const readPolicy = new aws.iam.RolePolicy(
        `${name}-read-files`,
        { role: infra.executionRole.id, policy: pulumi.all(parameters.map((p) => p.arn)).apply((arns) => JSON.stringify(parameterReadPolicy(arns))) },
        { parent },
    );
    const parameterOf = new Map(zip(files, parameters));
    const secrets = plan.files.map((f) => {
        const parameter = parameterOf.get(f.mount);
        if (!parameter) throw new Error(`service "${model.name}": file ${f.variable} is not one of its files`);
        return { name: f.variable, valueFrom: parameter.arn };
    });
    const writer = writerContainer(plan, secrets, { group: infra.logGroupName, region: infra.region, prefix: model.name });
    return { plan, volumes: plan.volumes.map((v) => ({ name: v.name })), writer, parameters, readPolicy };
}
