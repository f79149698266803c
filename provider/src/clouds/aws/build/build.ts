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
import { BuildModel } from "../../../model/types";
import { archivedBuild, prepareBuild } from "../../../build/build-context";
import { contextArchive } from "../../../build/context-archive";
import { buildspec } from "./buildspec";
import { createBuildProject } from "./build-project";
import { CodeBuildRun } from "./codebuild-run";
import { DOCKERFILE_CACHE_TAG } from "../../../build/buildpacks";
import { BUILD_CACHE_TAG, createCacheRepository, createImageRepository } from "./image-repository";
import { PARAMETER_TIER, parameterName } from "../compute/secret-parameters";
import { AwsInfrastructure } from "../types";
import { buildVersion, SecretBuildArg } from "../../common/build-arg-values";

export interface BuildRequest {
    /** The service component's name: children are `${name}-<role>`. */
    name: string;
    /** The compose service's name: the path of its parameters. @default name */
    service?: string;
    build: BuildModel;
    /** The values of the build arguments read from config (`secretBuildArgs`). @default [] */
    secretArgs?: SecretBuildArg[];
    architecture: "x86_64" | "arm64";
    parent: pulumi.ComponentResource;
    infra: AwsInfrastructure;
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
    const prepared = prepareBuild(request.build, request.architecture);
    const secretArgs = request.secretArgs ?? [];
    const version = buildVersion(prepared, secretArgs);
    const tags = infra.tags;

    const { repository } = createImageRepository({ name, tags, parent });
    const imageUri = pulumi.interpolate`${repository.repositoryUrl}:${version.tag}`;

    // Both builders keep their layer cache in the registry, in a repository whose tags may move.
    const cacheRepository = createCacheRepository({ name, tags, parent }).repository;
    const cache = { repositoryArn: cacheRepository.arn, imageUri: pulumi.interpolate`${cacheRepository.repositoryUrl}:${prepared.builder === "buildpacks" ? BUILD_CACHE_TAG : DOCKERFILE_CACHE_TAG}` };

    const bucket = infra.buildBucket();
    const context = new aws.s3.BucketObjectv2(`${name}-context`, { bucket: bucket.id, key: `${serviceName}/${prepared.hash}.zip`, source: contextArchive(prepared), contentType: "application/zip", tags }, { parent });
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
