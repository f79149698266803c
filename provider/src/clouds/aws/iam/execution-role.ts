/**
 * The ECS task execution role shared by the project's services: it lets ECS pull their images and
 * write their logs. Its inline policy is scoped (see `execution-policy.ts`); services attach their
 * own parameter-read policies to it.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { executionPolicy, executionTrustPolicy } from "./execution-policy";

export interface ExecutionRoleArgs {
    name: string;
    partition: pulumi.Input<string>;
    region: pulumi.Input<string>;
    accountId: pulumi.Input<string>;
    logGroupArn: pulumi.Input<string>;
    tags: Record<string, string>;
    parent: pulumi.ComponentResource;
}

export function createExecutionRole({ name, partition, region, accountId, logGroupArn, tags, parent }: ExecutionRoleArgs): aws.iam.Role {
    const role = new aws.iam.Role(`${name}-execution-role`, { description: "Pulls images and writes logs for the project's ECS tasks", assumeRolePolicy: JSON.stringify(executionTrustPolicy()), tags }, { parent });
    new aws.iam.RolePolicy(
        `${name}-execution-policy`,
        {
            role: role.name,
            policy: pulumi.all([partition, region, accountId, logGroupArn]).apply(([partition, region, accountId, logGroupArn]) => JSON.stringify(executionPolicy({ partition, region, accountId, logGroupArn }))),
        },
        { parent },
    );
    return role;
}
