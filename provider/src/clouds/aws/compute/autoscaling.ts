/**
 * Target-tracking autoscaling of a service's task count on its average CPU utilisation.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AutoscalingModel } from "../../../model/types";
import { AwsInfrastructure } from "../types";

/** Seconds between scale-in steps: 5 minutes, so that a short lull does not remove tasks that are needed again at once. */
export const SCALE_IN_COOLDOWN_SECONDS = 300;

/** Seconds between scale-out steps: 1 minute, to add capacity quickly under load. */
export const SCALE_OUT_COOLDOWN_SECONDS = 60;

export interface AutoscalingArgs {
    name: string;
    autoscaling: AutoscalingModel;
    service: aws.ecs.Service;
    infra: AwsInfrastructure;
    parent: pulumi.ComponentResource;
}

export function createAutoscaling({ name, autoscaling, service, infra, parent }: AutoscalingArgs): { target: aws.appautoscaling.Target; policy: aws.appautoscaling.Policy } {
    const target = new aws.appautoscaling.Target(
        `${name}-autoscaling-target`,
        {
            serviceNamespace: "ecs",
            scalableDimension: "ecs:service:DesiredCount",
            resourceId: pulumi.interpolate`service/${infra.clusterName}/${service.name}`,
            minCapacity: autoscaling.minReplicas,
            maxCapacity: autoscaling.maxReplicas,
            tags: infra.tags,
        },
        { parent },
    );
    const policy = new aws.appautoscaling.Policy(
        `${name}-autoscaling-policy`,
        {
            policyType: "TargetTrackingScaling",
            serviceNamespace: target.serviceNamespace,
            scalableDimension: target.scalableDimension,
            resourceId: target.resourceId,
            targetTrackingScalingPolicyConfiguration: {
                predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" },
                targetValue: autoscaling.targetCpuPercent,
                scaleInCooldown: SCALE_IN_COOLDOWN_SECONDS,
                scaleOutCooldown: SCALE_OUT_COOLDOWN_SECONDS,
            },
        },
        { parent },
    );
    return { target, policy };
}
