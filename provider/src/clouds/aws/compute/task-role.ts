/**
 * A service's task role: the identity its code runs as. It has no permissions unless the service
 * uses managed models, in which case it may invoke exactly the allowed Bedrock models.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ServiceModel } from "../../../model/types";
import { allowedModels, bedrockPolicy, modelArns } from "../models/model-access";
import { taskTrustPolicy } from "../iam/task-trust-policy";
import { AwsInfrastructure } from "../types";

export interface TaskRoleArgs {
    name: string;
    model: ServiceModel;
    infra: AwsInfrastructure;
    parent: pulumi.ComponentResource;
}

export interface TaskRole {
    role: aws.iam.Role;
    /** The model access policy, when the service uses models; tasks should not start before it. */
    modelPolicy?: aws.iam.RolePolicy;
}

export function createTaskRole({ name, model, infra, parent }: TaskRoleArgs): TaskRole {
    const scope = pulumi.all([infra.partition, infra.region, infra.accountId]).apply(([partition, region, accountId]) => ({ partition, region, accountId }));
    const role = new aws.iam.Role(`${name}-task-role`, { description: `Task role of service ${model.name}`, assumeRolePolicy: scope.apply((s) => JSON.stringify(taskTrustPolicy(s))), tags: infra.tags }, { parent });
    if (!model.llm) return { role };
    const models = allowedModels(model);
    const modelPolicy = new aws.iam.RolePolicy(`${name}-model-access`, { role: role.id, policy: scope.apply((s) => JSON.stringify(bedrockPolicy(modelArns(models, s)))) }, { parent });
    return { role, modelPolicy };
}
