/**
 * `CloudBuildRun`: a resource that runs one Cloud Build build during `pulumi up` and waits for it,
 * so that the image exists before the Cloud Run service that uses it. It is replaced (built again)
 * only when its content hash or image changes: an unchanged source is not rebuilt.
 *
 * A Pulumi dynamic provider that calls Cloud Build's REST API with Node's `fetch` (no extra
 * package). Its access token comes from, in order: `GOOGLE_OAUTH_ACCESS_TOKEN`, `gcloud auth
 * print-access-token` (the credentials `gcloud auth login` or `gcloud auth application-default
 * login` set up), or the metadata server when `pulumi up` runs on Google Cloud. Its functions are
 * serialized into the stack and reference nothing of this package at run time but the shared run
 * pieces of `clouds/common/`, which import nothing. Tests inject fakes
 * through `makeCloudBuildRunProvider`.
 */
import * as pulumi from "@pulumi/pulumi";
import { describeOperationFailure } from "../../common/operation-failure";
import { PollClock, realPollClock, waitForOperation } from "../../common/operation-wait";
import { RunResourceArgs, runResourceProvider } from "../../common/run-resource-provider";
import { runResourceClass } from "../../common/run-resource";

/** A build as Cloud Build describes it (the fields used here). */
export interface BuildInfo {
    id?: string;
    status?: string;
    statusDetail?: string;
    logUrl?: string;
}

export interface HttpResponse {
    ok: boolean;
    status: number;
    json(): Promise<unknown>;
    text(): Promise<string>;
}

export interface CloudBuildRunDeps extends PollClock {
    token(): Promise<string>;
    fetch(url: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<HttpResponse>;
}

export interface CloudBuildRunInputs {
    project: string;
    region: string;
    /** The request body (see `cloud-build-request.ts`), as JSON. */
    request: string;
    image: string;
    /** The content hash: a new one means a new build. */
    hash: string;
    /** `dockerfile` or `buildpacks`: what the build runs (shown by `plan`; the hash already covers it). */
    builder?: string;
}

export interface CloudBuildRunOutputs extends CloudBuildRunInputs {
    buildId: string;
}

/** Seconds between two looks at a running build. */
export const BUILD_POLL_INTERVAL_SECONDS = 10;
/** Minutes `pulumi up` waits for one build: longer than the build's own timeout, which ends it first. */
export const BUILD_WAIT_LIMIT_MINUTES = 40;

const REPLACE_ON_CHANGE = ["hash", "image", "project", "region"] as const;
const RUNNING = ["STATUS_UNKNOWN", "PENDING", "QUEUED", "WORKING"];

async function accessToken(): Promise<string> {
    const fromEnv = process.env.GOOGLE_OAUTH_ACCESS_TOKEN;
    if (fromEnv) return fromEnv;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { execFileSync } = require("child_process") as typeof import("child_process");
    try {
        const token = execFileSync("gcloud", ["auth", "print-access-token"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
        if (token) return token;
    } catch {
        // No gcloud, or not logged in: try the metadata server.
    }
    try {
        const res = await fetch("http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token", { headers: { "Metadata-Flavor": "Google" } });
        if (res.ok) return ((await res.json()) as { access_token: string }).access_token;
    } catch {
        // Not on Google Cloud.
    }
    throw new Error("building an image on Cloud Build needs Google Cloud credentials: run `gcloud auth login`, or set GOOGLE_OAUTH_ACCESS_TOKEN");
}

export function defaultCloudBuildRunDeps(): CloudBuildRunDeps {
    return {
        token: accessToken,
        fetch: (url, init) => fetch(url, init),
        ...realPollClock(BUILD_POLL_INTERVAL_SECONDS, BUILD_WAIT_LIMIT_MINUTES),
    };
}

/** Why a build failed, with the link to its logs. */
export function describeFailure(build: BuildInfo, image: string): string {
    const detail = build.statusDetail ? ` (${build.statusDetail})` : "";
    return describeOperationFailure({ subject: `building ${image}`, operation: `Cloud Build build ${build.id}`, outcome: `ended ${build.status}${detail}`, ...(build.logUrl ? { logs: build.logUrl } : {}) });
}

async function call(deps: CloudBuildRunDeps, method: string, url: string, body?: string): Promise<unknown> {
    const token = await deps.token();
    const res = await deps.fetch(url, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, ...(body ? { body } : {}) });
    if (!res.ok) throw new Error(`Cloud Build ${method} ${url}: HTTP ${res.status}: ${await res.text()}`);
    return res.json();
}

/** Starts the build and waits until it ends; throws when it does not succeed. */
export async function runCloudBuild(inputs: CloudBuildRunInputs, deps: CloudBuildRunDeps): Promise<BuildInfo & { id: string }> {
    const base = `https://cloudbuild.googleapis.com/v1/projects/${inputs.project}/locations/${inputs.region}/builds`;
    const operation = (await call(deps, "POST", base, inputs.request)) as { metadata?: { build?: BuildInfo } };
    const id = operation.metadata?.build?.id;
    if (!id) throw new Error(`building ${inputs.image}: Cloud Build started no build`);
    const build = await waitForOperation(
        async () => {
            const b = (await call(deps, "GET", `${base}/${id}`)) as BuildInfo;
            return b.status && !RUNNING.includes(b.status) ? b : undefined;
        },
        deps,
        { subject: `building ${inputs.image}`, operation: `Cloud Build build ${id}` },
    );
    if (build.status === "SUCCESS") return { ...build, id };
    throw new Error(describeFailure({ ...build, id }, inputs.image));
}

export function makeCloudBuildRunProvider(deps: CloudBuildRunDeps = defaultCloudBuildRunDeps()): pulumi.dynamic.ResourceProvider<CloudBuildRunInputs, CloudBuildRunOutputs> {
    return runResourceProvider<CloudBuildRunInputs, { buildId: string }>({
        async run(inputs) {
            const build = await runCloudBuild(inputs, deps);
            return { id: build.id, result: { buildId: build.id } };
        },
        rerunOn: REPLACE_ON_CHANGE,
        // Only the request's details changed (not the content): keep the image that was built.
        updateOn: ["request"],
        // The image stays in the repository until its cleanup policy removes it.
        kept: (olds) => ({ buildId: olds.buildId }),
    });
}

export const cloudBuildRunProvider = makeCloudBuildRunProvider();

/** The inputs of the run, each one an Input. */
export type CloudBuildRunArgs = RunResourceArgs<CloudBuildRunInputs>;

/** One Cloud Build build, run during `pulumi up`: its `image` is known once the build has succeeded. */
export const CloudBuildRun = runResourceClass<CloudBuildRunInputs, { buildId: string }>(cloudBuildRunProvider, ["buildId"]);
export type CloudBuildRun = InstanceType<typeof CloudBuildRun>;
