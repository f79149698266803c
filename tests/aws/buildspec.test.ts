/**
 * The CodeBuild buildspec, run for real by a POSIX shell (dash) with fake `aws` and `docker`
 * commands that record their arguments: registry login, execute bits restored, every value passed
 * to `docker build` intact whatever it holds, push, and no rebuild of a tag that exists.
 */
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { shellQuote } from "../../provider/src/build/shell-quote";
import { BUILDPACKS_BUILDER_IMAGE, PACK_IMAGE } from "../../provider/src/build/buildpacks";
import { buildspec, BuildspecOptions, CACHE_IMAGE_URI_VARIABLE, dockerBuildCommand, IMAGE_URI_VARIABLE } from "../../provider/src/clouds/aws/build/buildspec";
import { makeTree, removeTrees } from "../build/temp-tree";

const REGISTRY = "123456789012.dkr.ecr.us-west-2.amazonaws.com";
const IMAGE_URI = `${REGISTRY}/web-repository-1a2b3c:0123456789abcdef0123`;
const CACHE_IMAGE_URI = `${REGISTRY}/web-build-cache-4d5e6f:buildpacks-cache`;
const NASTY = 'it\'s a "test" $HOME `id` $(id) \\ * ; | & \n second line';

const OPTIONS: BuildspecOptions = {
    builder: "dockerfile",
    dockerfile: "context/docker files/Dockerfile",
    context: "context",
    executablesList: "executables",
    args: { VERSION: "1.0", GREETING: NASTY, EMPTY: "" },
    target: "prod stage",
    platform: "linux/arm64",
};

/**
 * A fake command that writes its arguments (NUL-separated) to the next numbered file of $CALLS, and
 * its stdin when it is `docker login`. The two sides of a pipe run at once: a lock numbers them apart.
 */
const FAKE = `#!/bin/sh
while ! mkdir "$CALLS.lock" 2>/dev/null; do sleep 0.01; done
n=$(ls "$CALLS" | grep -c '^[0-9]')
printf '%s\\0' "$(basename "$0")" "$@" > "$CALLS/$n"
rmdir "$CALLS.lock"
case "$(basename "$0") $1 $2" in
  "aws ecr get-login-password") echo secret-password ;;
  "aws ecr describe-images") exit "$DESCRIBE_EXIT" ;;
  "docker login "*) cat > "$CALLS/login-stdin" ;;
  "docker build "*) exit "$BUILD_EXIT" ;;
esac
exit 0
`;

interface Run {
    status: number | null;
    calls: string[][];
    stdout: string;
    loginStdin?: string;
    dir: string;
}

function commandsOf(spec: string): string[] {
    const doc = YAML.parse(spec) as { version: number; phases: Record<string, { commands: string[] }> };
    assert.equal(doc.version, 0.2);
    assert.deepEqual(Object.keys(doc.phases), ["pre_build", "build"]);
    return [...doc.phases.pre_build.commands, ...doc.phases.build.commands];
}

/** Runs the buildspec's commands in order, stopping at the first failure, as CodeBuild does. */
function runBuildspec(spec: string, env: { DESCRIBE_EXIT?: string; BUILD_EXIT?: string; noExecutables?: boolean } = {}): Run {
    const dir = makeTree({ "context/run.sh": { content: "#!/bin/sh\n", mode: 0o644 }, "context/-tricky": { content: "", mode: 0o644 }, "context/plain.txt": "", "calls/.keep": "" });
    if (!env.noExecutables) fs.writeFileSync(path.join(dir, "executables"), "run.sh\0-tricky\0");
    fs.rmSync(path.join(dir, "calls/.keep"));
    const bin = path.join(dir, "bin");
    fs.mkdirSync(bin);
    for (const name of ["aws", "docker"]) fs.writeFileSync(path.join(bin, name), FAKE, { mode: 0o755 });
    const script = commandsOf(spec).join("\n");
    const result = spawnSync("/bin/sh", ["-e", "-c", script], {
        cwd: dir,
        encoding: "utf8",
        env: {
            PATH: `${bin}:${process.env.PATH}`,
            CALLS: path.join(dir, "calls"),
            [IMAGE_URI_VARIABLE]: IMAGE_URI,
            [CACHE_IMAGE_URI_VARIABLE]: CACHE_IMAGE_URI,
            HOME: "/home/build",
            AWS_REGION: "us-west-2",
            CODEBUILD_SRC_DIR: dir,
            DESCRIBE_EXIT: env.DESCRIBE_EXIT ?? "254",
            BUILD_EXIT: env.BUILD_EXIT ?? "0",
        },
    });
    const callsDir = path.join(dir, "calls");
    const numbered = fs
        .readdirSync(callsDir)
        .filter((f) => /^\d+$/.test(f))
        .sort((a, b) => Number(a) - Number(b));
    const calls = numbered.map((f) => fs.readFileSync(path.join(callsDir, f), "utf8").split("\0").slice(0, -1));
    // The login pipe's two commands run at once, in either order.
    calls.splice(0, 2, ...calls.slice(0, 2).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    const stdinFile = path.join(callsDir, "login-stdin");
    return { status: result.status, calls, stdout: result.stdout, loginStdin: fs.existsSync(stdinFile) ? fs.readFileSync(stdinFile, "utf8") : undefined, dir };
}

describe("aws buildspec", () => {
    after(removeTrees);

    it("quotes any value as one literal shell word", () => {
        for (const value of [NASTY, "", "plain", "a b", "'", "''", "-x", "~", "*", "$(echo hi)", "日本語"]) {
            const out = spawnSync("/bin/sh", ["-c", `printf '%s' ${shellQuote(value)}`], { encoding: "utf8" });
            assert.equal(out.stdout, value);
        }
        assert.equal(shellQuote("linux/amd64"), "linux/amd64");
    });

    it("logs in to the registry, restores execute bits, builds with every option and pushes", () => {
        const run = runBuildspec(buildspec(OPTIONS));
        assert.equal(run.status, 0);
        const [password, login, describe, build, push, tagCache, pushCache] = run.calls;
        assert.deepEqual(password, ["aws", "ecr", "get-login-password", "--region", "us-west-2"]);
        assert.deepEqual(login, ["docker", "login", "--username", "AWS", "--password-stdin", REGISTRY]);
        assert.equal(run.loginStdin, "secret-password\n");
        assert.deepEqual(describe, ["aws", "ecr", "describe-images", "--repository-name", "web-repository-1a2b3c", "--image-ids", "imageTag=0123456789abcdef0123"]);
        assert.deepEqual(build, [
            "docker",
            "build",
            "--progress=plain",
            "--file",
            "context/docker files/Dockerfile",
            "--platform",
            "linux/arm64",
            "--cache-from",
            CACHE_IMAGE_URI,
            "--build-arg",
            "BUILDKIT_INLINE_CACHE=1",
            "--target",
            "prod stage",
            "--build-arg",
            "EMPTY=",
            "--build-arg",
            `GREETING=${NASTY}`,
            "--build-arg",
            "VERSION=1.0",
            "--tag",
            IMAGE_URI,
            "context",
        ]);
        assert.deepEqual(push, ["docker", "push", IMAGE_URI]);
        // The image, with its inline cache metadata, becomes the next build's cache.
        assert.deepEqual(tagCache, ["docker", "tag", IMAGE_URI, CACHE_IMAGE_URI]);
        assert.deepEqual(pushCache, ["docker", "push", CACHE_IMAGE_URI]);
        assert.equal(run.calls.length, 7);
        for (const f of ["run.sh", "-tricky"]) assert.ok(fs.statSync(path.join(run.dir, "context", f)).mode & 0o100, `${f} is executable`);
        assert.equal(fs.statSync(path.join(run.dir, "context", "plain.txt")).mode & 0o111, 0);
    });

    it("leaves out --target when there is none, and runs without a list of executables", () => {
        const run = runBuildspec(buildspec({ ...OPTIONS, target: undefined, args: {} }), { noExecutables: true });
        assert.equal(run.status, 0);
        assert.ok(!run.calls[3].includes("--target"));
        assert.deepEqual(
            run.calls[3].filter((w, i, all) => all[i - 1] === "--build-arg"),
            ["BUILDKIT_INLINE_CACHE=1"],
            "no argument of the service's",
        );
        assert.equal(fs.statSync(path.join(run.dir, "context", "run.sh")).mode & 0o111, 0);
    });

    it("with no Dockerfile, runs the pinned pack image with the pinned builder, publishing the image and its registry cache", () => {
        const run = runBuildspec(buildspec({ ...OPTIONS, builder: "buildpacks", dockerfile: "", target: undefined }));
        assert.equal(run.status, 0);
        const [, , , pack] = run.calls;
        assert.deepEqual(pack, [
            "docker",
            "run",
            "--rm",
            "--volume",
            "/var/run/docker.sock:/var/run/docker.sock",
            "--volume",
            `${run.dir}:/workspace`,
            "--volume",
            "/home/build/.docker:/docker-config:ro",
            "--env",
            "DOCKER_CONFIG=/docker-config",
            "--workdir",
            "/workspace",
            PACK_IMAGE,
            "build",
            IMAGE_URI,
            "--builder",
            BUILDPACKS_BUILDER_IMAGE,
            "--path",
            "context",
            "--platform",
            "linux/arm64",
            "--cache-image",
            CACHE_IMAGE_URI,
            "--publish",
            "--env",
            "EMPTY=",
            "--env",
            `GREETING=${NASTY}`,
            "--env",
            "VERSION=1.0",
        ]);
        // pack publishes: no docker push after it.
        assert.equal(run.calls.length, 4);
        assert.match(PACK_IMAGE, /^buildpacksio\/pack:\d+\.\d+\.\d+$/);
        assert.match(BUILDPACKS_BUILDER_IMAGE, /^paketobuildpacks\/builder-jammy-base:\d+\.\d+\.\d+$/);
    });

    it("does not build or push a tag that exists already", () => {
        const run = runBuildspec(buildspec(OPTIONS), { DESCRIBE_EXIT: "0" });
        assert.equal(run.status, 0);
        assert.deepEqual(
            run.calls.map((c) => `${c[0]} ${c[1]}`),
            ["aws ecr", "docker login", "aws ecr"],
        );
        assert.match(run.stdout, /exists already/);
    });

    it("fails, without pushing, when docker build fails", () => {
        const run = runBuildspec(buildspec(OPTIONS), { BUILD_EXIT: "1" });
        assert.notEqual(run.status, 0);
        assert.deepEqual(
            run.calls.map((c) => `${c[0]} ${c[1]}`),
            ["aws ecr", "docker login", "aws ecr", "docker build"],
        );
    });

    it("builds in the build phase (post_build would run even after a failed build)", () => {
        const doc = YAML.parse(buildspec(OPTIONS)) as { phases: Record<string, { commands: string[] }> };
        assert.ok(doc.phases.build.commands.some((c) => c.includes("docker push")));
        assert.equal(doc.phases.post_build, undefined);
        assert.ok(doc.phases.build.commands.some((c) => c.includes(dockerBuildCommand(OPTIONS))));
    });
});
