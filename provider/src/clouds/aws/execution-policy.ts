/**
 * The IAM documents of the ECS task execution role, as plain objects: pure functions, no resources.
 * The role pulls images and writes logs for every service task; services attach their own
 * parameter-read policies to it.
 */
import { PolicyDocument, serviceTrustPolicy } from "./iam-policy";

/** The principal that assumes a task execution role: ECS on behalf of a task. */
export const ECS_TASKS_PRINCIPAL = "ecs-tasks.amazonaws.com";

/** Pulling an image from a private ECR repository (registry login is separate and account-wide). */
export const ECR_PULL_ACTIONS = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"] as const;

/** What the `awslogs` log driver needs: create a stream and write to it. */
export const LOG_WRITE_ACTIONS = ["logs:CreateLogStream", "logs:PutLogEvents"] as const;

/** Trust policy: only ECS tasks may assume the role. */
export function executionTrustPolicy(): PolicyDocument {
    return serviceTrustPolicy(ECS_TASKS_PRINCIPAL);
}

export interface ExecutionPolicyScope {
    partition: string;
    region: string;
    accountId: string;
    /** The project's log group ARN, without the `:*` suffix. */
    logGroupArn: string;
}

/**
 * The permissions of the execution role, in place of the AWS managed `AmazonECSTaskExecutionRolePolicy`
 * (which grants every action on `Resource: "*"`): registry login (which takes no resource), pulls from
 * this account's repositories in this region, and writes to the project's log group only.
 */
export function executionPolicy(scope: ExecutionPolicyScope): PolicyDocument {
    const { partition, region, accountId, logGroupArn } = scope;
    return {
        Version: "2012-10-17",
        Statement: [
            { Sid: "RegistryLogin", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
            { Sid: "PullImages", Effect: "Allow", Action: [...ECR_PULL_ACTIONS], Resource: `arn:${partition}:ecr:${region}:${accountId}:repository/*` },
            { Sid: "WriteLogs", Effect: "Allow", Action: [...LOG_WRITE_ACTIONS], Resource: `${logGroupArn.replace(/:\*$/, "")}:*` },
        ],
    };
}
