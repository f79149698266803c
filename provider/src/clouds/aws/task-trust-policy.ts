/**
 * Who may assume a service's task role: pure, no resources.
 */
import { ECS_TASKS_PRINCIPAL, PolicyDocument } from "./execution-policy";

export interface TaskTrustScope {
    partition: string;
    region: string;
    accountId: string;
}

/**
 * ECS tasks only, and only on behalf of this account's ECS resources in this Region (the conditions
 * AWS recommends against the confused-deputy problem).
 */
export function taskTrustPolicy({ partition, region, accountId }: TaskTrustScope): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Service: ECS_TASKS_PRINCIPAL },
                Action: "sts:AssumeRole",
                Condition: {
                    ArnLike: { "aws:SourceArn": `arn:${partition}:ecs:${region}:${accountId}:*` },
                    StringEquals: { "aws:SourceAccount": accountId },
                },
            },
        ],
    };
}
