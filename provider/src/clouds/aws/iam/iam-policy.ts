/**
 * IAM policy documents as plain objects (pure, no resources): the shapes every role of the AWS
 * backend uses, and the trust policy that lets one AWS service assume a role.
 */

export interface PolicyStatement {
    Sid?: string;
    Effect: "Allow" | "Deny";
    Action: string | string[];
    Resource?: string | string[];
    Principal?: Record<string, string | string[]>;
    Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
    Version: "2012-10-17";
    Statement: PolicyStatement[];
}

/** Only `service` (e.g. `ecs-tasks.amazonaws.com`) may assume the role, under `condition` when given. */
export function serviceTrustPolicy(service: string, condition?: PolicyStatement["Condition"]): PolicyDocument {
    const statement: PolicyStatement = { Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" };
    if (condition) statement.Condition = condition;
    return { Version: "2012-10-17", Statement: [statement] };
}
