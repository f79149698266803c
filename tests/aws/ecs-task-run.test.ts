/**
 * The `EcsTaskRun` provider with a fake ECS client: it runs the job's task with the run's cluster,
 * task definition and network, polls until every task has stopped, succeeds only on exit code 0,
 * reports a failure with the stop code and reason, the exit code and the log stream, starts again a
 * task that failed to start (IAM not yet applied), gives up after its deadline, and runs again only
 * when what it runs changes. Its serialized form loads nothing of this package or the AWS SDK.
 */
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { defaultEcsTaskRunDeps, ecsTaskRunProvider, EcsTaskRunDeps, EcsTaskRunInputs, makeEcsTaskRunProvider, RunTaskRequest, STARTED_BY, TaskFailure, TaskInfo } from "../../provider/src/clouds/aws/compute/ecs-task-run";
import { jobTaskCount, MAX_JOB_TASKS } from "../../provider/src/clouds/aws/compute/job-task-count";
import { UnsupportedFeaturesError } from "../../provider/src/model/errors";
import { makeTree, removeTrees } from "../build/temp-tree";

const INPUTS: EcsTaskRunInputs = {
    region: "eu-west-1",
    cluster: "arn:aws:ecs:eu-west-1:123456789012:cluster/shop-cluster",
    taskDefinitionArn: "arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-dev-migrate:7",
    count: 1,
    subnets: ["subnet-a", "subnet-b"],
    securityGroups: ["sg-job", "sg-members"],
    assignPublicIp: true,
    containerName: "migrate",
    logGroupName: "/defang/shop",
    logStreamPrefix: "migrate",
};

const exited = (code: number, extra: Partial<TaskInfo> = {}): TaskInfo => ({
    lastStatus: "STOPPED",
    stopCode: "EssentialContainerExited",
    stoppedReason: "Essential container in task exited",
    containers: [{ name: "migrate", exitCode: code }],
    ...extra,
});
const FAILED_TO_START: TaskInfo = {
    lastStatus: "STOPPED",
    stopCode: "TaskFailedToStart",
    stoppedReason: "ResourceInitializationError: unable to pull secrets or registry auth",
    containers: [{ name: "migrate" }],
};
const RUNNING: TaskInfo = { lastStatus: "RUNNING", containers: [{ name: "migrate" }] };

/**
 * A fake client: the n-th started task goes through `scripts[n]`'s states, one per poll (the last
 * one stays). `failures` is what RunTask answers instead of a task, by call.
 */
function fake(scripts: TaskInfo[][], overrides: Partial<EcsTaskRunDeps> = {}, failures: TaskFailure[][] = []) {
    const runs: RunTaskRequest[] = [];
    const polls: string[][] = [];
    const sleeps: number[] = [];
    const clients: Array<[string, string | undefined]> = [];
    const states = new Map<string, TaskInfo[]>();
    let started = 0;
    let clock = 0;
    const deps: EcsTaskRunDeps = {
        client(region, profile) {
            clients.push([region, profile]);
            return {
                async runTask(request) {
                    runs.push(request);
                    const refused = failures[runs.length - 1];
                    if (refused) return { tasks: [], failures: refused };
                    const tasks: TaskInfo[] = [];
                    for (let i = 0; i < request.count; i++) {
                        const script = scripts[started++] ?? [exited(0)];
                        const taskArn = `arn:aws:ecs:eu-west-1:123456789012:task/shop-cluster/task${started}`;
                        states.set(taskArn, [...script]);
                        tasks.push({ taskArn, lastStatus: "PROVISIONING" });
                    }
                    return { tasks };
                },
                async describeTasks({ tasks }) {
                    polls.push(tasks);
                    return {
                        tasks: tasks.map((taskArn) => {
                            const queue = states.get(taskArn)!;
                            return { taskArn, ...(queue.length > 1 ? queue.shift()! : queue[0]) };
                        }),
                    };
                },
            };
        },
        async sleep(ms) {
            sleeps.push(ms);
            clock += ms;
        },
        now: () => clock,
        pollIntervalMs: 1000,
        maxWaitMs: 60_000,
        retries: 2,
        retryDelayMs: 5000,
        ...overrides,
    };
    return { provider: makeEcsTaskRunProvider(deps), runs, polls, sleeps, clients };
}

describe("aws EcsTaskRun provider", () => {
    after(removeTrees);

    it("runs the task on the cluster in the job's subnets and security groups, and polls until it exits with 0", async () => {
        const f = fake([[RUNNING, RUNNING, exited(0)]]);
        const result = await f.provider.create(INPUTS);
        assert.equal(result.id, "arn:aws:ecs:eu-west-1:123456789012:task/shop-cluster/task1");
        assert.deepEqual(result.outs, { ...INPUTS, taskArns: [result.id] });
        assert.deepEqual(f.runs, [
            {
                cluster: INPUTS.cluster,
                taskDefinition: INPUTS.taskDefinitionArn,
                count: 1,
                launchType: "FARGATE",
                networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-a", "subnet-b"], securityGroups: ["sg-job", "sg-members"], assignPublicIp: "ENABLED" } },
                startedBy: STARTED_BY,
                propagateTags: "TASK_DEFINITION",
            },
        ]);
        assert.equal(f.polls.length, 3);
        assert.deepEqual(f.sleeps, [1000, 1000]);
        assert.deepEqual(f.clients, [["eu-west-1", undefined]]);
    });

    it("uses the stack's AWS profile, and no public address behind a NAT gateway", async () => {
        const f = fake([[exited(0)]]);
        await f.provider.create({ ...INPUTS, profile: "deploy", assignPublicIp: false });
        assert.deepEqual(f.clients, [["eu-west-1", "deploy"]]);
        assert.equal(f.runs[0].networkConfiguration.awsvpcConfiguration.assignPublicIp, "DISABLED");
    });

    it("fails with the stop reason, the exit code and the log stream when the job exits non-zero, without running it again", async () => {
        const f = fake([[RUNNING, exited(3)]]);
        await assert.rejects(f.provider.create(INPUTS), (e: Error) => {
            assert.equal(
                e.message,
                "one-off job migrate failed: ECS task task1 stopped (EssentialContainerExited: Essential container in task exited), container migrate exited with code 3; " +
                    "logs: CloudWatch log group /defang/shop, stream migrate/migrate/task1",
            );
            return true;
        });
        assert.equal(f.runs.length, 1);
    });

    it("starts a task again when it failed to start (IAM not yet applied), then succeeds", async () => {
        const f = fake([[FAILED_TO_START], [RUNNING, exited(0)]]);
        const result = await f.provider.create(INPUTS);
        assert.equal(f.runs.length, 2);
        assert.deepEqual(f.sleeps, [5000, 1000]);
        assert.deepEqual(result.outs!.taskArns, ["arn:aws:ecs:eu-west-1:123456789012:task/shop-cluster/task2"]);
    });

    it("gives up after its retries with the reason the task did not start", async () => {
        const f = fake([[FAILED_TO_START], [FAILED_TO_START], [FAILED_TO_START], [exited(0)]]);
        await assert.rejects(f.provider.create(INPUTS), /task3 stopped \(TaskFailedToStart: ResourceInitializationError: unable to pull secrets or registry auth\), its container did not run; logs: /);
        assert.equal(f.runs.length, 3);
    });

    it("runs deploy.replicas copies at once, starts again only those that failed to start, and needs every one to exit with 0", async () => {
        const ok = fake([[exited(0)], [FAILED_TO_START], [exited(0)]]);
        const result = await ok.provider.create({ ...INPUTS, count: 2 });
        assert.deepEqual(
            ok.runs.map((r) => r.count),
            [2, 1],
        );
        assert.equal(result.outs!.taskArns.length, 2);

        const bad = fake([[exited(0)], [exited(1, { containers: [{ name: "migrate", exitCode: 1, reason: "OutOfMemoryError" }] })]]);
        await assert.rejects(bad.provider.create({ ...INPUTS, count: 2 }), /task2 stopped .*, container migrate exited with code 1 \(OutOfMemoryError\); logs: .*stream migrate\/migrate\/task2$/);
    });

    it("fails when ECS starts no task, with its reason", async () => {
        const f = fake([], {}, [[{ reason: "RESOURCE:ENI", detail: "no free addresses in subnet-a" }]]);
        await assert.rejects(f.provider.create(INPUTS), /one-off job migrate: ECS started 0 of 1 task\(s\) of .*shop-dev-migrate:7 \(RESOURCE:ENI no free addresses in subnet-a\)/);
    });

    it("gives up waiting after its deadline, naming the task and its logs", async () => {
        const f = fake([[RUNNING]], { maxWaitMs: 10_000 });
        await assert.rejects(f.provider.create(INPUTS), /task\(s\) task1 still running after 1 minutes; logs: CloudWatch log group \/defang\/shop, stream migrate\/migrate\/task1/);
        assert.equal(f.polls.length, 11);
    });

    it("runs again only when what it runs changes", async () => {
        const { provider } = fake([]);
        const olds = { ...INPUTS, taskArns: ["t1"] };
        const none = { changes: false, replaces: [], deleteBeforeReplace: false };
        assert.deepEqual(await provider.diff!("t1", olds, { ...INPUTS }), none);
        assert.deepEqual(await provider.diff!("t1", olds, { ...INPUTS, profile: "other", subnets: ["subnet-c"], logGroupName: "/x" }), none);
        for (const [key, value] of [
            ["taskDefinitionArn", "arn:...:8"],
            ["cluster", "other"],
            ["count", 2],
            ["region", "us-east-1"],
        ] as const) {
            const d = await provider.diff!("t1", olds, { ...INPUTS, [key]: value });
            assert.deepEqual(d.replaces, [key]);
            assert.equal(d.changes, true);
        }
        assert.deepEqual(await provider.update!("t1", olds, { ...INPUTS, profile: "p" }), { outs: { ...INPUTS, profile: "p", taskArns: ["t1"] } });
    });

    it("refuses more copies of a job than ECS starts at once", () => {
        assert.equal(jobTaskCount({ name: "migrate", replicas: 0 }), 1);
        assert.equal(jobTaskCount({ name: "migrate", replicas: MAX_JOB_TASKS }), MAX_JOB_TASKS);
        assert.throws(
            () => jobTaskCount({ name: "migrate", replicas: 11 }),
            (e: UnsupportedFeaturesError) => e instanceof UnsupportedFeaturesError && e.features[0].field === "deploy.replicas" && /at most 10 copies at once on ECS \(asked for 11\)/.test(e.features[0].message),
        );
    });

    it("defaults to the AWS SDK client, which it loads only when asked", async () => {
        const warning = "AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED";
        const before = process.env[warning];
        process.env[warning] = "true";
        after(() => (before === undefined ? delete process.env[warning] : (process.env[warning] = before)));
        const deps = defaultEcsTaskRunDeps();
        assert.deepEqual([deps.pollIntervalMs, deps.maxWaitMs, deps.retries, deps.retryDelayMs], [10_000, 3_600_000, 2, 20_000]);
        const client = deps.client("us-east-2");
        assert.equal(typeof client.runTask, "function");
        assert.equal(typeof client.describeTasks, "function");
    });

    it("serializes without any module of this package or the AWS SDK", async () => {
        const serialized = await pulumi.runtime.serializeFunction(() => ecsTaskRunProvider, { allowSecrets: false });
        assert.ok(!serialized.text.includes("@pulumi/aws"));
        assert.ok(!/require\("\.\.?\//.test(serialized.text), "no relative require");
        assert.ok(serialized.text.includes(JSON.stringify(require.resolve("@aws-sdk/client-ecs"))));
    });

    it("runs from its serialized text in a process outside the project, as Pulumi's provider host does", async () => {
        const serialized = await pulumi.runtime.serializeFunction(() => ecsTaskRunProvider, { allowSecrets: false });
        const dir = makeTree({ "provider.js": serialized.text });
        const probe = `
            const provider = require(${JSON.stringify(path.join(dir, "provider.js"))}).handler();
            provider.diff("id", { taskDefinitionArn: "a:1", cluster: "c" }, { taskDefinitionArn: "a:2", cluster: "c" })
                .then((d) => process.stdout.write(JSON.stringify(d)));`;
        const out = spawnSync(process.execPath, ["-e", probe], { encoding: "utf8", cwd: os.tmpdir() });
        assert.equal(out.status, 0, out.stderr);
        assert.deepEqual(JSON.parse(out.stdout), { changes: true, replaces: ["taskDefinitionArn"], deleteBeforeReplace: false });
    });

    it("does not load the ECS SDK when the AWS service module is imported", () => {
        const service = path.resolve(__dirname, "../../provider/src/clouds/aws/compute/service.js");
        const probe = `require(${JSON.stringify(service)}); process.stdout.write(String(Object.keys(require.cache).some((k) => k.includes("client-ecs"))));`;
        const out = spawnSync(process.execPath, ["-e", probe], { encoding: "utf8" });
        assert.equal(out.status, 0, out.stderr);
        assert.equal(out.stdout, "false");
    });
});
