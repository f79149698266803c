/**
 * `CodeBuildRun`: a resource that runs one CodeBuild build during `pulumi up` and waits for it, so
 * that the image exists before the task definition that uses it. It is replaced (built again) only
 * when its content hash, project, image or source changes: an unchanged source is not rebuilt.
 *
 * A Pulumi dynamic provider: its functions are serialized into the stack and run in Pulumi's
 * provider host, so they reference nothing of this package at run time but the helpers of this
 * file and the shared run pieces of `clouds/common/` (which import nothing), and load the AWS SDK
 * lazily, inside `create`. Tests inject a fake
 * client through `makeCodeBuildRunProvider`.
 */
import * as pulumi from "@pulumi/pulumi";
import { lazyModule, packageModulePath } from "../../common/module-path";
import { describeOperationFailure } from "../../common/operation-failure";
import { AttemptOutcome, attemptWithRetries, realRetryPolicy, RetryPolicy } from "../../common/operation-retry";
import { PollClock, realPollClock, waitForOperation } from "../../common/operation-wait";
import { RunResourceArgs, runResourceProvider } from "../../common/run-resource-provider";
import { runResourceClass } from "../../common/run-resource";

/** A build as CodeBuild's `BatchGetBuilds` describes it (the fields used here). */
export interface BuildInfo {
    id?: string;
    buildStatus?: string;
    phases?: Array<{ phaseType?: string; phaseStatus?: string; contexts?: Array<{ statusCode?: string; message?: string }> }>;
    logs?: { deepLink?: string };
}

export interface StartBuildRequest {
    projectName: string;
    sourceLocationOverride?: string;
    environmentVariablesOverride?: Array<{ name: string; value: string; type: "PLAINTEXT" }>;
}

/** What the provider needs of CodeBuild: the AWS SDK's client, or a fake in tests. */
export interface CodeBuildApi {
    startBuild(request: StartBuildRequest): Promise<{ build?: BuildInfo }>;
    batchGetBuilds(request: { ids: string[] }): Promise<{ builds?: BuildInfo[] }>;
}

/** The clock polls `BatchGetBuilds`; its `maxWaitMs` is a last resort (the project's own timeouts end the build before). */
export interface CodeBuildRunDeps extends PollClock, RetryPolicy {
    client(region: string, profile?: string): CodeBuildApi;
    /** Builds started again when one fails before running any command of ours (IAM changes take a few seconds to apply). */
    retries: number;
}

export interface CodeBuildRunInputs {
    region: string;
    /** The `aws:profile` of the stack, for the SDK's credentials; else the environment's. */
    profile?: string;
    projectName: string;
    /** `<bucket>/<key>` of the context archive. */
    sourceLocation: string;
    /** `<repository URL>:<tag>`. */
    imageUri: string;
    /** The content hash: a new one means a new build. */
    hash: string;
    /** `dockerfile` or `buildpacks`: what the build runs (shown by `plan`; the hash already covers it). */
    builder?: string;
}

export interface CodeBuildRunOutputs extends CodeBuildRunInputs {
    buildId: string;
}

/** The inputs whose change means a new build (the others change nothing). */
const REPLACE_ON_CHANGE = ["hash", "projectName", "imageUri", "sourceLocation", "region"] as const;

/** Phases that fail before any command of the buildspec, or at the registry login: retried. */
const RETRIED_PHASES = ["SUBMITTED", "QUEUED", "PROVISIONING", "DOWNLOAD_SOURCE", "PRE_BUILD"];

/** A factory of SDK clients, the SDK loaded on first use. */
function sdkClients(sdk: () => typeof import("@aws-sdk/client-codebuild")): CodeBuildRunDeps["client"] {
    return (region, profile) => {
        const { CodeBuildClient, StartBuildCommand, BatchGetBuildsCommand } = sdk();
        const client = new CodeBuildClient(profile ? { region, profile } : { region });
        return { startBuild: (request) => client.send(new StartBuildCommand(request)), batchGetBuilds: (request) => client.send(new BatchGetBuildsCommand(request)) };
    };
}

/**
 * Seconds between two looks at a running build (a build takes minutes, and each look is an API
 * call), and minutes `pulumi up` waits for one build before giving up: longer than the project's
 * queue and build timeouts together (see build-project.ts), which end the build first.
 */
const BUILD_WAIT = { pollIntervalSeconds: 10, waitLimitMinutes: 75 };

/**
 * Times a build is started again when it fails before any command of ours runs, or at the registry
 * login (a new role's policy takes a few seconds to apply, and such failures are not the source's),
 * and seconds before starting it again.
 */
const BUILD_RETRY = { retries: 2, retryDelaySeconds: 20 };

/** The defaults: the real SDK and clock, and the constants above. */
export function defaultCodeBuildRunDeps(): CodeBuildRunDeps {
    return {
        client: sdkClients(lazyModule(packageModulePath("@aws-sdk/client-codebuild"))),
        ...realPollClock(BUILD_WAIT.pollIntervalSeconds, BUILD_WAIT.waitLimitMinutes),
        ...realRetryPolicy(BUILD_RETRY.retries, BUILD_RETRY.retryDelaySeconds),
    };
}

/** The phase that failed, or undefined. */
function failedPhase(build: BuildInfo): NonNullable<BuildInfo["phases"]>[number] | undefined {
    return [...(build.phases ?? [])].reverse().find((phase) => !!phase.phaseStatus && phase.phaseStatus !== "SUCCEEDED" && phase.phaseStatus !== "IN_PROGRESS");
}

/** Why a build failed, with the link to its logs. */
export function describeFailure(build: BuildInfo, imageUri: string): string {
    const phase = failedPhase(build);
    const context = (phase?.contexts ?? [])
        .map((c) => [c.statusCode, c.message].filter(Boolean).join(": "))
        .filter(Boolean)
        .join("; ");
    const where = phase ? ` in phase ${phase.phaseType} (${phase.phaseStatus}${context ? `: ${context}` : ""})` : "";
    return describeOperationFailure({
        subject: `building ${imageUri}`,
        operation: `CodeBuild build ${build.id}`,
        outcome: `${build.buildStatus ?? "ended"}${where}`,
        ...(build.logs?.deepLink ? { logs: build.logs.deepLink } : {}),
    });
}

function isRetryable(build: BuildInfo): boolean {
    const phase = failedPhase(build);
    return build.buildStatus !== "STOPPED" && !!phase?.phaseType && RETRIED_PHASES.includes(phase.phaseType);
}

/** Starts the build once and waits until it ends. */
async function buildOnce(api: CodeBuildApi, inputs: CodeBuildRunInputs, deps: CodeBuildRunDeps): Promise<AttemptOutcome<string>> {
    const started = await api.startBuild({
        projectName: inputs.projectName,
        sourceLocationOverride: inputs.sourceLocation,
        environmentVariablesOverride: [{ name: "IMAGE_URI", value: inputs.imageUri, type: "PLAINTEXT" }],
    });
    const id = started.build?.id;
    if (!id) throw new Error(`building ${inputs.imageUri}: CodeBuild started no build for project ${inputs.projectName}`);
    const build = await waitForOperation(
        async () => {
            const state = (await api.batchGetBuilds({ ids: [id] })).builds?.[0];
            return state?.buildStatus && state.buildStatus !== "IN_PROGRESS" ? state : undefined;
        },
        deps,
        { subject: `building ${inputs.imageUri}`, operation: `CodeBuild build ${id}` },
    );
    if (build.buildStatus === "SUCCEEDED") return { ok: true, value: id };
    return { ok: false, error: describeFailure({ ...build, id }, inputs.imageUri), retryable: isRetryable(build) };
}

/** The provider, with `deps` (defaults: the real SDK and clock). */
export function makeCodeBuildRunProvider(deps: CodeBuildRunDeps = defaultCodeBuildRunDeps()): pulumi.dynamic.ResourceProvider<CodeBuildRunInputs, CodeBuildRunOutputs> {
    return runResourceProvider<CodeBuildRunInputs, { buildId: string }>({
        async run(inputs) {
            // Again, when it fails early and retries are left, until it ends.
            const api = deps.client(inputs.region, inputs.profile);
            const buildId = await attemptWithRetries(() => buildOnce(api, inputs, deps), deps);
            return { id: buildId, result: { buildId } };
        },
        rerunOn: REPLACE_ON_CHANGE,
        // The image stays in the repository until its lifecycle policy expires it.
        kept: (olds) => ({ buildId: olds.buildId }),
    });
}

/** The provider that `pulumi up` runs. */
export const codeBuildRunProvider = makeCodeBuildRunProvider();

/** The inputs of the run, each one an Input. */
export type CodeBuildRunArgs = RunResourceArgs<CodeBuildRunInputs>;

/** One CodeBuild build, run during `pulumi up`: its `imageUri` is known once the build has succeeded. */
export const CodeBuildRun = runResourceClass<CodeBuildRunInputs, { buildId: string }>(codeBuildRunProvider, ["buildId"]);
export type CodeBuildRun = InstanceType<typeof CodeBuildRun>;
