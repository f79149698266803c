/**
 * DigitalOcean's remote builder (`DigitalOceanBuildRun`) with a fake network: the requests it makes
 * (a bucket-scoped Spaces key, the signed upload of the context tar, a push credential that
 * expires, a temporary App with one pre-deploy job), that no credential is in plain text in the App
 * spec, the resource's outputs or its errors, the failure logs, the deadline, and the cleanup.
 */
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { BUILDPACKS_BUILDER_IMAGE } from "../../provider/src/build/buildpacks";
import { BUILD_JOB_SIZE, KANIKO_IMAGE } from "../../provider/src/clouds/digitalocean/build/build-job-spec";
import {
    BUILD_CREDENTIAL_SECONDS,
    DigitalOceanBuildRunDeps,
    DigitalOceanBuildRunInputs,
    HttpRequest,
    HttpResponse,
    digitalOceanBuildRunProvider,
    makeDigitalOceanBuildRunProvider,
} from "../../provider/src/clouds/digitalocean/build/do-build-run";
import { makeTree, removeTrees } from "../build/temp-tree";

const TOKEN = "dop_v1_token_value_123456";
const SPACES_SECRET = "spaces-secret-key-value-789";
const DOCR_AUTH = Buffer.from("docr-user-token:docr-user-token").toString("base64");
const DOCKER_CONFIG = { auths: { "registry.digitalocean.com": { auth: DOCR_AUTH } } };
const ARG_SECRET = "npm-token-secret-value";

interface FakeOptions {
    phases?: string[];
    uploadStatuses?: number[];
    log?: string;
    now?: () => number;
}

/** A fake DigitalOcean: records every request, answers each path as the real API does. */
function fakeDigitalOcean(o: FakeOptions = {}) {
    const requests: HttpRequest[] = [];
    const phases = [...(o.phases ?? ["PENDING_DEPLOY", "DEPLOYING", "ACTIVE"])];
    const uploads = [...(o.uploadStatuses ?? [200])];
    let clock = 0;
    const sleeps: number[] = [];
    const json = (status: number, body: unknown): HttpResponse => ({ status, body: JSON.stringify(body) });
    const deps: DigitalOceanBuildRunDeps = {
        async http(r) {
            requests.push(r);
            const url = new URL(r.url);
            if (url.host.endsWith("digitaloceanspaces.com")) return { status: r.method === "PUT" ? (uploads.shift() ?? 200) : 204, body: "" };
            if (url.host === "logs.example") return { status: 200, body: o.log ?? "" };
            const route = `${r.method} ${url.pathname}`;
            if (route === "POST /v2/spaces/keys") return json(201, { key: { name: "k", access_key: "DO00ACCESSKEY", secret_key: SPACES_SECRET, grants: JSON.parse(String(r.body)).grants } });
            if (route === "GET /v2/registry/docker-credentials") return json(200, DOCKER_CONFIG);
            if (route === "POST /v2/apps") return json(200, { app: { id: "app-123" } });
            if (route === "GET /v2/apps/app-123/deployments") {
                const phase = phases.length > 1 ? phases.shift() : phases[0];
                return json(200, { deployments: [{ id: "dep-9", phase, progress: phase === "ERROR" ? { steps: [{ name: "build", status: "ERROR", reason: { message: "job exited with code 1" } }] } : {} }] });
            }
            if (route.startsWith("GET /v2/apps/app-123/deployments/dep-9/components/build/logs")) return json(200, { historic_urls: ["https://logs.example/dep-9"] });
            if (r.method === "DELETE") return { status: 204, body: "" };
            return json(404, { id: "not_found", message: `no route ${route}` });
        },
        envToken: () => TOKEN,
        now: o.now ?? (() => clock),
        sleep: async (ms) => {
            sleeps.push(ms);
            clock += ms;
        },
        pollIntervalMs: 10_000,
        maxWaitMs: 60_000,
        uploadAttempts: 3,
        uploadRetryDelayMs: 1000,
        randomSuffix: () => "abc123",
    };
    return { deps, requests, sleeps };
}

describe("DigitalOcean remote builder (build job in the account)", function () {
    let context: string;
    let inputs: DigitalOceanBuildRunInputs;

    before(function () {
        context = makeTree({ Dockerfile: "FROM node:22\nCOPY . .\n", "server.js": "console.log(1)\n", "run.sh": { content: "#!/bin/sh\n", mode: 0o755 } });
        inputs = {
            bucket: "shop-builds-1a2b",
            spacesRegion: "ams3",
            appRegion: "ams",
            entries: {
                "context/Dockerfile": { kind: "file", absolutePath: path.join(context, "Dockerfile") },
                "context/server.js": { kind: "file", absolutePath: path.join(context, "server.js") },
                "context/run.sh": { kind: "file", absolutePath: path.join(context, "run.sh") },
            },
            executables: ["context/run.sh"],
            builder: "dockerfile",
            dockerfile: "context/Dockerfile",
            context: "context",
            target: "prod",
            args: { NPM_TOKEN: ARG_SECRET, NODE_ENV: "production" },
            imageRef: "registry.digitalocean.com/team/shop-web:0123456789abcdef0123",
            cacheRef: "registry.digitalocean.com/team/shop-web",
            hash: "0123456789abcdef0123456789abcdef",
        };
    });
    after(removeTrees);

    it("uploads the context with a bucket-scoped key, runs one pre-deploy kaniko job with SECRET credentials, waits, and cleans up", async function () {
        const { deps, requests } = fakeDigitalOcean();
        const result = await makeDigitalOceanBuildRunProvider(deps).create(inputs);
        assert.equal(result.id, inputs.imageRef);
        assert.equal(result.outs?.buildAppId, "app-123");

        const summary = requests.map((r) => `${r.method} ${new URL(r.url).host === "api.digitalocean.com" ? new URL(r.url).pathname : new URL(r.url).host}`);
        assert.deepEqual(summary, [
            "POST /v2/spaces/keys",
            "PUT shop-builds-1a2b.ams3.digitaloceanspaces.com",
            "GET /v2/registry/docker-credentials",
            "POST /v2/apps",
            "GET /v2/apps/app-123/deployments",
            "GET /v2/apps/app-123/deployments",
            "GET /v2/apps/app-123/deployments",
            // Cleanup, the last made first: the App, the archive, the key.
            "DELETE /v2/apps/app-123",
            "DELETE shop-builds-1a2b.ams3.digitaloceanspaces.com",
            "DELETE /v2/spaces/keys/DO00ACCESSKEY",
        ]);
        for (const r of requests.filter((q) => q.url.startsWith("https://api.digitalocean.com"))) assert.equal(r.headers?.Authorization, `Bearer ${TOKEN}`);

        assert.deepEqual(JSON.parse(String(requests[0].body)).grants, [{ bucket: "shop-builds-1a2b", permission: "readwrite" }], "the key reaches the build bucket only");
        const put = requests[1];
        assert.equal(put.url, "https://shop-builds-1a2b.ams3.digitaloceanspaces.com/shop-web/0123456789abcdef0123456789abcdef.tar.gz");
        assert.match(
            String(put.headers?.Authorization),
            /^AWS4-HMAC-SHA256 Credential=DO00ACCESSKEY\/\d{8}\/ams3\/s3\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
        );
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "do-untar-"));
        try {
            fs.writeFileSync(path.join(dir, "c.tar.gz"), put.body as Buffer);
            const untar = spawnSync("tar", ["-xzf", "c.tar.gz"], { cwd: dir, encoding: "utf8" });
            assert.equal(untar.status, 0, untar.stderr);
            assert.equal(fs.readFileSync(path.join(dir, "context/server.js"), "utf8"), "console.log(1)\n");
            assert.equal(fs.statSync(path.join(dir, "context/run.sh")).mode & 0o111, 0o111, "the execute bit travels in the tar");
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }

        assert.equal(new URL(requests[2].url).search, `?read_write=true&expiry_seconds=${BUILD_CREDENTIAL_SECONDS}`, "a push credential that expires with the build");

        const spec = JSON.parse(String(requests[3].body)).spec;
        assert.equal(spec.region, "ams");
        assert.match(spec.name, /^defang-build-0123456789-abc123$/);
        assert.equal(spec.jobs.length, 1);
        const job = spec.jobs[0];
        assert.equal(job.kind, "PRE_DEPLOY");
        assert.deepEqual(job.image, KANIKO_IMAGE);
        assert.equal(job.instance_size_slug, BUILD_JOB_SIZE);
        const envs = Object.fromEntries(job.envs.map((e: { key: string; type: string; value: string }) => [e.key, e]));
        assert.equal(envs.DEFANG_CONTEXT_URL.type, "SECRET");
        assert.match(
            envs.DEFANG_CONTEXT_URL.value,
            /^https:\/\/shop-builds-1a2b\.ams3\.digitaloceanspaces\.com\/shop-web\/0123456789abcdef0123456789abcdef\.tar\.gz\?X-Amz-Algorithm=AWS4-HMAC-SHA256&.*X-Amz-Expires=3600&.*X-Amz-Signature=[0-9a-f]{64}$/,
        );
        assert.deepEqual([envs.DEFANG_DOCKER_CONFIG.type, JSON.parse(envs.DEFANG_DOCKER_CONFIG.value)], ["SECRET", DOCKER_CONFIG]);
        assert.deepEqual([envs.NPM_TOKEN.type, envs.NPM_TOKEN.value], ["SECRET", ARG_SECRET], "build arguments are SECRET values");
        assert.equal(envs.DEFANG_IMAGE.value, inputs.imageRef);
        assert.equal(envs.DEFANG_CACHE.value, "registry.digitalocean.com/team/shop-web");
        // The command names the values; no credential or argument value is written in it.
        for (const secret of [TOKEN, SPACES_SECRET, DOCR_AUTH, ARG_SECRET, "X-Amz-Signature"]) assert.ok(!job.run_command.includes(secret), `run_command holds ${secret}`);
        assert.match(job.run_command, /^\/busybox\/sh -c '/);
        for (const word of [
            '--destination="$DEFANG_IMAGE"',
            "--cache=true",
            '--cache-repo="$DEFANG_CACHE"',
            "--custom-platform=linux/amd64",
            "--target=prod",
            '--build-arg="NPM_TOKEN=$NPM_TOKEN"',
            "--dockerfile=/tmp/defang-build/src/context/Dockerfile",
        ]) {
            assert.ok(job.run_command.includes(word), `run_command lacks ${word}`);
        }
        // Nothing secret in what Pulumi keeps of the resource.
        const outs = JSON.stringify(result.outs);
        for (const secret of [TOKEN, SPACES_SECRET, DOCR_AUTH, "X-Amz-Signature"]) assert.ok(!outs.includes(secret), `outputs hold ${secret}`);
    });

    it("without a Dockerfile, runs the pinned buildpacks builder's lifecycle with the push credential as CNB_REGISTRY_AUTH", async function () {
        const { deps, requests } = fakeDigitalOcean();
        await makeDigitalOceanBuildRunProvider(deps).create({ ...inputs, builder: "buildpacks", dockerfile: "", target: undefined, cacheRef: "registry.digitalocean.com/team/shop-web:buildpacks-cache" });
        const job = JSON.parse(String(requests.find((r) => r.url.endsWith("/v2/apps"))!.body)).spec.jobs[0];
        const [name, tag] = BUILDPACKS_BUILDER_IMAGE.split(":");
        assert.deepEqual(job.image, { registry_type: "DOCKER_HUB", registry: name.split("/")[0], repository: name.split("/")[1], tag });
        const auth = job.envs.find((e: { key: string }) => e.key === "DEFANG_REGISTRY_AUTH");
        assert.deepEqual([auth.type, JSON.parse(auth.value)], ["SECRET", { "registry.digitalocean.com": `Basic ${DOCR_AUTH}` }]);
        assert.ok(!job.envs.some((e: { key: string }) => e.key === "DEFANG_DOCKER_CONFIG"));
        assert.match(job.run_command, /^\/bin\/bash -c '/);
        assert.ok(job.run_command.includes('/cnb/lifecycle/creator -app=/tmp/defang-build/src/context -layers=/tmp/defang-build/layers -platform=/tmp/defang-build/platform -cache-image="$DEFANG_CACHE" "$DEFANG_IMAGE"'));
        assert.ok(job.run_command.includes(`printf '\\''%s'\\'' "$NPM_TOKEN" > /tmp/defang-build/platform/env/NPM_TOKEN`), "build arguments reach the buildpacks as platform env files");
        assert.ok(!job.run_command.includes(ARG_SECRET));
    });

    it("on failure, reports the failed step and the end of the job's log, secrets redacted, and still cleans up", async function () {
        const log = `fetching https://shop-builds-1a2b.ams3.digitaloceanspaces.com/x?sig\nerror: npm ERR! 401 token ${ARG_SECRET}\nerror building image: exit status 1\n`;
        const { deps, requests } = fakeDigitalOcean({ phases: ["DEPLOYING", "ERROR"], log });
        await assert.rejects(makeDigitalOceanBuildRunProvider(deps).create(inputs), (e: Error) => {
            assert.match(
                e.message,
                /^building registry\.digitalocean\.com\/team\/shop-web:0123456789abcdef0123 failed: the build job's deployment dep-9 ended ERROR at step build: job exited with code 1\n--- end of the log ---\n/,
            );
            assert.match(e.message, /error building image: exit status 1/);
            assert.ok(!e.message.includes(ARG_SECRET), "a build argument's value is redacted");
            assert.ok(e.message.includes("[secret]"));
            return true;
        });
        const logs = requests.find((r) => r.url.includes("/logs?"));
        assert.equal(new URL(logs!.url).searchParams.get("type"), "DEPLOY");
        assert.deepEqual(requests.filter((r) => r.method === "DELETE").length, 3, "the App, the archive and the key are deleted");
    });

    it("retries the upload while a new Spaces key is not yet accepted", async function () {
        const { deps, requests, sleeps } = fakeDigitalOcean({ uploadStatuses: [403, 403, 200] });
        await makeDigitalOceanBuildRunProvider(deps).create(inputs);
        assert.equal(requests.filter((r) => r.method === "PUT").length, 3);
        assert.deepEqual(sleeps.slice(0, 2), [1000, 1000]);
    });

    it("gives up after its deadline and deletes the App, which stops the job", async function () {
        const { deps, requests } = fakeDigitalOcean({ phases: ["DEPLOYING"] });
        await assert.rejects(makeDigitalOceanBuildRunProvider(deps).create(inputs), /the build job of App defang-build-0123456789-abc123 still running after 1 minutes/);
        assert.ok(requests.some((r) => r.method === "DELETE" && r.url.endsWith("/v2/apps/app-123")));
    });

    it("says where the API token comes from when there is none, before any request", async function () {
        const { deps, requests } = fakeDigitalOcean();
        await assert.rejects(
            makeDigitalOceanBuildRunProvider({ ...deps, envToken: () => undefined }).create(inputs),
            /no DigitalOcean API token \(pulumi config set --secret digitalocean:token \.\.\., or DIGITALOCEAN_TOKEN\); or build on this machine with defang:doBuilder local/,
        );
        assert.equal(requests.length, 0);
    });

    it("names an API refusal with its status and message, never the token", async function () {
        const { deps } = fakeDigitalOcean();
        const refusing: DigitalOceanBuildRunDeps = { ...deps, http: async () => ({ status: 403, body: JSON.stringify({ id: "forbidden", message: "You are not authorized to perform this operation" }) }) };
        await assert.rejects(makeDigitalOceanBuildRunProvider(refusing).create(inputs), (e: Error) => {
            assert.equal(e.message, "building registry.digitalocean.com/team/shop-web:0123456789abcdef0123: DigitalOcean API POST /v2/spaces/keys answered 403: You are not authorized to perform this operation");
            return true;
        });
    });

    it("is replaced only when what it builds changes", async function () {
        const provider = makeDigitalOceanBuildRunProvider(fakeDigitalOcean().deps);
        assert.deepEqual(await provider.diff!("id", { ...inputs, buildAppId: "a" }, { ...inputs, token: "other" }), { changes: false, replaces: [], deleteBeforeReplace: false });
        assert.deepEqual(await provider.diff!("id", { ...inputs, buildAppId: "a" }, { ...inputs, hash: "ffff" }), { changes: true, replaces: ["hash"], deleteBeforeReplace: false });
    });

    it("runs from its serialized text in a process outside the project, as Pulumi's provider host does", async function () {
        const serialized = await pulumi.runtime.serializeFunction(() => digitalOceanBuildRunProvider, { allowSecrets: false });
        assert.ok(!/require\("\.\.?\//.test(serialized.text), "no relative require");
        const dir = makeTree({ "provider.js": serialized.text });
        const probe = `
            const provider = require(${JSON.stringify(path.join(dir, "provider.js"))}).handler();
            provider.diff("id", { hash: "a", imageRef: "i" }, { hash: "b", imageRef: "i" })
                .then((d) => process.stdout.write(JSON.stringify(d)));`;
        const out = spawnSync(process.execPath, ["-e", probe], { encoding: "utf8", cwd: os.tmpdir() });
        assert.equal(out.status, 0, out.stderr);
        assert.deepEqual(JSON.parse(out.stdout), { changes: true, replaces: ["hash"], deleteBeforeReplace: false });
    });
});
