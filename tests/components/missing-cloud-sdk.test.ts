/**
 * The cloud SDKs are optional peer dependencies: a user installs only the cloud they deploy to.
 * Choosing a cloud whose SDK is missing fails before any resource, naming the `npm install`
 * command; `plan` says the same for that cloud and plans the others; `validate` needs no SDK.
 * The built code runs in child processes where some packages cannot be resolved (see
 * tests/support/hide-packages.ts), as if they were not installed.
 */
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { CLOUD_SDK_PACKAGES, cloudSdkInstallCommand } from "../../provider/src/clouds/sdk-packages";
import { CLOUD_NAMES } from "../../provider/src/model/types";
import { MAIN, ROOT, SHOWCASE } from "../cli/run-cli";

const HOOK = path.resolve(__dirname, "../support/hide-packages.js");
const PROGRAM = path.resolve(__dirname, "../support/missing-sdk-program.js");
const ALL_SDKS = CLOUD_NAMES.flatMap((c) => CLOUD_SDK_PACKAGES[c].map((p) => p.name));

/** Runs node with `args`, the packages `hidden` unresolvable in it and in its children. */
function runWithout(hidden: string[], args: string[]): { code: number | null; stdout: string; stderr: string } {
    const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_OPTIONS: `--require ${HOOK}`, DEFANG_TEST_HIDDEN_PACKAGES: hidden.join(",") };
    const r = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: "utf8" });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("cloud SDKs as optional peer dependencies", function () {
    it("package.json lists each cloud's packages as optional peers at the ranges the error names, and installs none of them", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as Record<string, Record<string, unknown>>;
        const ranges = Object.fromEntries(CLOUD_NAMES.flatMap((c) => CLOUD_SDK_PACKAGES[c].map((p) => [p.name, p.range])));
        assert.deepEqual(pkg.peerDependencies, ranges);
        assert.deepEqual(pkg.peerDependenciesMeta, Object.fromEntries(ALL_SDKS.map((n) => [n, { optional: true }])));
        for (const name of ALL_SDKS) {
            assert.equal(pkg.dependencies[name], undefined, `${name} is not a dependency`);
            assert.ok(pkg.devDependencies[name], `${name} is a devDependency, for the tests`);
        }
    });

    it("a component on a cloud whose SDK is missing fails naming the npm install command, and registers nothing", () => {
        const r = runWithout(["@pulumi/gcp"], [PROGRAM, "gcp"]);
        assert.equal(r.code, 0, r.stderr);
        const out = JSON.parse(r.stdout) as { error?: { name: string; message: string }; registered: string[] };
        assert.deepEqual(out.error, {
            name: "MissingCloudSdkError",
            message: "deploying to Google Cloud needs the package @pulumi/gcp, which is not installed: run `npm install @pulumi/gcp@^9.37.0` in your project",
        });
        assert.deepEqual(out.registered, []);
    });

    it("names every missing package of the cloud at once, and the command installs them all", () => {
        const r = runWithout(["@aws-sdk/client-codebuild", "@aws-sdk/client-ecs"], [PROGRAM, "aws"]);
        assert.equal(r.code, 0, r.stderr);
        const out = JSON.parse(r.stdout) as { error?: { message: string }; registered: string[] };
        assert.equal(
            out.error?.message,
            "deploying to AWS needs the packages @aws-sdk/client-codebuild, @aws-sdk/client-ecs, which are not installed: run " +
                "`npm install @pulumi/aws@^7.48.0 @aws-sdk/client-codebuild@^3.1142.0 @aws-sdk/client-ecs@^3.1142.0` in your project",
        );
        assert.deepEqual(out.registered, []);
        assert.equal(cloudSdkInstallCommand("digitalocean"), "npm install @pulumi/digitalocean@^4.80.1");
    });

    it("with only one cloud's SDK installed, a component on that cloud deploys (the hook hides only what it names)", () => {
        const r = runWithout(["@pulumi/gcp", "@pulumi/digitalocean"], [PROGRAM, "aws"]);
        assert.equal(r.code, 0, r.stderr);
        const out = JSON.parse(r.stdout) as { error?: unknown; registered: string[] };
        assert.equal(out.error, undefined);
        assert.ok(out.registered.includes("aws:ecs/service:Service"), out.registered.join(", "));
    });

    it("plan --provider all plans the installed cloud and says, for each other one, which npm install it needs", () => {
        const r = runWithout(["@pulumi/gcp", "@pulumi/digitalocean"], [MAIN, "plan", SHOWCASE, "--provider", "all", "--no-color"]);
        assert.match(r.stdout, /^AWS: \d+ resources, estimated/m, r.stdout + r.stderr);
        assert.match(r.stdout, /^Google Cloud: deploying to Google Cloud needs the package @pulumi\/gcp, which is not installed: run `npm install @pulumi\/gcp@\^9\.37\.0` in your project$/m);
        assert.match(r.stdout, /^DigitalOcean: deploying to DigitalOcean needs the package @pulumi\/digitalocean, which is not installed: run `npm install @pulumi\/digitalocean@\^4\.80\.1` in your project$/m);
    });

    it("validate needs no cloud SDK", () => {
        const r = runWithout(ALL_SDKS, [MAIN, "validate", "-f", SHOWCASE, "--provider", "all"]);
        assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
        assert.doesNotMatch(r.stdout + r.stderr, /not installed/);
    });
});
