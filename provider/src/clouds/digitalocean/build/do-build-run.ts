/**
 * `DigitalOceanBuildRun`: builds one service's image in the user's DigitalOcean account during
 * `pulumi up`, with no Docker on the deploying machine, and waits for it, so that the image exists
 * before the App that runs it. Replaced (built again) only when the content hash or the image changes.
 *
 * What `create` does, through the DigitalOcean API and the Spaces (S3) API:
 * 1. creates a Spaces key that may read and write the project's build bucket only;
 * 2. uploads the context as a gzipped tar (ignored files already left out) and presigns a GET of it;
 * 3. asks for a DOCR credential that can push and expires with the build;
 * 4. creates a temporary App whose pre-deploy job fetches the tar, builds and pushes (see
 *    `build-job-spec.ts`; every credential an env value of type SECRET), and waits for its deployment;
 * 5. on failure, fetches the job's logs and reports their end; in every case deletes the App, the
 *    uploaded tar and the key.
 * No credential is an input or an output of the resource, or written in its errors.
 *
 * A Pulumi dynamic provider: its functions are serialized into the stack, so they use only helpers
 * that import Node's own modules. Tests inject the HTTP client and the clock through
 * `makeDigitalOceanBuildRunProvider`.
 */
import * as crypto from "crypto";
import * as pulumi from "@pulumi/pulumi";
import { S3Key, S3Object, objectUrl, presignedGetUrl, signedHeaders } from "../../../build/s3-signature";
import { TarEntry, tarGz } from "../../../build/tar-archive";
import { describeOperationFailure } from "../../common/operation-failure";
import { attemptWithRetries } from "../../common/operation-retry";
import { PollClock, realPollClock, waitForOperation } from "../../common/operation-wait";
import { DeferUndo, withCleanup } from "../../common/run-cleanup";
import { RunResourceArgs, runResourceProvider } from "../../common/run-resource-provider";
import { runResourceClass } from "../../common/run-resource";
import { BUILD_JOB_NAME, buildJobAppSpec } from "./build-job-spec";

export const DIGITALOCEAN_API = "https://api.digitalocean.com";

export interface HttpRequest {
    method: "GET" | "POST" | "PUT" | "DELETE";
    url: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
}
export interface HttpResponse {
    status: number;
    body: string;
}
/** What the provider needs of the network: `fetch`, or a fake in tests. */
export type HttpClient = (request: HttpRequest) => Promise<HttpResponse>;

export interface DigitalOceanBuildRunDeps extends PollClock {
    http: HttpClient;
    /** The API token when the stack gives none: the environment's, as the DigitalOcean provider reads it. */
    envToken(): string | undefined;
    /** Attempts of the upload: a new Spaces key takes a few seconds to be accepted. */
    uploadAttempts: number;
    uploadRetryDelayMs: number;
    /** A few random hex digits for the temporary App's name. */
    randomSuffix(): string;
}

export interface DigitalOceanBuildRunInputs {
    /** The stack's `digitalocean:token`, as a secret; else the environment's. */
    token?: string;
    /** The build bucket and its datacenter (the Spaces region). */
    bucket: string;
    spacesRegion: string;
    /** The App Platform region of the build job, e.g. `nyc`. */
    appRegion: string;
    /** The archive: path -> file or text, and the paths to unpack as executable. */
    entries: Record<string, TarEntry>;
    executables: string[];
    builder: "dockerfile" | "buildpacks";
    /** The Dockerfile's and the context's paths in the archive. */
    dockerfile: string;
    context: string;
    target?: string;
    /** `build.args`: a secret of the stack (they may come from config). */
    args: Record<string, string>;
    /** `registry.digitalocean.com/<registry>/<repository>:<tag>`. */
    imageRef: string;
    /** kaniko: the cache repository; buildpacks: the cache image. */
    cacheRef: string;
    /** The content hash: a new one means a new build. */
    hash: string;
}

export interface DigitalOceanBuildRunOutputs extends DigitalOceanBuildRunInputs {
    /** The ID of the temporary App the build ran in (deleted since). */
    buildAppId: string;
}

/** Seconds between two looks at the build's deployment. */
export const BUILD_POLL_INTERVAL_SECONDS = 10;
/** Minutes `pulumi up` waits for one build before giving up (and deleting the App, which stops it). */
export const BUILD_WAIT_LIMIT_MINUTES = 45;
/** How long the presigned URL and the DOCR credential last: the wait limit, and a margin. */
export const BUILD_CREDENTIAL_SECONDS = (BUILD_WAIT_LIMIT_MINUTES + 15) * 60;

/** Deployment phases after which nothing more happens. */
const ENDED_PHASES = ["ACTIVE", "ERROR", "CANCELED", "SUPERSEDED"];
const REPLACE_ON_CHANGE = ["hash", "imageRef", "bucket", "appRegion"] as const;

/** The defaults: `fetch`, the real clock, the environment's token. */
export function defaultDigitalOceanBuildRunDeps(): DigitalOceanBuildRunDeps {
    return {
        http: async (r) => {
            const response = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body });
            return { status: response.status, body: await response.text() };
        },
        envToken: () => process.env.DIGITALOCEAN_TOKEN ?? process.env.DIGITALOCEAN_ACCESS_TOKEN,
        ...realPollClock(BUILD_POLL_INTERVAL_SECONDS, BUILD_WAIT_LIMIT_MINUTES),
        uploadAttempts: 5,
        uploadRetryDelayMs: 3000,
        randomSuffix: () => crypto.randomBytes(3).toString("hex"),
    };
}

/** The Spaces object of the archive. */
export function contextObject(inputs: Pick<DigitalOceanBuildRunInputs, "bucket" | "spacesRegion" | "imageRef" | "hash">): S3Object {
    const repository =
        inputs.imageRef
            .replace(/:[^:/]*$/, "")
            .split("/")
            .pop() ?? "image";
    return { endpoint: `https://${inputs.bucket}.${inputs.spacesRegion}.digitaloceanspaces.com`, key: `${repository}/${inputs.hash}.tar.gz`, region: inputs.spacesRegion };
}

/** The lifecycle's `CNB_REGISTRY_AUTH` from Docker's `config.json`: `{"<registry>": "Basic <auth>"}`. */
export function cnbRegistryAuth(dockerConfig: string): string {
    const auths = (JSON.parse(dockerConfig) as { auths?: Record<string, { auth?: string }> }).auths ?? {};
    return JSON.stringify(Object.fromEntries(Object.entries(auths).map(([host, a]) => [host, `Basic ${a.auth ?? ""}`])));
}

/** The DigitalOcean API, as the provider uses it: JSON in, JSON out, errors named without the token. */
function api(deps: DigitalOceanBuildRunDeps, token: string, imageRef: string) {
    return async <T>(method: HttpRequest["method"], path: string, body?: unknown): Promise<T> => {
        const response = await deps.http({
            method,
            url: `${DIGITALOCEAN_API}${path}`,
            headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        if (response.status >= 300) {
            let message = response.body.slice(0, 500);
            try {
                message = (JSON.parse(response.body) as { message?: string }).message ?? message;
            } catch {
                // Not JSON: the text as it is.
            }
            throw new Error(`building ${imageRef}: DigitalOcean API ${method} ${path.split("?")[0]} answered ${response.status}: ${message}`);
        }
        return (response.body ? JSON.parse(response.body) : {}) as T;
    };
}

/** Uploads the archive, again while a new key is not yet accepted (403). */
async function upload(deps: DigitalOceanBuildRunDeps, object: S3Object, key: S3Key, body: Buffer, imageRef: string): Promise<void> {
    await attemptWithRetries(
        async () => {
            const headers = signedHeaders("PUT", object, key, body, new Date(deps.now()), "application/gzip");
            const response = await deps.http({ method: "PUT", url: objectUrl(object), headers, body });
            if (response.status < 300) return { ok: true, value: undefined };
            const bucket = new URL(object.endpoint).host.split(".")[0] ?? object.endpoint;
            return { ok: false, error: `building ${imageRef}: uploading the context to Spaces bucket ${bucket} answered ${response.status}`, retryable: response.status === 403 };
        },
        { retries: deps.uploadAttempts - 1, retryDelayMs: deps.uploadRetryDelayMs, sleep: deps.sleep },
    );
}

interface Deployment {
    id: string;
    phase?: string;
    progress?: { error_steps?: number; steps?: Array<{ name?: string; status?: string; reason?: { message?: string } }> };
}

/** The build job's log (deploy logs, else run logs); empty when there is none. */
async function jobLog(call: ReturnType<typeof api>, deps: DigitalOceanBuildRunDeps, appId: string, deploymentId: string): Promise<string> {
    for (const type of ["DEPLOY", "RUN"]) {
        try {
            const links = await call<{ historic_urls?: string[]; live_url?: string }>("GET", `/v2/apps/${appId}/deployments/${deploymentId}/components/${BUILD_JOB_NAME}/logs?type=${type}&follow=false`);
            const url = links.historic_urls?.[0] ?? links.live_url;
            if (!url) continue;
            const text = (await deps.http({ method: "GET", url })).body;
            if (text.trim()) return text;
        } catch {
            // Logs are a courtesy: the failure is reported without them.
        }
    }
    return "";
}

/** Runs the build, and removes the key, the upload and the App it created, whatever happens; the ID of the App. */
async function runBuild(inputs: DigitalOceanBuildRunInputs, deps: DigitalOceanBuildRunDeps): Promise<string> {
    const token = inputs.token ?? deps.envToken();
    if (!token) {
        throw new Error(`building ${inputs.imageRef}: no DigitalOcean API token (pulumi config set --secret digitalocean:token ..., or DIGITALOCEAN_TOKEN); or build on this machine with defang:doBuilder local`);
    }
    // What is left after a failed removal (a stopped App, a key) is named by its prefix `defang-build-` for removal by hand.
    return withCleanup((defer) => buildInTemporaryApp(inputs, deps, token, defer));
}

async function buildInTemporaryApp(inputs: DigitalOceanBuildRunInputs, deps: DigitalOceanBuildRunDeps, token: string, defer: DeferUndo): Promise<string> {
    const call = api(deps, token, inputs.imageRef);
    const secrets: string[] = [token, ...Object.values(inputs.args)];
    const { key } = await call<{ key: { access_key: string; secret_key: string } }>("POST", "/v2/spaces/keys", {
        name: `defang-build-${inputs.hash.slice(0, 12)}-${deps.randomSuffix()}`,
        grants: [{ bucket: inputs.bucket, permission: "readwrite" }],
    });
    const s3Key: S3Key = { accessKey: key.access_key, secretKey: key.secret_key };
    secrets.push(s3Key.secretKey);
    defer(() => call("DELETE", `/v2/spaces/keys/${encodeURIComponent(s3Key.accessKey)}`));

    const object = contextObject(inputs);
    await upload(deps, object, s3Key, tarGz(inputs.entries, new Set(inputs.executables)), inputs.imageRef);
    defer(() => deps.http({ method: "DELETE", url: objectUrl(object), headers: signedHeaders("DELETE", object, s3Key, Buffer.alloc(0), new Date(deps.now())) }));
    const contextUrl = presignedGetUrl(object, s3Key, BUILD_CREDENTIAL_SECONDS, new Date(deps.now()));
    secrets.push(contextUrl);

    const dockerConfig = JSON.stringify(await call<unknown>("GET", `/v2/registry/docker-credentials?read_write=true&expiry_seconds=${BUILD_CREDENTIAL_SECONDS}`));
    const registryCredential = inputs.builder === "dockerfile" ? dockerConfig : cnbRegistryAuth(dockerConfig);
    secrets.push(dockerConfig, registryCredential);

    const appName = `defang-build-${inputs.hash.slice(0, 10)}-${deps.randomSuffix()}`.slice(0, 32);
    const spec = buildJobAppSpec({
        appName,
        region: inputs.appRegion,
        builder: inputs.builder,
        dockerfile: inputs.dockerfile,
        context: inputs.context,
        ...(inputs.target ? { target: inputs.target } : {}),
        args: inputs.args,
        image: inputs.imageRef,
        cache: inputs.cacheRef,
        contextUrl,
        registryCredential,
    });
    const { app } = await call<{ app: { id: string } }>("POST", "/v2/apps", spec);
    defer(() => call("DELETE", `/v2/apps/${app.id}`));

    const deployment = await waitForOperation(
        async () => {
            const { deployments } = await call<{ deployments?: Deployment[] }>("GET", `/v2/apps/${app.id}/deployments?page=1&per_page=1`);
            const latest = deployments?.[0];
            return latest?.phase && ENDED_PHASES.includes(latest.phase) ? latest : undefined;
        },
        deps,
        { subject: `building ${inputs.imageRef}`, operation: `the build job of App ${appName}`, note: "the App is deleted, which stops it" },
    );
    if (deployment.phase === "ACTIVE") return app.id;
    const step = deployment.progress?.steps?.find((s) => s.status === "ERROR");
    const why = step ? ` at step ${step.name}${step.reason?.message ? `: ${step.reason.message}` : ""}` : "";
    const log = await jobLog(call, deps, app.id, deployment.id);
    throw new Error(
        describeOperationFailure(
            { subject: `building ${inputs.imageRef}`, operation: `the build job's deployment ${deployment.id}`, outcome: `ended ${deployment.phase}${why}${log.trim() ? "" : " (no log was kept)"}`, log },
            secrets,
        ),
    );
}

/** The provider, with `deps` (defaults: `fetch`, the real clock). */
export function makeDigitalOceanBuildRunProvider(deps: DigitalOceanBuildRunDeps = defaultDigitalOceanBuildRunDeps()): pulumi.dynamic.ResourceProvider<DigitalOceanBuildRunInputs, DigitalOceanBuildRunOutputs> {
    return runResourceProvider<DigitalOceanBuildRunInputs, { buildAppId: string }>({
        async run(inputs) {
            const buildAppId = await runBuild(inputs, deps);
            return { id: inputs.imageRef, result: { buildAppId } };
        },
        rerunOn: REPLACE_ON_CHANGE,
        // Only inputs that need no build differ (the token, the archive's file paths): keep the build.
        // The image stays in the registry (its garbage collection removes untagged layers).
        kept: (olds) => ({ buildAppId: olds.buildAppId }),
    });
}

/** The provider that `pulumi up` runs. */
export const digitalOceanBuildRunProvider = makeDigitalOceanBuildRunProvider();

/** The inputs of the run, each one an Input. */
export type DigitalOceanBuildRunArgs = RunResourceArgs<DigitalOceanBuildRunInputs>;

/** One build in a temporary App, run during `pulumi up`: its `imageRef` is known once the image has been pushed. */
export const DigitalOceanBuildRun = runResourceClass<DigitalOceanBuildRunInputs, { buildAppId: string }>(digitalOceanBuildRunProvider, ["buildAppId"]);
export type DigitalOceanBuildRun = InstanceType<typeof DigitalOceanBuildRun>;
