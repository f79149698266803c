/**
 * A one-off job on AWS: its task definition is run on the project's cluster during `pulumi up`, in
 * the job's subnets and security groups (it reaches the databases and services as a service would),
 * and waited for (see `ecs-task-run.ts`). No ECS service, no private DNS name: nothing reaches a job.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ServiceModel } from "../../../model/types";
import { EcsTaskRun } from "./ecs-task-run";
import { jobTaskCount } from "./job-task-count";
import { modelClientGroups } from "../models/model-clients";
import { AwsInfrastructure } from "../types";

export interface JobRunArgs {
    name: string;
    model: ServiceModel;
    taskDefinition: aws.ecs.TaskDefinition;
    securityGroup: aws.ec2.SecurityGroup;
    infra: AwsInfrastructure;
    parent: pulumi.ComponentResource;
    /** What must exist before the job runs: the components it depends on, its secrets' read policy. */
    dependsOn: pulumi.Resource[];
}

/** The run of the job: the resource other components wait for. */
export function runAwsJob({ name, model, taskDefinition, securityGroup, infra, parent, dependsOn }: JobRunArgs): EcsTaskRun {
    const profile = new pulumi.Config("aws").get("profile");
    return new EcsTaskRun(
        `${name}-run`,
        {
            region: infra.region,
            ...(profile ? { profile } : {}),
            cluster: infra.clusterArn,
            taskDefinitionArn: taskDefinition.arn,
            count: jobTaskCount(model),
            subnets: infra.taskSubnetIds,
            securityGroups: [securityGroup.id, infra.membersSecurityGroupId, ...modelClientGroups(model, infra)],
            assignPublicIp: infra.assignPublicIp,
            containerName: model.name,
            logGroupName: infra.logGroupName,
            logStreamPrefix: model.name,
        },
        { parent, dependsOn },
    );
}
