/**
 * The IAM documents of the ECS task execution role, as plain objects: pure functions, no resources.
 * The role pulls images and writes logs for every service task; services attach their own
 * parameter-read and image-pull policies to it (`imagePullPolicy`: only the project's own repositories).
 */
import { PolicyDocument, serviceTrustPolicy } from "./iam-policy";
import { matchGroup } from "../../../util/regex-group";

/** The principal that assumes a task execution role: ECS on behalf of a task. */
export const ECS_TASKS_PRINCIPAL = "ecs-tasks.amazonaws.com";

/** Pulling an image from a private ECR repository (registry login is separate and account-wide). */
export const ECR_PULL_ACTIONS = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"] as const;

/** What the `awslogs` log driver needs: create a stream and write to it. */
export const LOG_WRITE_ACTIONS = ["logs:CreateLogStream", "logs:PutLogEvents"] as const;

/** Trust policy: only ECS tasks may assume the role. */
export function executionTrustPolicy(): PolicyDocument {
    return serviceTrustPolicy(ECS_TASKS_PRINCIPAL);
}

export interface ExecutionPolicyScope {
    partition: string;
    region: string;
    accountId: string;
    /** The project's log group ARN, without the `:*` suffix. */
    logGroupArn: string;
}

/**
 * The permissions of the execution role, in place of the AWS managed `AmazonECSTaskExecutionRolePolicy`
 * (which grants every action on `Resource: "*"`): registry login, and writes to the project's log group
 * only. Pulls are granted per repository by the services that use one (`imagePullPolicy`).
 */
export function executionPolicy(scope: ExecutionPolicyScope): PolicyDocument {
    const { logGroupArn } = scope;
    return {
        Version: "2012-10-17",
        Statement: [
            // `ecr:GetAuthorizationToken` has no resource to scope: it returns a login token for the registry
            // as a whole, and AWS accepts only "*". What the token can pull is limited by `PullImages` below.
            { Sid: "RegistryLogin", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
            { Sid: "WriteLogs", Effect: "Allow", Action: [...LOG_WRITE_ACTIONS], Resource: `${logGroupArn.replace(/:\*$/, "")}:*` },
        ],
    };
}

/** Pulls from exactly these ECR repositories (the service's own, built from its source, or the ECR image it names). */
export function imagePullPolicy(repositoryArns: string[]): PolicyDocument {
    return { Version: "2012-10-17", Statement: [{ Sid: "PullImages", Effect: "Allow", Action: [...ECR_PULL_ACTIONS], Resource: repositoryArns.length === 1 ? repositoryArns[0] : repositoryArns }] };
}

/** An ECR private image reference: `<account>.dkr.ecr.<region>.amazonaws.com[.cn]/<repository>[:tag|@digest]`. */
const ECR_IMAGE = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?\/([^:@]+)/;

/** The repository ARN of an image in an ECR private registry, else undefined (another registry needs no ECR permission). */
export function ecrRepositoryArnOf(image: string): string | undefined {
    const m = ECR_IMAGE.exec(image);
    if (!m) return undefined;
    const [, accountId, , china, repository] = m;
    const region = matchGroup(m, 2);
    const partition = china ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    return `arn:${partition}:ecr:${region}:${accountId}:repository/${repository}`;
}
