/**
 * Who may assume a service's task role: pure, no resources.
 */
import { ECS_TASKS_PRINCIPAL } from "./execution-policy";
import { PolicyDocument, serviceTrustPolicy } from "./iam-policy";

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
    return serviceTrustPolicy(ECS_TASKS_PRINCIPAL, {
        ArnLike: { "aws:SourceArn": `arn:${partition}:ecs:${region}:${accountId}:*` },
        StringEquals: { "aws:SourceAccount": accountId },
    });
}
