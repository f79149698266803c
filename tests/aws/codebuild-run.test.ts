/**
 * The `CodeBuildRun` provider with a fake CodeBuild client: it starts the build with the run's source
 * and image, polls until the build ends, retries builds that fail before running anything of ours,
 * reports a failure with its phase, reason and log link, gives up after its deadline, and is
 * replaced only when what it builds changes. Its serialized form loads nothing of the AWS SDK.
 */
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { BUILD_TIMEOUT_MINUTES, QUEUED_TIMEOUT_MINUTES } from "../../provider/src/clouds/aws/build/build-project";
import { IMAGE_URI_VARIABLE } from "../../provider/src/clouds/aws/build/buildspec";
import { BuildInfo, codeBuildRunProvider, CodeBuildRunDeps, CodeBuildRunInputs, defaultCodeBuildRunDeps, makeCodeBuildRunProvider, StartBuildRequest } from "../../provider/src/clouds/aws/build/codebuild-run";
import { makeTree, removeTrees } from "../build/temp-tree";

const INPUTS: CodeBuildRunInputs = {
    region: "eu-west-1",
    projectName: "web-build-1234",
    sourceLocation: "shop-builds-abc/web/0123abcd.zip",
    imageUri: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web-repository-x:0123abcd",
    hash: "0123abcd",
};

const failedIn = (phaseType: string, message: string): BuildInfo => ({
    buildStatus: "FAILED",
    phases: [
        { phaseType: "SUBMITTED", phaseStatus: "SUCCEEDED" },
        { phaseType, phaseStatus: "FAILED", contexts: [{ statusCode: "COMMAND_EXECUTION_ERROR", message }] },
    ],
    logs: { deepLink: "https://console.aws.amazon.com/cloudwatch/logs/build" },
});

/** A fake client: each started build goes through `script`'s states, one per poll. */
function fake(scripts: BuildInfo[][], overrides: Partial<CodeBuildRunDeps> = {}) {
    const started: StartBuildRequest[] = [];
    const polls: string[] = [];
    const sleeps: number[] = [];
    const clients: Array<[string, string | undefined]> = [];
    let clock = 0;
    const states = new Map<string, BuildInfo[]>();
    const deps: CodeBuildRunDeps = {
        client(region, profile) {
            clients.push([region, profile]);
            return {
                async startBuild(request) {
                    started.push(request);
                    const script = scripts[started.length - 1];
                    if (!script) return {};
                    const id = `${request.projectName}:build-${started.length}`;
                    states.set(id, [...script]);
                    return { build: { id, buildStatus: "IN_PROGRESS" } };
                },
                async batchGetBuilds({ ids }) {
                    polls.push(ids[0]);
                    const queue = states.get(ids[0]) ?? [];
                    const state = queue.length > 1 ? queue.shift()! : queue[0];
                    return { builds: [{ id: ids[0], ...state }] };
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
    return { provider: makeCodeBuildRunProvider(deps), started, polls, sleeps, clients };
}

const RUNNING: BuildInfo = { buildStatus: "IN_PROGRESS" };
const SUCCEEDED: BuildInfo = { buildStatus: "SUCCEEDED" };

describe("aws CodeBuildRun provider", () => {
    after(removeTrees);

    it("starts the build with the run's source and image, and polls until it succeeds", async () => {
        const f = fake([[RUNNING, RUNNING, SUCCEEDED]]);
        const result = await f.provider.create(INPUTS);
        assert.equal(result.id, "web-build-1234:build-1");
        assert.deepEqual(result.outs, { ...INPUTS, buildId: "web-build-1234:build-1" });
        assert.deepEqual(f.started, [
            {
                projectName: INPUTS.projectName,
                sourceLocationOverride: INPUTS.sourceLocation,
                environmentVariablesOverride: [{ name: IMAGE_URI_VARIABLE, value: INPUTS.imageUri, type: "PLAINTEXT" }],
            },
        ]);
        assert.deepEqual(f.polls, ["web-build-1234:build-1", "web-build-1234:build-1", "web-build-1234:build-1"]);
        assert.deepEqual(f.sleeps, [1000, 1000]);
        assert.deepEqual(f.clients, [["eu-west-1", undefined]]);
    });

    it("uses the stack's AWS profile when it has one", async () => {
        const f = fake([[SUCCEEDED]]);
        await f.provider.create({ ...INPUTS, profile: "deploy" });
        assert.deepEqual(f.clients, [["eu-west-1", "deploy"]]);
    });

    it("fails with the failed phase, its reason and the log link, without retrying a failed docker build", async () => {
        const f = fake([[RUNNING, failedIn("BUILD", "Error while executing command: docker build. Reason: exit status 1")]]);
        await assert.rejects(f.provider.create(INPUTS), (e: Error) => {
            assert.match(e.message, /building 123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/web-repository-x:0123abcd failed/);
            assert.match(e.message, /web-build-1234:build-1 FAILED in phase BUILD \(FAILED: COMMAND_EXECUTION_ERROR: Error while executing command: docker build\. Reason: exit status 1\)/);
            assert.match(e.message, /logs: https:\/\/console\.aws\.amazon\.com\/cloudwatch\/logs\/build/);
            return true;
        });
        assert.equal(f.started.length, 1);
    });

    it("starts the build again when it fails before our commands run (IAM not yet applied), then succeeds", async () => {
        const f = fake([[failedIn("DOWNLOAD_SOURCE", "AccessDenied")], [failedIn("PRE_BUILD", "login failed")], [RUNNING, SUCCEEDED]]);
        const result = await f.provider.create(INPUTS);
        assert.equal(result.id, "web-build-1234:build-3");
        assert.equal(f.started.length, 3);
        assert.deepEqual(f.sleeps, [5000, 5000, 1000]);
    });

    it("gives up after its retries", async () => {
        const f = fake([[failedIn("PROVISIONING", "a")], [failedIn("PROVISIONING", "b")], [failedIn("PROVISIONING", "c")], [SUCCEEDED]]);
        await assert.rejects(f.provider.create(INPUTS), /build-3 FAILED in phase PROVISIONING \(FAILED: COMMAND_EXECUTION_ERROR: c\)/);
        assert.equal(f.started.length, 3);
    });

    it("does not retry a stopped build", async () => {
        const f = fake([[{ buildStatus: "STOPPED", phases: [{ phaseType: "PROVISIONING", phaseStatus: "STOPPED" }] }]]);
        await assert.rejects(f.provider.create(INPUTS), /STOPPED in phase PROVISIONING \(STOPPED\)/);
        assert.equal(f.started.length, 1);
    });

    it("gives up waiting after its deadline", async () => {
        const f = fake([[RUNNING]], { maxWaitMs: 10_000 });
        await assert.rejects(f.provider.create(INPUTS), /still running after 1 minutes/);
        assert.equal(f.polls.length, 11);
    });

    it("fails when CodeBuild starts no build", async () => {
        const f = fake([]);
        await assert.rejects(f.provider.create(INPUTS), /started no build for project web-build-1234/);
    });

    it("is replaced only when what it builds changes", async () => {
        const { provider } = fake([]);
        const olds = { ...INPUTS, buildId: "b:1" };
        assert.deepEqual(await provider.diff!("b:1", olds, { ...INPUTS }), { changes: false, replaces: [], deleteBeforeReplace: false });
        assert.deepEqual(await provider.diff!("b:1", olds, { ...INPUTS, profile: "other" }), { changes: false, replaces: [], deleteBeforeReplace: false });
        for (const key of ["hash", "projectName", "imageUri", "sourceLocation", "region"] as const) {
            const d = await provider.diff!("b:1", olds, { ...INPUTS, [key]: "changed" });
            assert.deepEqual(d.replaces, [key]);
            assert.equal(d.changes, true);
        }
        assert.deepEqual(await provider.update!("b:1", olds, { ...INPUTS, profile: "p" }), { outs: { ...INPUTS, profile: "p", buildId: "b:1" } });
    });

    it("defaults to the AWS SDK client, which it loads only when asked", async () => {
        // The SDK warns once, on Node.js < 22, that its releases after January 2027 will need Node.js 22.
        const warning = "AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED";
        const before = process.env[warning];
        process.env[warning] = "true";
        after(() => (before === undefined ? delete process.env[warning] : (process.env[warning] = before)));
        const deps = defaultCodeBuildRunDeps();
        assert.deepEqual([deps.pollIntervalMs, deps.retries, deps.retryDelayMs], [10_000, 2, 20_000]);
        assert.ok(deps.maxWaitMs > (BUILD_TIMEOUT_MINUTES + QUEUED_TIMEOUT_MINUTES) * 60_000, "waits longer than the queue and build timeouts together");
        const client = deps.client("us-east-2");
        assert.equal(typeof client.startBuild, "function");
        assert.equal(typeof client.batchGetBuilds, "function");
    });

    it("serializes without any module of this package or the AWS SDK", async () => {
        const serialized = await pulumi.runtime.serializeFunction(() => codeBuildRunProvider, { allowSecrets: false });
        assert.ok(serialized.text.length < 20_000, `serialized provider is ${serialized.text.length} characters`);
        assert.ok(!serialized.text.includes("@pulumi/aws"));
        assert.ok(!/require\("\.\.?\//.test(serialized.text), "no relative require");
        // The SDK is required inside the client factory, by the path this package resolves it at.
        assert.ok(serialized.text.includes("require(modulePath)"));
        assert.ok(serialized.text.includes(JSON.stringify(require.resolve("@aws-sdk/client-codebuild"))));
    });

    it("runs from its serialized text in a process outside the project, as Pulumi's provider host does", async () => {
        const serialized = await pulumi.runtime.serializeFunction(() => codeBuildRunProvider, { allowSecrets: false });
        const dir = makeTree({ "provider.js": serialized.text });
        const probe = `
            const provider = require(${JSON.stringify(path.join(dir, "provider.js"))}).handler();
            provider.diff("id", { hash: "a", projectName: "p" }, { hash: "b", projectName: "p" })
                .then((d) => process.stdout.write(JSON.stringify(d)));`;
        const out = spawnSync(process.execPath, ["-e", probe], { encoding: "utf8", cwd: os.tmpdir() });
        assert.equal(out.status, 0, out.stderr);
        assert.deepEqual(JSON.parse(out.stdout), { changes: true, replaces: ["hash"], deleteBeforeReplace: false });
    });

    it("does not load the AWS SDK when build.ts is imported", () => {
        const build = path.resolve(__dirname, "../../provider/src/clouds/aws/build/build.js");
        const probe = `require(${JSON.stringify(build)}); process.stdout.write(String(Object.keys(require.cache).some((k) => k.includes("client-codebuild"))));`;
        const out = spawnSync(process.execPath, ["-e", probe], { encoding: "utf8" });
        assert.equal(out.status, 0, out.stderr);
        assert.equal(out.stdout, "false");
    });
});
