/**
 * The task execution role's permission to pull one service's image: its own ECR repository (built
 * from source), or the ECR repository its `image` names. Images from other registries need none.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ecrRepositoryArnOf, imagePullPolicy } from "../iam/execution-policy";
import { AwsInfrastructure } from "../types";

export interface ImagePullArgs {
    name: string;
    /** The repository of the built image; else the service's `image`. */
    repositoryArn?: pulumi.Output<string>;
    image?: string;
    infra: AwsInfrastructure;
    parent: pulumi.ComponentResource;
}

/** The policy `${name}-pull-image` on the execution role, or undefined when the image is not in ECR. Tasks must not start before it. */
export function grantImagePull({ name, repositoryArn, image, infra, parent }: ImagePullArgs): aws.iam.RolePolicy | undefined {
    const arn = repositoryArn ?? (image ? ecrRepositoryArnOf(image) : undefined);
    if (arn === undefined) return undefined;
    return new aws.iam.RolePolicy(`${name}-pull-image`, { role: infra.executionRole.id, policy: pulumi.output(arn).apply((a) => JSON.stringify(imagePullPolicy([a]))) }, { parent });
}
