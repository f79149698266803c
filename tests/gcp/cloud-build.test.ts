/**
 * Builds on Cloud Build: the request body (one quoted step, `$` escaped for Cloud Build, the
 * builder account, logs in Cloud Logging) and the build run (start, poll, fail with the log link,
 * rebuild only on a new content hash), with fake HTTP and clock.
 */
import { strict as assert } from "assert";
import { BUILDPACKS_BUILDER_IMAGE, PACK_IMAGE } from "../../provider/src/build/buildpacks";
import { buildRequest, buildScript, BuildRequestOptions, escapeSubstitutions } from "../../provider/src/clouds/gcp/build/cloud-build-request";
import { buildImage } from "../../provider/src/clouds/gcp/build/build";
import { makeTree, removeTrees } from "../build/temp-tree";
import { GCP_TEST_CONFIG, gcpTestInfrastructure, TestComponent } from "../support/fake-gcp-infrastructure";
import { MockRecorder, useMocks, valueOf } from "../support/pulumi-mocks";
import { CloudBuildRunDeps, CloudBuildRunInputs, HttpResponse, makeCloudBuildRunProvider } from "../../provider/src/clouds/gcp/build/cloud-build-run";

const options: BuildRequestOptions = {
    builder: "dockerfile",
    bucket: "ctx-bucket",
    object: "api/abc.zip",
    image: "us-central1-docker.pkg.dev/p/images-1/api:0123abcd",
    serviceAccountEmail: "builder-1@p.iam.gserviceaccount.com",
    project: "p",
    dockerfile: "context/Dockerfile",
    context: "context",
    executablesList: "executables",
    args: { NODE_VERSION: "20", QUOTE: "it's $HOME" },
    target: "prod",
    platform: "linux/amd64",
    cacheImage: "us-central1-docker.pkg.dev/p/build-cache-1/api:dockerfile-cache",
};

describe("the Cloud Build request", function () {
    it("builds and pushes in one docker step, unless the tag exists, with every value quoted, from and to its layer cache", function () {
        const script = buildScript(options);
        assert.match(script, /docker manifest inspect "\$IMAGE"/);
        assert.ok(
            script.includes(
                `DOCKER_BUILDKIT=1 docker build --file context/Dockerfile --platform linux/amd64 --cache-from "$CACHE_IMAGE" --build-arg BUILDKIT_INLINE_CACHE=1 --target prod --build-arg NODE_VERSION=20 --build-arg 'QUOTE=it'\\''s $HOME' --tag "$IMAGE" context && docker push "$IMAGE" && docker tag "$IMAGE" "$CACHE_IMAGE" && docker push "$CACHE_IMAGE"`,
            ),
            script,
        );
        assert.match(script, /xargs -0 chmod \+x -- < \.\.\/executables/);
    });

    it("escapes every $ so that Cloud Build substitutes nothing, and names the image in the step's environment", function () {
        const body = buildRequest(options) as { steps: Array<{ args: string[]; env: string[]; name: string }>; serviceAccount: string; options: { logging: string }; source: unknown };
        assert.equal(body.steps.length, 1);
        assert.equal(body.steps[0].name, "gcr.io/cloud-builders/docker");
        assert.ok(!/(^|[^$])\$[A-Za-z{]/.test(body.steps[0].args[1].replace(/\$\$/g, "")), "no unescaped $");
        assert.equal(escapeSubstitutions("a $B $$"), "a $$B $$$$");
        assert.deepEqual(body.steps[0].env, ["IMAGE=us-central1-docker.pkg.dev/p/images-1/api:0123abcd", "CACHE_IMAGE=us-central1-docker.pkg.dev/p/build-cache-1/api:dockerfile-cache"]);
        assert.equal(body.serviceAccount, "projects/p/serviceAccounts/builder-1@p.iam.gserviceaccount.com");
        assert.equal(body.options.logging, "CLOUD_LOGGING_ONLY");
        assert.deepEqual(body.source, { storageSource: { bucket: "ctx-bucket", object: "api/abc.zip" } });
    });

    it("with no Dockerfile, runs the pinned pack image with the pinned builder, its cache image in the step's environment", function () {
        const cacheImage = "us-central1-docker.pkg.dev/p/build-cache-1/api:buildpacks-cache";
        const packOptions: BuildRequestOptions = { ...options, builder: "buildpacks", dockerfile: "", target: undefined, cacheImage };
        const script = buildScript(packOptions);
        assert.ok(
            script.includes(
                `else docker run --rm --volume /var/run/docker.sock:/var/run/docker.sock --volume "$PWD":/workspace --volume "$HOME/.docker":/docker-config:ro --env DOCKER_CONFIG=/docker-config --workdir /workspace ` +
                    `${PACK_IMAGE} build "$IMAGE" --builder ${BUILDPACKS_BUILDER_IMAGE} --path context --platform linux/amd64 --cache-image "$CACHE_IMAGE" --publish --env NODE_VERSION=20 --env 'QUOTE=it'\\''s $HOME'; fi`,
            ),
            script,
        );
        assert.ok(!script.includes("docker build") && !script.includes("docker push"), "pack publishes the image itself");
        assert.match(script, /docker manifest inspect "\$IMAGE"/);
        const body = buildRequest(packOptions) as { steps: Array<{ env: string[] }> };
        assert.deepEqual(body.steps[0].env, [`IMAGE=${options.image}`, `CACHE_IMAGE=${cacheImage}`]);
    });
});

function fakeDeps(statuses: string[]): { deps: CloudBuildRunDeps; calls: Array<{ method: string; url: string; auth: string }> } {
    const calls: Array<{ method: string; url: string; auth: string }> = [];
    let time = 0;
    const response = (body: unknown): HttpResponse => ({ ok: true, status: 200, json: async () => body, text: async () => JSON.stringify(body) });
    const deps: CloudBuildRunDeps = {
        token: async () => "tok",
        fetch: async (url, init) => {
            calls.push({ method: init.method, url, auth: init.headers.authorization });
            if (init.method === "POST") return response({ name: "operations/1", metadata: { build: { id: "b-1" } } });
            const status = statuses.shift() ?? "WORKING";
            return response({ id: "b-1", status, statusDetail: status === "FAILURE" ? "step 0 exited 1" : undefined, logUrl: "https://console/logs/b-1" });
        },
        sleep: async (ms) => void (time += ms),
        now: () => time,
        pollIntervalMs: 10_000,
        maxWaitMs: 60_000,
    };
    return { deps, calls };
}

const inputs: CloudBuildRunInputs = { project: "p", region: "us-central1", request: "{}", image: options.image, hash: "h1" };

describe("CloudBuildRun", function () {
    it("starts the build in the region and polls it until it succeeds", async function () {
        const { deps, calls } = fakeDeps(["QUEUED", "WORKING", "SUCCESS"]);
        const result = await makeCloudBuildRunProvider(deps).create(inputs);
        assert.equal(result.id, "b-1");
        assert.equal(calls[0].method, "POST");
        assert.equal(calls[0].url, "https://cloudbuild.googleapis.com/v1/projects/p/locations/us-central1/builds");
        assert.equal(calls[0].auth, "Bearer tok");
        assert.equal(calls.filter((c) => c.method === "GET").length, 3);
    });

    it("fails with the status, detail and log link", async function () {
        const { deps } = fakeDeps(["FAILURE"]);
        await assert.rejects(makeCloudBuildRunProvider(deps).create(inputs), /Cloud Build build b-1 ended FAILURE \(step 0 exited 1\); logs: https:\/\/console\/logs\/b-1/);
    });

    it("gives up waiting after the limit", async function () {
        const { deps } = fakeDeps([]);
        await assert.rejects(makeCloudBuildRunProvider(deps).create(inputs), /still running after 1 minutes/);
    });

    it("builds again only when the content hash or image changes", async function () {
        const provider = makeCloudBuildRunProvider(fakeDeps([]).deps);
        const olds = { ...inputs, buildId: "b-1" };
        assert.deepEqual((await provider.diff!("b-1", olds, { ...inputs, hash: "h2" })).replaces, ["hash"]);
        const same = await provider.diff!("b-1", olds, inputs);
        assert.equal(same.changes, false);
    });
});

describe("a Google Cloud build without a Dockerfile, under mocks", function () {
    let recorder: MockRecorder;
    before(async function () {
        recorder = await useMocks(GCP_TEST_CONFIG);
    });
    after(removeTrees);

    it("keeps the buildpacks cache in a mutable repository of its own that the builder may push to, and asks for pack", async function () {
        recorder.reset();
        const infra = gcpTestInfrastructure({ builds: true });
        const parent = new TestComponent("api");
        const context = makeTree({ "go.mod": "module example.com/api\n", "main.go": "package main\n" });
        const built = buildImage({ name: "api", service: "api", build: { context, dockerfile: "Dockerfile", args: {} }, parent, infra });
        await valueOf(built.image);
        await recorder.settle();
        const cache = recorder.one("gcp:artifactregistry/repository:Repository", "infra-build-cache").inputs;
        assert.deepEqual(cache.dockerConfig, { immutableTags: false });
        assert.deepEqual(recorder.one("gcp:artifactregistry/repository:Repository", "infra-images").inputs.dockerConfig, { immutableTags: true }, "image tags stay immutable");
        assert.equal(recorder.one("gcp:artifactregistry/repositoryIamMember:RepositoryIamMember", "infra-builder-cache").inputs.role, "roles/artifactregistry.writer");
        const run = recorder.one("pulumi-nodejs:dynamic:Resource", "api-image").inputs;
        assert.equal(run.builder, "buildpacks");
        const body = JSON.parse(run.request as string) as { steps: Array<{ args: string[]; env: string[] }> };
        assert.match(body.steps[0].args[1], new RegExp(`${PACK_IMAGE.replace(/[.]/g, "\\.")} build "\\$\\$IMAGE"`));
        assert.match(body.steps[0].env[1], /^CACHE_IMAGE=europe-west1-docker\.pkg\.dev\/my-project\/build-cache-[0-9a-f]+\/api:buildpacks-cache$/);
    });
});
