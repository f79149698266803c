/**
 * `EcsTaskRun`: a resource that runs a one-off job's ECS task on the project's cluster during
 * `pulumi up` and waits until it has exited with status 0, so that the services that wait for the
 * job start after it. It runs again only when what it runs changes (a new task definition revision,
 * another cluster, another count of copies): an unchanged job is not run again.
 *
 * The deploying identity needs `ecs:RunTask` and `ecs:DescribeTasks`, and `iam:PassRole` on the
 * task's task role and the project's execution role.
 *
 * A Pulumi dynamic provider, like `CodeBuildRun`: its functions are serialized into the stack and
 * run in Pulumi's provider host, so they reference nothing of this package at run time but the
 * helpers of this file and the shared run pieces of `clouds/common/`, and load the AWS SDK lazily,
 * inside `create`. Tests
 * inject a fake client through `makeEcsTaskRunProvider`.
 */
import * as pulumi from "@pulumi/pulumi";
import { lazyModule, packageModulePath } from "../../common/module-path";
import { describeOperationFailure } from "../../common/operation-failure";
import { attemptWithRetries, realRetryPolicy, RetryPolicy } from "../../common/operation-retry";
import { PollClock, realPollClock, waitForOperation } from "../../common/operation-wait";
import { RunResourceArgs, runResourceProvider } from "../../common/run-resource-provider";
import { runResourceClass } from "../../common/run-resource";

/** A task as ECS's `DescribeTasks` describes it (the fields used here). */
export interface TaskInfo {
    taskArn?: string;
    lastStatus?: string;
    stopCode?: string;
    stoppedReason?: string;
    containers?: Array<{ name?: string; exitCode?: number; reason?: string }>;
}

export interface TaskFailure {
    arn?: string;
    reason?: string;
    detail?: string;
}

export interface RunTaskRequest {
    cluster: string;
    taskDefinition: string;
    count: number;
    launchType: "FARGATE";
    networkConfiguration: { awsvpcConfiguration: { subnets: string[]; securityGroups: string[]; assignPublicIp: "ENABLED" | "DISABLED" } };
    startedBy: string;
    propagateTags: "TASK_DEFINITION";
}

/** What the provider needs of ECS: the AWS SDK's client, or a fake in tests. */
export interface EcsApi {
    runTask(request: RunTaskRequest): Promise<{ tasks?: TaskInfo[]; failures?: TaskFailure[] }>;
    describeTasks(request: { cluster: string; tasks: string[] }): Promise<{ tasks?: TaskInfo[]; failures?: TaskFailure[] }>;
}

/** The clock polls `DescribeTasks`; past its `maxWaitMs` the update fails (the task is left to finish). */
export interface EcsTaskRunDeps extends PollClock, RetryPolicy {
    client(region: string, profile?: string): EcsApi;
    /** Times a task that failed to start (IAM changes take a few seconds to apply) is started again. */
    retries: number;
}

export interface EcsTaskRunInputs {
    region: string;
    /** The `aws:profile` of the stack, for the SDK's credentials; else the environment's. */
    profile?: string;
    /** The cluster's ARN. */
    cluster: string;
    /** The task definition revision's ARN: a new revision means a new run. */
    taskDefinitionArn: string;
    /** Copies of the task run at once (compose `deploy.replicas`); every one must exit with 0. */
    count: number;
    subnets: string[];
    securityGroups: string[];
    assignPublicIp: boolean;
    /** The job's container, whose exit code decides. */
    containerName: string;
    /** Where the container's output goes: stream `<prefix>/<container>/<task id>` of this group. */
    logGroupName: string;
    logStreamPrefix: string;
}

export interface EcsTaskRunOutputs extends EcsTaskRunInputs {
    /** The tasks that completed the run. */
    taskArns: string[];
}

/** The inputs whose change means a new run (the others change nothing). */
const RERUN_ON_CHANGE = ["taskDefinitionArn", "cluster", "count", "region"] as const;

/** Who started the task, as ECS shows it. */
export const STARTED_BY = "pulumi-defang";

/** The ECS stop code of a task that stopped before its container ran (image pull, secrets, IAM): retried. */
const FAILED_TO_START = "TaskFailedToStart";

/** A factory of SDK clients, the SDK loaded on first use (only when a job runs). */
function sdkClients(sdk: () => typeof import("@aws-sdk/client-ecs")): EcsTaskRunDeps["client"] {
    return (region, profile) => {
        const { ECSClient, RunTaskCommand, DescribeTasksCommand } = sdk();
        const client = new ECSClient(profile ? { region, profile } : { region });
        return { runTask: (request) => client.send(new RunTaskCommand(request)), describeTasks: (request) => client.send(new DescribeTasksCommand(request)) };
    };
}

/** Seconds between two looks at the running tasks, and minutes `pulumi up` waits for a job before it fails the update (the task itself is not stopped). */
const TASK_WAIT = { pollIntervalSeconds: 10, waitLimitMinutes: 60 };

/** Times a task that failed to start is started again, and seconds before, for IAM changes to apply. */
const TASK_RETRY = { retries: 2, retryDelaySeconds: 20 };

/** The defaults: the real SDK and clock, and the constants above. */
export function defaultEcsTaskRunDeps(): EcsTaskRunDeps {
    return {
        client: sdkClients(lazyModule(packageModulePath("@aws-sdk/client-ecs"))),
        ...realPollClock(TASK_WAIT.pollIntervalSeconds, TASK_WAIT.waitLimitMinutes),
        ...realRetryPolicy(TASK_RETRY.retries, TASK_RETRY.retryDelaySeconds),
    };
}

/** The last segment of a task ARN: its id. */
function taskId(arn: string | undefined): string {
    return (arn ?? "").split("/").pop() || "?";
}

/** Where a task's output is. */
function logsOf(inputs: EcsTaskRunInputs, arn: string | undefined): string {
    return `CloudWatch log group ${inputs.logGroupName}, stream ${inputs.logStreamPrefix}/${inputs.containerName}/${taskId(arn)}`;
}

/** The job container of a stopped task. */
function jobContainer(task: TaskInfo, inputs: EcsTaskRunInputs) {
    return (task.containers ?? []).find((c) => c.name === inputs.containerName) ?? task.containers?.[0];
}

/** Why a stopped task failed (its stop code and reason, the container's exit code), and where its logs are; undefined when it succeeded. */
export function describeStoppedTask(task: TaskInfo, inputs: EcsTaskRunInputs): string | undefined {
    const container = jobContainer(task, inputs);
    if (container?.exitCode === 0) return undefined;
    const stopped = [task.stopCode, task.stoppedReason].filter(Boolean).join(": ");
    const exit = container?.exitCode === undefined ? "its container did not run" : `container ${inputs.containerName} exited with code ${container.exitCode}`;
    const reason = container?.reason ? ` (${container.reason})` : "";
    return describeOperationFailure({
        subject: `one-off job ${inputs.containerName}`,
        operation: `ECS task ${taskId(task.taskArn)}`,
        outcome: `stopped${stopped ? ` (${stopped})` : ""}, ${exit}${reason}`,
        logs: logsOf(inputs, task.taskArn),
    });
}

/** Starts `count` tasks and waits until all have stopped. */
async function runOnce(api: EcsApi, inputs: EcsTaskRunInputs, count: number, deps: EcsTaskRunDeps): Promise<TaskInfo[]> {
    const started = await api.runTask({
        cluster: inputs.cluster,
        taskDefinition: inputs.taskDefinitionArn,
        count,
        launchType: "FARGATE",
        networkConfiguration: { awsvpcConfiguration: { subnets: inputs.subnets, securityGroups: inputs.securityGroups, assignPublicIp: inputs.assignPublicIp ? "ENABLED" : "DISABLED" } },
        startedBy: STARTED_BY,
        propagateTags: "TASK_DEFINITION",
    });
    const arns = (started.tasks ?? []).map((t) => t.taskArn).filter((a): a is string => !!a);
    if (arns.length < count) {
        const why = (started.failures ?? []).map((f) => [f.reason, f.detail, f.arn].filter(Boolean).join(" ")).join("; ") || "no reason given";
        throw new Error(`one-off job ${inputs.containerName}: ECS started ${arns.length} of ${count} task(s) of ${inputs.taskDefinitionArn} (${why})`);
    }
    return waitForOperation(
        async () => {
            const tasks = (await api.describeTasks({ cluster: inputs.cluster, tasks: arns })).tasks ?? [];
            return tasks.length === arns.length && tasks.every((t) => t.lastStatus === "STOPPED") ? tasks : undefined;
        },
        deps,
        { subject: `one-off job ${inputs.containerName}`, operation: `ECS task(s) ${arns.map(taskId).join(", ")}`, note: `logs: ${logsOf(inputs, arns[0])}` },
    );
}

/** Runs the job's tasks (again, for those that failed to start, while retries are left) until every one has exited with 0. */
async function runJob(inputs: EcsTaskRunInputs, deps: EcsTaskRunDeps): Promise<string[]> {
    const api = deps.client(inputs.region, inputs.profile);
    const succeeded: string[] = [];
    let count = Math.max(1, inputs.count);
    return attemptWithRetries(async () => {
        const tasks = await runOnce(api, inputs, count, deps);
        const failed = tasks.filter((t) => describeStoppedTask(t, inputs) !== undefined);
        succeeded.push(...tasks.flatMap((t) => (!failed.includes(t) && t.taskArn ? [t.taskArn] : [])));
        if (failed.length === 0) return { ok: true, value: succeeded };
        count = failed.length;
        return {
            ok: false,
            error: failed.map((t) => describeStoppedTask(t, inputs)).join("\n"),
            retryable: failed.every((t) => t.stopCode === FAILED_TO_START && jobContainer(t, inputs)?.exitCode === undefined),
        };
    }, deps);
}

/** The provider, with `deps` (defaults: the real SDK and clock). */
export function makeEcsTaskRunProvider(deps: EcsTaskRunDeps = defaultEcsTaskRunDeps()): pulumi.dynamic.ResourceProvider<EcsTaskRunInputs, EcsTaskRunOutputs> {
    return runResourceProvider<EcsTaskRunInputs, { taskArns: string[] }>({
        async run(inputs) {
            const taskArns = await runJob(inputs, deps);
            // Every task of the run succeeded, and it runs at least one: the first names the run.
            const [first] = taskArns;
            if (first === undefined) throw new Error(`one-off job ${inputs.containerName}: ECS ran no task of ${inputs.taskDefinitionArn}`);
            return { id: first, result: { taskArns } };
        },
        rerunOn: RERUN_ON_CHANGE,
        // Only inputs that need no run differ (network, profile, log names): keep the run; what it did is not undone.
        kept: (olds) => ({ taskArns: olds.taskArns }),
    });
}

/** The provider that `pulumi up` runs. */
export const ecsTaskRunProvider = makeEcsTaskRunProvider();

/** The type token of `EcsTaskRun`: `pulumi-nodejs:dynamic/defang:EcsTaskRun`. */
export const ECS_TASK_RUN_TYPE = "pulumi-nodejs:dynamic/defang:EcsTaskRun";

/** The inputs of the run, each one an Input. */
export type EcsTaskRunArgs = RunResourceArgs<EcsTaskRunInputs>;

/** One run of a one-off job's tasks during `pulumi up`: its `taskArns` are the tasks that ran to completion. */
export const EcsTaskRun = runResourceClass<EcsTaskRunInputs, { taskArns: string[] }>(ecsTaskRunProvider, ["taskArns"], { module: "defang", name: "EcsTaskRun" });
export type EcsTaskRun = InstanceType<typeof EcsTaskRun>;
