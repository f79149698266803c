/**
 * A service's CodeBuild project, and the role its builds run as: it unpacks the context archive from
 * the build bucket, runs `docker build` (or `pack build`) and pushes to the service's repository (see `buildspec.ts`).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Architecture } from "../../../build/build-context";
import { buildPolicy, buildTrustPolicy } from "./build-policy";
import { CACHE_IMAGE_URI_VARIABLE, IMAGE_URI_VARIABLE } from "./buildspec";

/** The smallest build machine (2 vCPUs, 3 GiB on x86, 4 GiB on ARM): the cheapest, enough for most images. */
export const BUILD_COMPUTE_TYPE = "BUILD_GENERAL1_SMALL";

/** A build running longer than this is stopped (and `pulumi up` fails): a hung build must not bill for hours. */
export const BUILD_TIMEOUT_MINUTES = 30;

/** A build waiting this long for a machine fails, instead of keeping `pulumi up` waiting for CodeBuild's default 8 hours. */
export const QUEUED_TIMEOUT_MINUTES = 30;

/**
 * CodeBuild's curated Amazon Linux 2023 images with Docker, per architecture; the build runs natively
 * on the service's architecture (no emulation).
 */
export const CODEBUILD_ENVIRONMENTS: Record<Architecture, { type: string; image: string }> = {
    x86_64: { type: "LINUX_CONTAINER", image: "aws/codebuild/amazonlinux-x86_64-standard:5.0" },
    arm64: { type: "ARM_CONTAINER", image: "aws/codebuild/amazonlinux-aarch64-standard:3.0" },
};

/** `docker build` needs the Docker daemon, which runs only in a privileged build container. */
export const BUILD_PRIVILEGED_MODE = true;

export interface BuildProjectArgs {
    name: string;
    /** The service's name as it appears in log stream names and context keys. */
    serviceName: string;
    architecture: Architecture;
    buildspec: string;
    /** `<bucket>/<key>` of the context archive. */
    sourceLocation: pulumi.Input<string>;
    imageUri: pulumi.Input<string>;
    bucketArn: pulumi.Input<string>;
    /** The key prefix of the service's contexts. */
    contextPrefix: string;
    repositoryArn: pulumi.Input<string>;
    /** The layer cache: its repository's ARN and the cache image's URI. */
    cache: { repositoryArn: pulumi.Input<string>; imageUri: pulumi.Input<string> };
    logGroupName: pulumi.Input<string>;
    logGroupArn: pulumi.Input<string>;
    /** Build arguments read from config: each variable and its SecureString parameter. @default [] */
    secretArgs?: Array<{ name: string; parameter: aws.ssm.Parameter }>;
    tags: Record<string, string>;
    parent: pulumi.ComponentResource;
}

export interface BuildProject {
    project: aws.codebuild.Project;
    role: aws.iam.Role;
    rolePolicy: aws.iam.RolePolicy;
}

export function createBuildProject(a: BuildProjectArgs): BuildProject {
    const opts = { parent: a.parent };
    const secretArgs = a.secretArgs ?? [];
    const role = new aws.iam.Role(`${a.name}-build-role`, { assumeRolePolicy: JSON.stringify(buildTrustPolicy()), tags: a.tags }, opts);
    const rolePolicy = new aws.iam.RolePolicy(
        `${a.name}-build-role-policy`,
        {
            role: role.id,
            policy: pulumi
                .all([a.bucketArn, a.repositoryArn, a.logGroupArn, a.cache.repositoryArn, pulumi.all(secretArgs.map((s) => s.parameter.arn))])
                .apply(([bucketArn, repositoryArn, logGroupArn, cacheRepositoryArn, parameterArns]) =>
                    JSON.stringify(buildPolicy({ bucketArn, contextPrefix: a.contextPrefix, repositoryArn, logGroupArn, cacheRepositoryArn, ...(parameterArns.length ? { parameterArns } : {}) })),
                ),
        },
        opts,
    );
    const environment = CODEBUILD_ENVIRONMENTS[a.architecture];
    const project = new aws.codebuild.Project(
        `${a.name}-build`,
        {
            description: `Builds the image of service ${a.serviceName} from source`,
            serviceRole: role.arn,
            source: { type: "S3", location: a.sourceLocation, buildspec: a.buildspec },
            artifacts: { type: "NO_ARTIFACTS" },
            environment: {
                type: environment.type,
                image: environment.image,
                computeType: BUILD_COMPUTE_TYPE,
                privilegedMode: BUILD_PRIVILEGED_MODE,
                imagePullCredentialsType: "CODEBUILD",
                environmentVariables: [
                    { name: IMAGE_URI_VARIABLE, value: a.imageUri, type: "PLAINTEXT" },
                    { name: CACHE_IMAGE_URI_VARIABLE, value: a.cache.imageUri, type: "PLAINTEXT" },
                    // The parameter's name: CodeBuild reads its value when the build starts.
                    ...secretArgs.map((s) => ({ name: s.name, value: s.parameter.name, type: "PARAMETER_STORE" })),
                ],
            },
            logsConfig: {
                cloudwatchLogs: { status: "ENABLED", groupName: a.logGroupName, streamName: `build/${a.serviceName}` },
                s3Logs: { status: "DISABLED" },
            },
            buildTimeout: BUILD_TIMEOUT_MINUTES,
            queuedTimeout: QUEUED_TIMEOUT_MINUTES,
            tags: a.tags,
        },
        // Builds must not start before the role may read the context and push.
        { ...opts, dependsOn: [rolePolicy] },
    );
    return { project, role, rolePolicy };
}
