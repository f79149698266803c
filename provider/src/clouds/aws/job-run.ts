/**
 * A one-off job on AWS: its task definition is run on the project's cluster during `pulumi up`, in
 * the job's subnets and security groups (it reaches the databases and services as a service would),
 * and waited for (see `ecs-task-run.ts`). No ECS service, no private DNS name: nothing reaches a job.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { UnsupportedFeaturesError } from "../../model/errors";
import { ServiceModel } from "../../model/types";
import { EcsTaskRun } from "./ecs-task-run";
import { AwsInfrastructure } from "./types";

/** The most tasks one `RunTask` call starts. */
export const MAX_JOB_TASKS = 10;

/** The copies of a job run at once (`deploy.replicas`), refused past what ECS starts in one call. */
export function jobTaskCount(model: Pick<ServiceModel, "name" | "replicas">): number {
    const count = Math.max(1, model.replicas);
    if (count > MAX_JOB_TASKS) {
        throw new UnsupportedFeaturesError("aws", [
            {
                service: model.name,
                field: "deploy.replicas",
                message: `a one-off job runs at most ${MAX_JOB_TASKS} copies at once on ECS (asked for ${count})`,
                hint: `ask for at most ${MAX_JOB_TASKS} replicas, or split the work between jobs`,
            },
        ]);
    }
    return count;
}

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
            securityGroups: [securityGroup.id, infra.membersSecurityGroupId],
            assignPublicIp: infra.assignPublicIp,
            containerName: model.name,
            logGroupName: infra.logGroupName,
            logStreamPrefix: model.name,
        },
        { parent, dependsOn },
    );
}
