/**
 * One-off jobs on the three clouds, under mocks: a `restart: "no"` migration and an app that waits
 * for it with `service_completed_successfully` (tests/cli/fixtures/jobs). AWS runs the migration's
 * task during `pulumi up` (no ECS service for it) and the app's service depends on that run; Google
 * Cloud executes a Cloud Run job (no service or worker pool for it) and the app's service depends
 * on the job; DigitalOcean runs an App job before the deployment.
 */
import { strict as assert } from "assert";
import * as path from "path";
import { ECS_TASK_RUN_TYPE } from "../../provider/src/clouds/aws/compute/ecs-task-run";
import { executionToken, JOB_MAX_RETRIES, JOB_TASK_TIMEOUT_SECONDS } from "../../provider/src/clouds/gcp/compute/job";
import { DefangProject } from "../../provider/src/components/defang-project";
import { MockRecorder, Registration, useMocks, valueOf } from "../support/pulumi-mocks";

const COMPOSE = path.resolve(__dirname, "../../../tests/cli/fixtures/jobs/compose.yaml");

/** Deploys the fixture on `config`'s cloud; the recorder and the project's endpoints. */
async function deploy(config: Record<string, string>): Promise<{ recorder: MockRecorder; endpoints: Record<string, string[]> }> {
    const recorder = await useMocks(config);
    const project = new DefangProject("jobs", { composeFile: COMPOSE }, recorder.opts());
    const endpoints = await valueOf(project.endpoints);
    await recorder.settle();
    return { recorder, endpoints };
}

const urnOf = (r: Registration) => {
    assert.ok(r.urn, `${r.type} ${r.name} has a URN`);
    return r.urn!;
};

describe("one-off jobs", function () {
    describe("on AWS", function () {
        let recorder: MockRecorder;
        let endpoints: Record<string, string[]>;
        before(async () => ({ recorder, endpoints } = await deploy({ "defang:provider": "aws" })));

        it("registers the job's task definition and its run, and no ECS service or private DNS name for it", function () {
            assert.deepEqual(
                recorder
                    .ofType("aws:ecs/taskDefinition:TaskDefinition")
                    .map((r) => r.name)
                    .sort(),
                ["jobs-app-task", "jobs-migrate-task"],
            );
            assert.deepEqual(
                recorder.ofType("aws:ecs/service:Service").map((r) => r.name),
                ["jobs-app-service"],
            );
            assert.deepEqual(
                recorder.ofType("aws:servicediscovery/service:Service").map((r) => r.name),
                ["jobs-app-discovery"],
            );
            const run = recorder.one(ECS_TASK_RUN_TYPE, "jobs-migrate-run");
            assert.equal(run.parent, "jobs-migrate");
            assert.equal(run.inputs.count, 1);
            assert.equal(run.inputs.containerName, "migrate");
            assert.equal(run.inputs.logStreamPrefix, "migrate");
            assert.equal(run.inputs.assignPublicIp, true, "no NAT gateway: the task reaches the registry through its public address");
            const task = recorder.one("aws:ecs/taskDefinition:TaskDefinition", "jobs-migrate-task");
            const container = JSON.parse(String(task.inputs.containerDefinitions))[0];
            assert.deepEqual([container.name, container.command, container.portMappings], ["migrate", ["npm", "run", "migrate"], []]);
            assert.equal(endpoints.migrate.length, 0, "nothing reaches a job");
        });

        it("runs the task in the job's own security group and the project's members group, in the task subnets", function () {
            const run = recorder.one(ECS_TASK_RUN_TYPE, "jobs-migrate-run");
            const app = recorder.one("aws:ecs/service:Service", "jobs-app-service");
            const appNetwork = app.inputs.networkConfiguration as { subnets: string[]; securityGroups: string[] };
            assert.deepEqual(run.inputs.subnets, appNetwork.subnets);
            assert.equal((run.inputs.securityGroups as string[]).length, 2);
            assert.equal((run.inputs.securityGroups as string[])[1], appNetwork.securityGroups[1], "the members group, which databases admit");
            assert.notEqual((run.inputs.securityGroups as string[])[0], appNetwork.securityGroups[0], "its own group");
            const egress = recorder.one("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "jobs-migrate-sg-egress");
            assert.ok(recorder.dependsOnUrns(ECS_TASK_RUN_TYPE, "jobs-migrate-run").includes(urnOf(egress)), "the task can pull its image when it starts");
        });

        it("makes the app's ECS service wait for the job's run", function () {
            const run = recorder.one(ECS_TASK_RUN_TYPE, "jobs-migrate-run");
            const deps = recorder.dependsOnUrns("aws:ecs/service:Service", "jobs-app-service");
            assert.ok(deps.includes(urnOf(run)), `the app's service depends on ${urnOf(run)}; got ${deps.join(", ")}`);
        });
    });

    describe("on Google Cloud", function () {
        let recorder: MockRecorder;
        before(async () => ({ recorder } = await deploy({ "defang:provider": "gcp", "gcp:project": "jobs-project", "gcp:region": "us-central1" })));

        it("registers a Cloud Run job executed at deploy and waited for, and no service or worker pool for it", function () {
            const job = recorder.one("gcp:cloudrunv2/job:Job", "jobs-migrate-job");
            assert.match(String(job.inputs.runExecutionToken), /^r[0-9a-f]{16}$/);
            assert.equal(job.inputs.startExecutionToken, undefined, "a started execution is not waited for");
            const template = job.inputs.template as { taskCount: number; parallelism: number; template: { maxRetries: number; timeout: string; containers: Array<{ args: string[]; ports?: unknown }> } };
            assert.deepEqual([template.taskCount, template.parallelism, template.template.maxRetries, template.template.timeout], [1, 1, JOB_MAX_RETRIES, `${JOB_TASK_TIMEOUT_SECONDS}s`]);
            assert.deepEqual(template.template.containers[0].args, ["npm", "run", "migrate"]);
            assert.equal(template.template.containers[0].ports, undefined);
            assert.deepEqual(
                recorder.ofType("gcp:cloudrunv2/service:Service").map((r) => r.name),
                ["jobs-app-service"],
            );
            assert.equal(recorder.ofType("gcp:cloudrunv2/workerPool:WorkerPool").length, 0);
        });

        it("ties the execution token to the job's template: the same template runs once, any change runs it again", function () {
            const template = { taskCount: 1, template: { containers: [{ image: "ghcr.io/acme/app:1.4", args: ["migrate"] }] } };
            assert.equal(executionToken(template), executionToken(JSON.parse(JSON.stringify(template))));
            assert.notEqual(executionToken(template), executionToken({ ...template, taskCount: 2 }));
            assert.notEqual(executionToken(template), executionToken({ taskCount: 1, template: { containers: [{ image: "ghcr.io/acme/app:1.5", args: ["migrate"] }] } }));
            const job = recorder.one("gcp:cloudrunv2/job:Job", "jobs-migrate-job");
            assert.ok(String(job.inputs.name).length + String(job.inputs.runExecutionToken).length < 63, "the job name and token together stay under 63 characters");
        });

        it("makes the app's Cloud Run service wait for the job", function () {
            const job = recorder.one("gcp:cloudrunv2/job:Job", "jobs-migrate-job");
            assert.ok(recorder.dependsOnUrns("gcp:cloudrunv2/service:Service", "jobs-app-service").includes(urnOf(job)));
        });
    });

    describe("on DigitalOcean", function () {
        let recorder: MockRecorder;
        before(async () => ({ recorder } = await deploy({ "defang:provider": "digitalocean" })));

        it("puts the job in the App spec as a pre-deploy job, the app as a service", function () {
            const spec = recorder.one("digitalocean:index/app:App").inputs.spec as { jobs: Array<Record<string, unknown>>; services: Array<{ name: string }>; workers?: unknown };
            assert.deepEqual(
                spec.jobs.map((j) => [j.name, j.kind, j.runCommand, j.instanceCount]),
                [["migrate", "PRE_DEPLOY", "npm run migrate", 1]],
            );
            assert.deepEqual(
                spec.services.map((s) => s.name),
                ["app"],
            );
            assert.equal(spec.workers, undefined);
        });
    });
});
