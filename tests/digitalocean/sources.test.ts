/**
 * Where a service's code comes from on App Platform: registry images, git contexts, local builds
 * pushed to DOCR, and the docker command that pushes them.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { docrImageRef, repositoryName } from "../../provider/src/clouds/digitalocean/build/build";
import { dockerBuildArgv } from "../../provider/src/clouds/digitalocean/build/docker-push";
import { digitalOceanBuilder, localBuildRefusals, localDockerBuildsAsked, remoteBuilderMissing, remoteBuilderRefusals } from "../../provider/src/clouds/digitalocean/build/builder-option";
import { BUILDPACKS_BUILDER_IMAGE, PACK_IMAGE } from "../../provider/src/build/buildpacks";
import { ComponentModel } from "../../provider/src/model/types";
import { gitSource } from "../../provider/src/clouds/digitalocean/build/git-source";
import { appImage } from "../../provider/src/clouds/digitalocean/build/image-source";
import { prepareBuild } from "../../provider/src/build/build-context";
import { InvalidArgumentError } from "../../provider/src/model/errors";

/** A service built from `context` (a git URL when `git`), as the builder checks see it. */
const builtService = (name: string, context: string, git = false) =>
    ({
        kind: "service",
        name,
        build: { context, dockerfile: "Dockerfile", args: {} },
        features: git ? [{ feature: "remote-build-context", field: ["build", "context"], detail: context }] : [],
    }) as unknown as ComponentModel;

describe("App Platform image sources", function () {
    it("maps Docker Hub images, official and not, with the default tag", function () {
        assert.deepEqual(appImage("nginx"), { registryType: "DOCKER_HUB", registry: "library", repository: "nginx", tag: "latest" });
        assert.deepEqual(appImage("postgres:16"), { registryType: "DOCKER_HUB", registry: "library", repository: "postgres", tag: "16" });
        assert.deepEqual(appImage("docker.io/defangio/openai-access-gateway:latest"), { registryType: "DOCKER_HUB", registry: "defangio", repository: "openai-access-gateway", tag: "latest" });
    });

    it("maps GHCR and DOCR images, and digests", function () {
        assert.deepEqual(appImage("ghcr.io/berriai/litellm:main-stable"), { registryType: "GHCR", registry: "berriai", repository: "litellm", tag: "main-stable" });
        assert.deepEqual(appImage("registry.digitalocean.com/team/api@sha256:abc"), { registryType: "DOCR", repository: "api", digest: "sha256:abc" });
    });

    it("refuses other registries", function () {
        assert.throws(() => appImage("quay.io/org/img:1"), /Docker Hub, ghcr.io and registry.digitalocean.com only/);
    });
});

describe("git build contexts", function () {
    it("builds a branch and subdirectory of a public repository, the Dockerfile relative to the repository", function () {
        assert.deepEqual(gitSource("web", "https://github.com/org/repo.git#release:services/web", "Dockerfile.prod"), {
            repoCloneUrl: "https://github.com/org/repo.git",
            branch: "release",
            sourceDir: "services/web",
            dockerfilePath: "services/web/Dockerfile.prod",
        });
        assert.deepEqual(gitSource("web", "git@github.com:org/repo.git", "Dockerfile"), { repoCloneUrl: "https://github.com/org/repo.git", branch: "main", dockerfilePath: "Dockerfile" });
    });

    it("refuses what App Platform cannot clone", function () {
        assert.throws(
            () => gitSource("web", "ssh://host/repo.git", "Dockerfile"),
            (e: Error) => e instanceof InvalidArgumentError && /build\.context/.test(e.message),
        );
    });
});

describe("local builds pushed to DOCR", function () {
    it("names the repository after the project and component, and tags the image with the content hash", function () {
        assert.equal(repositoryName("shop", "shop-api"), "shop-api");
        assert.equal(repositoryName("shop", "api"), "shop-api");
        assert.equal(docrImageRef("team", "shop-api", "abc"), "registry.digitalocean.com/team/shop-api:abc");
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "do-build-"));
        try {
            fs.writeFileSync(path.join(dir, "Dockerfile"), "FROM scratch\n");
            const build = { context: dir, dockerfile: "Dockerfile", args: {} };
            const a = prepareBuild(build, "x86_64");
            assert.equal(prepareBuild(build, "x86_64").tag, a.tag, "an unchanged context keeps its tag");
            fs.writeFileSync(path.join(dir, "app.js"), "1\n");
            assert.notEqual(prepareBuild(build, "x86_64").tag, a.tag, "a changed context gets a new tag");
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("builds for linux/amd64 with the build args in a stable order, then the target and the context", function () {
        const argv = dockerBuildArgv({
            builder: "dockerfile",
            imageRef: "registry.digitalocean.com/t/r:1",
            context: "/src",
            dockerfile: "/src/Dockerfile",
            args: { B: "2", A: "1" },
            target: "prod",
            platform: "linux/amd64",
            hash: "h",
        });
        assert.deepEqual(argv, ["build", "--platform", "linux/amd64", "--file", "/src/Dockerfile", "--tag", "registry.digitalocean.com/t/r:1", "--build-arg", "A=1", "--build-arg", "B=2", "--target", "prod", "/src"]);
    });

    it("without a Dockerfile, runs the pinned pack image on the context, publishing to DOCR with its cache tag", function () {
        const argv = dockerBuildArgv({
            builder: "buildpacks",
            imageRef: "registry.digitalocean.com/t/r:1",
            cacheImageRef: "registry.digitalocean.com/t/r:buildpacks-cache",
            dockerConfigDir: "/home/me/.docker",
            context: "/src",
            dockerfile: "/src/Dockerfile",
            args: { B: "2" },
            platform: "linux/amd64",
            hash: "h",
        });
        assert.deepEqual(argv, [
            "run",
            "--rm",
            "--volume",
            "/var/run/docker.sock:/var/run/docker.sock",
            "--volume",
            "/src:/workspace",
            "--volume",
            "/home/me/.docker:/docker-config:ro",
            "--env",
            "DOCKER_CONFIG=/docker-config",
            "--workdir",
            "/workspace",
            PACK_IMAGE,
            "build",
            "registry.digitalocean.com/t/r:1",
            "--builder",
            BUILDPACKS_BUILDER_IMAGE,
            "--path",
            ".",
            "--platform",
            "linux/amd64",
            "--cache-image",
            "registry.digitalocean.com/t/r:buildpacks-cache",
            "--publish",
            "--env",
            "B=2",
        ]);
    });

    it("refuses a local build context for the remote builder when the stack lacks its API token or Spaces keys, naming each; a git context needs none", function () {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "do-builder-"));
        try {
            fs.writeFileSync(path.join(dir, "Dockerfile"), "FROM scratch\n");
            const components = [builtService("api", dir), builtService("web", "https://github.com/you/repo.git", true)];
            assert.deepEqual(remoteBuilderMissing({ token: true, spacesAccessId: true, spacesSecretKey: true }), []);
            assert.deepEqual(remoteBuilderRefusals(components, []), []);
            const missing = remoteBuilderMissing({ token: true, spacesAccessId: false, spacesSecretKey: false });
            assert.deepEqual(missing, ["a Spaces access key id (digitalocean:spacesAccessId, or SPACES_ACCESS_KEY_ID)", "a Spaces secret key (digitalocean:spacesSecretKey, or SPACES_SECRET_ACCESS_KEY)"]);
            const refused = remoteBuilderRefusals(components, missing);
            assert.deepEqual(
                refused.map((r) => `${r.service} ${r.field}`),
                ["api build.context"],
            );
            assert.match(
                refused[0].message,
                /built in your account \(defang:doBuilder remote, the default\), which needs a Spaces access key id \(digitalocean:spacesAccessId, or SPACES_ACCESS_KEY_ID\), a Spaces secret key/,
            );
            assert.match(refused[0].hint, /pulumi config set defang:doBuilder local/);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("refuses a local build context when defang:doBuilder is none (remote is the default); a git context is App Platform's", function () {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "do-builder-"));
        try {
            fs.writeFileSync(path.join(dir, "Dockerfile"), "FROM scratch\n");
            const components = [builtService("api", dir), builtService("web", "https://github.com/you/repo.git", true)];
            const refused = localBuildRefusals(components, false);
            assert.deepEqual(
                refused.map((r) => `${r.service} ${r.field}`),
                ["api build.context"],
            );
            assert.match(
                refused[0].hint,
                /^run `pulumi config set defang:doBuilder remote` \(or set DEFANG_DO_BUILDER=remote\) to build it in your account, or local to build with this machine's Docker, or use a git context/,
            );
            assert.deepEqual(localBuildRefusals(components, true), []);
            assert.equal(localDockerBuildsAsked("local", {}), true);
            assert.equal(localDockerBuildsAsked(undefined, {}), true, "remote is the default");
            assert.equal(localDockerBuildsAsked("remote", {}), true);
            assert.equal(localDockerBuildsAsked(undefined, { DEFANG_DO_BUILDER: "none" }), false);
            assert.equal(localDockerBuildsAsked("local", { DEFANG_DO_BUILDER: "none" }), true, "the stack config wins");
            assert.equal(localDockerBuildsAsked("none", { DEFANG_DO_BUILDER: "local" }), false, "the stack config wins");
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("builds in the account unless defang:doBuilder (else DEFANG_DO_BUILDER) says local or none, and names an unknown builder", function () {
        assert.equal(digitalOceanBuilder(undefined, {}), "remote");
        assert.equal(digitalOceanBuilder("", {}), "remote");
        assert.equal(digitalOceanBuilder(undefined, { DEFANG_DO_BUILDER: "local" }), "local");
        assert.equal(digitalOceanBuilder("remote", { DEFANG_DO_BUILDER: "local" }), "remote", "the stack config wins");
        assert.equal(digitalOceanBuilder("none", {}), "none");
        assert.throws(
            () => digitalOceanBuilder("docker", {}),
            (e: Error) =>
                e instanceof InvalidArgumentError && e.message === 'defang: argument `doBuilder` is "docker"; use remote, local, none (remote, the default, builds in your account; local with this machine\'s Docker)',
        );
    });
});
