/**
 * Build from source on AWS, with no local Docker: the context (less what `.dockerignore` excludes) is
 * uploaded to the project's build bucket, a CodeBuild project builds it (its Dockerfile, else with
 * buildpacks: `build/builder.ts`) and pushes the image to the service's ECR repository, and a `CodeBuildRun` runs that build during `pulumi up` and waits for it.
 *
 * The image tag is the content hash of the build's inputs: an unchanged source keeps its tag, its
 * upload and its build run, so nothing is uploaded or built again. Build arguments read from config
 * go through SSM Parameter Store (SecureString) into the build's environment, never into its
 * definition; their values count in the tag through a slow one-way digest (`build-arg-values.ts`).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Architecture, archivedBuild } from "../../../build/build-context";
import { contextArchive } from "../../../build/context-archive";
import { buildspec } from "./buildspec";
import { createBuildProject } from "./build-project";
import { CodeBuildRun } from "./codebuild-run";
import { createCacheRepository, createImageRepository } from "./image-repository";
import { PARAMETER_TIER, parameterName } from "../secrets/secret-store";
import { AwsInfrastructure } from "../types";
import { SecretBuildArg } from "../../common/build-arg-values";
import { cacheTag, contextArchiveKey, ImageBuildRequest, prepareImageBuild } from "../../common/image-build";

/** A build of one service's image on AWS, for the service's CPU architecture. */
export interface BuildRequest extends ImageBuildRequest<AwsInfrastructure> {
    architecture: Architecture;
}

export interface BuiltImage {
    /** `<registry>/<repo>:<content tag>`, known once the build has succeeded. */
    imageUri: pulumi.Output<string>;
    /** Resources the task definition must wait for. */
    dependsOn: pulumi.Resource[];
    /** The ARN of the repository the image is in: the only one the task execution role may pull from for this service. */
    repositoryArn: pulumi.Output<string>;
}

/** `name` with only the characters that S3 keys, IAM resource patterns and log stream names all take. */
export function safeServiceName(name: string): string {
    return name.replace(/[^A-Za-z0-9._-]/g, "-");
}

/**
 * Creates the repository, the context upload, the build project and its role, and the build run.
 * Reads and hashes the context at once: a missing context or Dockerfile fails here, before any resource.
 */
export function buildImage(request: BuildRequest): BuiltImage {
    const { name, parent, infra } = request;
    const serviceName = safeServiceName(name);
    const { prepared, version, secretArgs } = prepareImageBuild(request, request.architecture);
    const tags = infra.tags;

    const { repository } = createImageRepository({ name, tags, parent });
    const imageUri = pulumi.interpolate`${repository.repositoryUrl}:${version.tag}`;

    // Both builders keep their layer cache in the registry, in a repository whose tags may move.
    const cacheRepository = createCacheRepository({ name, tags, parent }).repository;
    const cache = { repositoryArn: cacheRepository.arn, imageUri: pulumi.interpolate`${cacheRepository.repositoryUrl}:${cacheTag(prepared.builder)}` };

    const bucket = infra.buildBucket();
    const context = new aws.s3.BucketObjectv2(
        `${name}-context`,
        { bucket: bucket.id, key: contextArchiveKey(serviceName, prepared.hash), source: contextArchive(prepared), contentType: "application/zip", tags },
        { parent },
    );
    const sourceLocation = pulumi.interpolate`${context.bucket}/${context.key}`;

    const argParameters = createBuildArgParameters(request, secretArgs);
    const { project, rolePolicy } = createBuildProject({
        name,
        serviceName,
        architecture: request.architecture,
        buildspec: buildspec(archivedBuild(prepared)),
        sourceLocation,
        imageUri,
        bucketArn: bucket.arn,
        contextPrefix: serviceName,
        repositoryArn: repository.arn,
        cache,
        logGroupName: infra.logGroupName,
        logGroupArn: infra.logGroupArn,
        secretArgs: argParameters,
        tags,
        parent,
    });

    const profile = new pulumi.Config("aws").get("profile");
    const run = new CodeBuildRun(
        `${name}-image`,
        { region: infra.region, ...(profile ? { profile } : {}), projectName: project.name, sourceLocation, imageUri, hash: version.hash, builder: prepared.builder },
        { parent, dependsOn: [project, rolePolicy, context] },
    );
    return { imageUri: run.imageUri, dependsOn: [run], repositoryArn: repository.arn };
}

/**
 * One SecureString parameter per build argument read from config, `${name}-build-arg-<arg>`, under
 * `<prefix>build-args/<service>/`: the build project reads them into its environment.
 */
function createBuildArgParameters({ name, service = name, infra, parent }: BuildRequest, secretArgs: SecretBuildArg[]): Array<{ name: string; parameter: aws.ssm.Parameter }> {
    return secretArgs.map((arg) => ({
        name: arg.name,
        parameter: new aws.ssm.Parameter(
            `${name}-build-arg-${arg.name}`,
            {
                name: parameterName(`${infra.parameterPrefix.replace(/\/?$/, "/")}build-args`, service, arg.name),
                type: "SecureString",
                // No keyId: the AWS managed key `alias/aws/ssm`, as for the service's environment.
                value: arg.value,
                tier: PARAMETER_TIER,
                description: `build argument ${arg.name} of service ${service}`,
                tags: infra.tags,
            },
            { parent },
        ),
    }));
}
