/**
 * The IAM documents of a service's CodeBuild role, as plain objects: pure functions, no resources.
 * The role reads the service's build contexts, pushes to the service's repository, and writes the
 * build's log streams, and reads the parameters of its arguments read from config; nothing else.
 */
import { ECR_PULL_ACTIONS, LOG_WRITE_ACTIONS } from "../iam/execution-policy";
import { PolicyDocument, serviceTrustPolicy } from "../iam/iam-policy";
import { PARAMETER_READ_ACTIONS } from "../secrets/secret-store";

/** The principal that assumes a build role: CodeBuild running the project's builds. */
export const CODEBUILD_PRINCIPAL = "codebuild.amazonaws.com";

/** Reading a build context (an object, or a version of it). */
export const CONTEXT_READ_ACTIONS = ["s3:GetObject", "s3:GetObjectVersion"] as const;

/** Pushing an image: layer upload, then the manifest. */
export const ECR_PUSH_ACTIONS = ["ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage"] as const;

/** Checking whether a tag exists already, so that an image is not built twice (see `buildspec.ts`). */
export const ECR_DESCRIBE_ACTIONS = ["ecr:DescribeImages"] as const;

/** Trust policy: only CodeBuild may assume the role. */
export function buildTrustPolicy(): PolicyDocument {
    return serviceTrustPolicy(CODEBUILD_PRINCIPAL);
}

export interface BuildPolicyScope {
    /** The build bucket's ARN. */
    bucketArn: string;
    /** The key prefix of this service's contexts, without slashes around it. */
    contextPrefix: string;
    /** The service's ECR repository ARN. */
    repositoryArn: string;
    /** The service's buildpacks cache repository ARN, when it is built with buildpacks. */
    cacheRepositoryArn?: string;
    /** The project's log group ARN, with or without the `:*` suffix. */
    logGroupArn: string;
    /** The SSM parameters of the build arguments read from config, when there are some. */
    parameterArns?: string[];
}

export function buildPolicy(scope: BuildPolicyScope): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            { Sid: "ReadContexts", Effect: "Allow", Action: [...CONTEXT_READ_ACTIONS], Resource: `${scope.bucketArn}/${scope.contextPrefix}/*` },
            // Registry login: the token is account-wide, the action takes no resource.
            { Sid: "RegistryLogin", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
            {
                Sid: "PushImages",
                Effect: "Allow",
                Action: [...ECR_PULL_ACTIONS, ...ECR_PUSH_ACTIONS, ...ECR_DESCRIBE_ACTIONS],
                Resource: scope.cacheRepositoryArn ? [scope.repositoryArn, scope.cacheRepositoryArn] : scope.repositoryArn,
            },
            { Sid: "WriteLogs", Effect: "Allow", Action: [...LOG_WRITE_ACTIONS], Resource: `${scope.logGroupArn.replace(/:\*$/, "")}:*` },
            // Exactly the build's own arguments; encrypted with the AWS managed key, so no KMS grant (see secrets/secret-store.ts).
            ...(scope.parameterArns?.length ? [{ Sid: "ReadBuildArguments", Effect: "Allow" as const, Action: [...PARAMETER_READ_ACTIONS], Resource: [...scope.parameterArns] }] : []),
        ],
    };
}
