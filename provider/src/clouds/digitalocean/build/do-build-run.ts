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
import { PollClock, pollUntilDone } from "../../../build/poll";
import { S3Key, S3Object, objectUrl, presignedGetUrl, signedHeaders } from "../../../build/s3-signature";
import { TarEntry, tarGz } from "../../../build/tar-archive";
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
/** The last characters of the job's log shown when the build fails. */
export const FAILURE_LOG_CHARS = 3000;

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
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        now: () => Date.now(),
        pollIntervalMs: BUILD_POLL_INTERVAL_SECONDS * 1000,
        maxWaitMs: BUILD_WAIT_LIMIT_MINUTES * 60_000,
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

/** `text` with every secret replaced, for errors and logs. */
function redact(text: string, secrets: readonly string[]): string {
    return secrets.filter((s) => s.length >= 8).reduce((t, s) => t.split(s).join("[secret]"), text);
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
    for (let attempt = 1; ; attempt++) {
        const headers = signedHeaders("PUT", object, key, body, new Date(deps.now()), "application/gzip");
        const response = await deps.http({ method: "PUT", url: objectUrl(object), headers, body });
        if (response.status < 300) return;
        if (response.status !== 403 || attempt >= deps.uploadAttempts) {
            throw new Error(`building ${imageRef}: uploading the context to Spaces bucket ${new URL(object.endpoint).host.split(".")[0]} answered ${response.status}`);
        }
        await deps.sleep(deps.uploadRetryDelayMs);
    }
}

interface Deployment {
    id: string;
    phase?: string;
    progress?: { error_steps?: number; steps?: Array<{ name?: string; status?: string; reason?: { message?: string } }> };
}

/** The end of the build job's logs (deploy logs, else run logs), redacted; empty when there is none. */
async function failureLogs(call: ReturnType<typeof api>, deps: DigitalOceanBuildRunDeps, appId: string, deploymentId: string, secrets: string[]): Promise<string> {
    for (const type of ["DEPLOY", "RUN"]) {
        try {
            const links = await call<{ historic_urls?: string[]; live_url?: string }>("GET", `/v2/apps/${appId}/deployments/${deploymentId}/components/${BUILD_JOB_NAME}/logs?type=${type}&follow=false`);
            const url = links.historic_urls?.[0] ?? links.live_url;
            if (!url) continue;
            const text = (await deps.http({ method: "GET", url })).body;
            if (text.trim()) return redact(text.slice(-FAILURE_LOG_CHARS), secrets);
        } catch {
            // Logs are a courtesy: the failure is reported without them.
        }
    }
    return "";
}

/** Runs the build and cleans up after it, whatever happens. */
async function runBuild(inputs: DigitalOceanBuildRunInputs, deps: DigitalOceanBuildRunDeps): Promise<string> {
    const token = inputs.token ?? deps.envToken();
    if (!token) {
        throw new Error(`building ${inputs.imageRef}: no DigitalOcean API token (pulumi config set --secret digitalocean:token ..., or DIGITALOCEAN_TOKEN); or build on this machine with defang:doBuilder local`);
    }
    const call = api(deps, token, inputs.imageRef);
    const cleanups: Array<() => Promise<unknown>> = [];
    const secrets: string[] = [token, ...Object.values(inputs.args)];
    try {
        const { key } = await call<{ key: { access_key: string; secret_key: string } }>("POST", "/v2/spaces/keys", {
            name: `defang-build-${inputs.hash.slice(0, 12)}-${deps.randomSuffix()}`,
            grants: [{ bucket: inputs.bucket, permission: "readwrite" }],
        });
        const s3Key: S3Key = { accessKey: key.access_key, secretKey: key.secret_key };
        secrets.push(s3Key.secretKey);
        cleanups.unshift(() => call("DELETE", `/v2/spaces/keys/${encodeURIComponent(s3Key.accessKey)}`));

        const object = contextObject(inputs);
        await upload(deps, object, s3Key, tarGz(inputs.entries, new Set(inputs.executables)), inputs.imageRef);
        cleanups.unshift(() => deps.http({ method: "DELETE", url: objectUrl(object), headers: signedHeaders("DELETE", object, s3Key, Buffer.alloc(0), new Date(deps.now())) }));
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
        cleanups.unshift(() => call("DELETE", `/v2/apps/${app.id}`));

        const deployment = await pollUntilDone(
            async () => {
                const { deployments } = await call<{ deployments?: Deployment[] }>("GET", `/v2/apps/${app.id}/deployments?page=1&per_page=1`);
                const latest = deployments?.[0];
                return latest?.phase && ENDED_PHASES.includes(latest.phase) ? latest : undefined;
            },
            deps,
            (minutes) => `building ${inputs.imageRef}: the build job of App ${appName} still running after ${minutes} minutes (the App is deleted, which stops it)`,
        );
        if (deployment.phase !== "ACTIVE") {
            const step = deployment.progress?.steps?.find((s) => s.status === "ERROR");
            const why = step ? ` at step ${step.name}${step.reason?.message ? `: ${step.reason.message}` : ""}` : "";
            const logs = await failureLogs(call, deps, app.id, deployment.id, secrets);
            throw new Error(
                redact(
                    `building ${inputs.imageRef} failed: the build job's deployment ${deployment.id} ended ${deployment.phase}${why}${logs ? `\n--- end of the build log ---\n${logs}` : " (no log was kept)"}`,
                    secrets,
                ),
            );
        }
        return app.id;
    } finally {
        for (const cleanup of cleanups) {
            try {
                await cleanup();
            } catch {
                // What is left (a stopped App, a key) is named by its prefix `defang-build-` for removal by hand.
            }
        }
    }
}

/** The provider, with `deps` (defaults: `fetch`, the real clock). */
export function makeDigitalOceanBuildRunProvider(deps: DigitalOceanBuildRunDeps = defaultDigitalOceanBuildRunDeps()): pulumi.dynamic.ResourceProvider<DigitalOceanBuildRunInputs, DigitalOceanBuildRunOutputs> {
    return {
        async create(inputs) {
            const buildAppId = await runBuild(inputs, deps);
            return { id: inputs.imageRef, outs: { ...inputs, buildAppId } };
        },
        async diff(_id, olds, news) {
            const replaces = REPLACE_ON_CHANGE.filter((k) => olds[k] !== news[k]);
            return { changes: replaces.length > 0, replaces, deleteBeforeReplace: false };
        },
        async update(_id, olds, news) {
            // Only inputs that need no build differ (the token, the archive's file paths): keep the build.
            return { outs: { ...news, buildAppId: olds.buildAppId } };
        },
        async delete() {
            // The image stays in the registry (its garbage collection removes untagged layers); nothing to undo.
        },
    };
}

/** The provider that `pulumi up` runs. */
export const digitalOceanBuildRunProvider = makeDigitalOceanBuildRunProvider();

export type DigitalOceanBuildRunArgs = { [K in keyof DigitalOceanBuildRunInputs]: pulumi.Input<DigitalOceanBuildRunInputs[K]> };

export class DigitalOceanBuildRun extends pulumi.dynamic.Resource {
    /** The pushed image, once the build has succeeded. */
    declare readonly imageRef: pulumi.Output<string>;
    declare readonly buildAppId: pulumi.Output<string>;

    constructor(name: string, args: DigitalOceanBuildRunArgs, opts?: pulumi.CustomResourceOptions) {
        super(digitalOceanBuildRunProvider, name, { ...args, buildAppId: undefined }, opts);
    }
}
