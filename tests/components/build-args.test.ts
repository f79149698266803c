/**
 * Build arguments read from config (`${KEY}` with no value when the file is read), on each cloud
 * under mocks: the value goes to the cloud's secret store and reaches the builder from there, the
 * builder may read exactly those secrets, the build commands name the argument and never hold its
 * value, and no registered input or output holds it outside a Pulumi secret.
 */
import { strict as assert } from "assert";
import { DefangProject } from "../../provider/src/components/defang-project";
import { MockRecorder, Registration, unwrapSecrets, useMocks, isSecretValue, DO_BUILDER_CONFIG } from "../support/pulumi-mocks";
import { PACK_IMAGE } from "../../provider/src/build/buildpacks";
import { buildspec } from "../../provider/src/clouds/aws/build/buildspec";
import { buildRequest, BuildRequestOptions } from "../../provider/src/clouds/gcp/build/cloud-build-request";
import { dockerBuildArgv } from "../../provider/src/clouds/digitalocean/build/docker-push";
import { BUILD_ARGS, BUILD_ARGS_CONFIG, BUILD_ARGS_SECRETS } from "../support/fixture-projects";

const SECRET_VALUES = Object.values(BUILD_ARGS_CONFIG);
const GCP = { "defang:provider": "gcp", "gcp:project": "shop-project", "gcp:region": "us-central1" };
const DYNAMIC = "pulumi-nodejs:dynamic:Resource";

/** Every string under `v` outside a secret wrapper, with where it is. */
function plainStrings(v: unknown, where: string, out: Array<[string, string]> = []): Array<[string, string]> {
    if (isSecretValue(v)) return out;
    if (typeof v === "string") out.push([where, v]);
    else if (Array.isArray(v)) v.forEach((x, i) => plainStrings(x, `${where}[${i}]`, out));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) plainStrings(x, `${where}.${k}`, out);
    return out;
}

function leaks(registrations: Registration[]): string[] {
    return registrations.flatMap((r) =>
        plainStrings(r.inputs, `${r.type} ${r.name}`)
            .filter(([, s]) => SECRET_VALUES.some((v) => s.includes(v)))
            .map(([w]) => w),
    );
}

async function deploy(config: Record<string, string>, values = BUILD_ARGS_CONFIG): Promise<{ recorder: MockRecorder; registrations: Registration[] }> {
    const recorder = await useMocks({ ...values, ...config }, BUILD_ARGS_SECRETS, "shop");
    new DefangProject("shop", { composeFile: BUILD_ARGS }, recorder.opts());
    const registrations = [...(await recorder.settle())];
    return { recorder, registrations };
}

describe("build arguments read from config on AWS (CodeBuild, SSM Parameter Store)", function () {
    this.timeout(30000);
    let recorder: MockRecorder;
    let registrations: Registration[];

    before(async function () {
        ({ recorder, registrations } = await deploy({ "defang:provider": "aws" }));
    });

    it("stores each value as a SecureString parameter named for the service and the argument", function () {
        const params = recorder.ofType("aws:ssm/parameter:Parameter").filter((p) => /-build-arg-/.test(p.name));
        assert.deepEqual(params.map((p) => p.name).sort(), ["shop-web-build-arg-NPM_TOKEN", "shop-web-build-arg-REGISTRY_URL"]);
        const token = params.find((p) => p.name.endsWith("NPM_TOKEN"))!;
        assert.equal(token.inputs.type, "SecureString");
        assert.equal(token.inputs.name, "/defang/build-args/stack/build-args/web/NPM_TOKEN");
        assert.ok(isSecretValue(token.inputs.value), "the parameter's value is a Pulumi secret");
        assert.equal(unwrapSecrets(token.inputs.value), BUILD_ARGS_CONFIG.NPM_TOKEN);
        const url = params.find((p) => p.name.endsWith("REGISTRY_URL"))!;
        assert.equal(unwrapSecrets(url.inputs.value), `https://${BUILD_ARGS_CONFIG.REGISTRY_USER}@npm.example.com/`);
    });

    it("gives them to the build as PARAMETER_STORE variables, and names them only in the buildspec", function () {
        const project = recorder.one("aws:codebuild/project:Project", "shop-web-build");
        const env = (project.inputs.environment as { environmentVariables: Array<{ name: string; value: string; type: string }> }).environmentVariables;
        assert.deepEqual(
            env.filter((v) => v.type === "PARAMETER_STORE"),
            [
                { name: "NPM_TOKEN", value: "/defang/build-args/stack/build-args/web/NPM_TOKEN", type: "PARAMETER_STORE" },
                { name: "REGISTRY_URL", value: "/defang/build-args/stack/build-args/web/REGISTRY_URL", type: "PARAMETER_STORE" },
            ],
        );
        const buildspec = (project.inputs.source as { buildspec: string }).buildspec;
        assert.match(buildspec, /--build-arg '?NODE_VERSION=22'? --build-arg NPM_TOKEN --build-arg REGISTRY_URL --tag/);
    });

    it("lets the build role read exactly those parameters, and no KMS key", function () {
        const policy = JSON.parse(unwrapSecrets(recorder.one("aws:iam/rolePolicy:RolePolicy", "shop-web-build-role-policy").inputs.policy) as string) as {
            Statement: Array<{ Sid: string; Action: string[]; Resource: string[] }>;
        };
        const read = policy.Statement.filter((s) => JSON.stringify(s.Action).includes("ssm:"));
        assert.equal(read.length, 1);
        assert.deepEqual(read[0].Action, ["ssm:GetParameters"]);
        assert.equal(read[0].Resource.length, 2);
        for (const arn of read[0].Resource) assert.match(arn, /^arn:aws:ssm:.*build-args\/web\/(NPM_TOKEN|REGISTRY_URL)$|shop-web-build-arg-(NPM_TOKEN|REGISTRY_URL)/);
        assert.ok(!JSON.stringify(policy).includes("kms:"));
    });

    it("registers no value outside a Pulumi secret", function () {
        assert.deepEqual(leaks(registrations), []);
    });

    it("tags the image with a hash that follows the values, and is not secret", async function () {
        const tagOf = (rs: Registration[]) => {
            const run = rs.find((r) => r.type === DYNAMIC && r.name === "shop-web-image")!;
            assert.ok(!isSecretValue(run.inputs.imageUri), "the image's name stays readable");
            return String(run.inputs.hash);
        };
        const first = tagOf(registrations);
        const same = tagOf((await deploy({ "defang:provider": "aws" })).registrations);
        const changed = tagOf((await deploy({ "defang:provider": "aws" }, { ...BUILD_ARGS_CONFIG, NPM_TOKEN: "another-token-9876543210" })).registrations);
        assert.match(first, /^[0-9a-f]{64}$/);
        assert.equal(same, first);
        assert.notEqual(changed, first);
    });
});

describe("build arguments read from config on Google Cloud (Cloud Build, Secret Manager)", function () {
    this.timeout(30000);
    let recorder: MockRecorder;
    let registrations: Registration[];

    before(async function () {
        ({ recorder, registrations } = await deploy(GCP));
    });

    it("stores each value in a secret that only the builder's account may read", function () {
        const secrets = recorder.ofType("gcp:secretmanager/secret:Secret").filter((s) => /-build-arg-/.test(s.name));
        assert.deepEqual(secrets.map((s) => s.name).sort(), ["shop-web-build-arg-NPM_TOKEN", "shop-web-build-arg-REGISTRY_URL"]);
        const version = recorder.one("gcp:secretmanager/secretVersion:SecretVersion", "shop-web-build-arg-NPM_TOKEN-value");
        assert.ok(isSecretValue(version.inputs.secretData));
        assert.equal(unwrapSecrets(version.inputs.secretData), BUILD_ARGS_CONFIG.NPM_TOKEN);
        const readers = recorder.ofType("gcp:secretmanager/secretIamMember:SecretIamMember").filter((m) => /-build-arg-/.test(m.name));
        assert.equal(readers.length, 2);
        const builder = recorder.ofType("gcp:serviceaccount/account:Account").find((a) => a.name.endsWith("-builder"))!;
        for (const m of readers) {
            assert.equal(m.inputs.role, "roles/secretmanager.secretAccessor");
            assert.match(String(m.inputs.member), new RegExp(`^serviceAccount:${builder.inputs.accountId}@`));
        }
    });

    it("hands the secrets to the build step as secretEnv, named only in its script", function () {
        const run = recorder.one(DYNAMIC, "shop-web-image");
        const request = JSON.parse(unwrapSecrets(run.inputs.request) as string) as {
            availableSecrets: { secretManager: Array<{ versionName: string; env: string }> };
            steps: Array<{ args: string[]; secretEnv: string[]; env: string[] }>;
        };
        assert.deepEqual(
            request.availableSecrets.secretManager.map((s) => s.env),
            ["NPM_TOKEN", "REGISTRY_URL"],
        );
        for (const s of request.availableSecrets.secretManager) assert.match(s.versionName, /^projects\/shop-project\/secrets\/[^/]+\/versions\/[^/]+$/);
        assert.deepEqual(request.steps[0].secretEnv, ["NPM_TOKEN", "REGISTRY_URL"]);
        assert.match(request.steps[0].args[1], /--build-arg '?NODE_VERSION=22'? --build-arg NPM_TOKEN --build-arg REGISTRY_URL --tag/);
    });

    it("registers no value outside a Pulumi secret", function () {
        assert.deepEqual(leaks(registrations), []);
    });
});

describe("build arguments read from config on DigitalOcean (build job in the account)", function () {
    this.timeout(30000);
    let recorder: MockRecorder;
    let registrations: Registration[];

    before(async function () {
        ({ recorder, registrations } = await deploy({ "defang:provider": "digitalocean", ...DO_BUILDER_CONFIG }));
    });

    it("gives the build job every argument, the ones from config included, as a secret", function () {
        const run = recorder.one(DYNAMIC, "shop-web-image");
        assert.ok(isSecretValue(run.inputs.args));
        assert.deepEqual(unwrapSecrets(run.inputs.args), { NODE_VERSION: "22", NPM_TOKEN: BUILD_ARGS_CONFIG.NPM_TOKEN, REGISTRY_URL: `https://${BUILD_ARGS_CONFIG.REGISTRY_USER}@npm.example.com/` });
    });

    it("registers no value outside a Pulumi secret", function () {
        assert.deepEqual(leaks(registrations), []);
    });
});

describe("a build argument whose config key is not set", function () {
    this.timeout(30000);
    for (const provider of ["aws", "gcp", "digitalocean"]) {
        it(`on ${provider}: is named, with the command that sets it, and nothing is registered`, async function () {
            const recorder = await useMocks(
                { NPM_TOKEN: "npm-token-secret-0123456789", ...(provider === "gcp" ? GCP : provider === "digitalocean" ? { "defang:provider": provider, ...DO_BUILDER_CONFIG } : { "defang:provider": provider }) },
                ["NPM_TOKEN"],
                "shop",
            );
            assert.throws(() => new DefangProject("shop", { composeFile: BUILD_ARGS }, recorder.opts()), {
                name: "MissingConfigError",
                message: /^sensitive config value is not set; nothing was created\. Set it with:\n {2}pulumi config set --secret REGISTRY_USER <value> {3}# used by "web"$/,
            });
            assert.deepEqual(await recorder.settle(), []);
        });
    }
});

describe("build commands with arguments read from config (pure)", function () {
    const archived = { dockerfile: "context/Dockerfile", context: "context", executablesList: "executables", args: { NODE_VERSION: "22" }, configArgs: ["NPM_TOKEN"], platform: "linux/amd64" };

    it("pack passes them by name into its container and on to the buildpacks, on AWS", function () {
        const spec = buildspec({ ...archived, builder: "buildpacks", dockerfile: "" });
        const pack = spec.slice(spec.indexOf("docker run"));
        // `docker run --env NPM_TOKEN` before pack's image, `pack build --env NPM_TOKEN` after it.
        assert.ok(pack.indexOf("--env NPM_TOKEN") < pack.indexOf(PACK_IMAGE));
        assert.ok(pack.lastIndexOf("--env NPM_TOKEN") > pack.indexOf(PACK_IMAGE));
        assert.doesNotMatch(pack, /NPM_TOKEN=/);
    });

    it("Cloud Build reads them from the versions given, and refuses to make a request without one", function () {
        const options: BuildRequestOptions = {
            ...archived,
            builder: "buildpacks",
            dockerfile: "",
            bucket: "b",
            object: "o",
            image: "img:1",
            cacheImage: "img:cache",
            serviceAccountEmail: "builder@p.iam.gserviceaccount.com",
            project: "p",
        };
        const request = buildRequest({ ...options, secretVersions: { NPM_TOKEN: "projects/p/secrets/s/versions/3" } }) as { availableSecrets: unknown; steps: Array<{ secretEnv: string[]; args: string[] }> };
        assert.deepEqual(request.availableSecrets, { secretManager: [{ versionName: "projects/p/secrets/s/versions/3", env: "NPM_TOKEN" }] });
        assert.deepEqual(request.steps[0].secretEnv, ["NPM_TOKEN"]);
        assert.match(request.steps[0].args[1], /--env NPM_TOKEN/);
        assert.throws(() => buildRequest(options), { message: "the build of img:1 reads NPM_TOKEN from config, and no secret version holds it" });
        // Without arguments from config, the request has neither.
        const plain = buildRequest({ ...options, configArgs: [] }) as Record<string, unknown> & { steps: Array<Record<string, unknown>> };
        assert.ok(!("availableSecrets" in plain) && !("secretEnv" in plain.steps[0]));
    });

    it("the local Docker of DigitalOcean's local builder gets them in its environment, named only on its command line", function () {
        const argv = dockerBuildArgv({
            builder: "dockerfile",
            imageRef: "registry.digitalocean.com/r/web:1",
            context: "/src",
            dockerfile: "/src/Dockerfile",
            args: { NODE_VERSION: "22" },
            secretArgs: { NPM_TOKEN: "npm-token-secret" },
            platform: "linux/amd64",
            hash: "h",
        });
        assert.deepEqual(argv.slice(argv.indexOf("--build-arg")), ["--build-arg", "NODE_VERSION=22", "--build-arg", "NPM_TOKEN", "/src"]);
    });
});
