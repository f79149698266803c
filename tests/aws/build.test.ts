/**
 * Building a service from source on AWS, under mocks: the repository and its lifecycle, the context
 * upload (keyed by the content hash, without ignored files), the CodeBuild role (scoped to this
 * service's contexts, repository and log group), the project (image per architecture, privileged,
 * buildspec with the Dockerfile, target, quoted arguments and platform) and the build run, all
 * children of the service; the same source gives the same tag.
 */
import { strict as assert } from "assert";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as YAML from "yaml";
import { BuildContextError } from "../../provider/src/build/context-files";
import { IMAGE_TAG_HEX_LENGTH } from "../../provider/src/build/content-hash";
import { buildImage, BuildRequest, safeServiceName } from "../../provider/src/clouds/aws/build/build";
import { BUILD_TIMEOUT_MINUTES, QUEUED_TIMEOUT_MINUTES } from "../../provider/src/clouds/aws/build/build-project";
import { CodeBuildRun } from "../../provider/src/clouds/aws/build/codebuild-run";
import { WILDCARD_RESOURCE_ACTIONS } from "../../provider/src/clouds/aws/iam/iam-wildcards";
import { BuildModel } from "../../provider/src/model/types";
import { fakeAwsInfrastructure } from "../support/fake-aws-infrastructure";
import { MockRecorder, Registration, useMocks, valueOf } from "../support/pulumi-mocks";
import { makeTree, removeTrees, Tree } from "../build/temp-tree";

const REPOSITORY_URL = "123456789012.dkr.ecr.us-west-2.amazonaws.com/web-repository";
const DYNAMIC = "pulumi-nodejs:dynamic:Resource";

const TREE: Tree = {
    Dockerfile: "FROM node:20 AS prod\nCOPY . .\n",
    ".dockerignore": "*.log\nsecret.env\nnode_modules\n",
    "src/index.js": "console.log('hi')\n",
    "run.sh": { content: "#!/bin/sh\n", mode: 0o755 },
    "debug.log": "noise",
    "secret.env": "TOKEN=hunter2",
    "node_modules/dep/index.js": "dep",
};

class ServiceComponent extends pulumi.ComponentResource {
    constructor(name: string, opts: pulumi.ComponentResourceOptions) {
        super("test:index:Service", name, {}, opts);
    }
}

interface Policy {
    Statement: Array<{ Effect: string; Action: string | string[]; Resource?: string | string[]; Principal?: unknown }>;
}

const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

describe("aws build from source", () => {
    let recorder: MockRecorder;

    before(async () => {
        recorder = await useMocks({});
    });
    beforeEach(() => recorder.reset());
    after(removeTrees);

    function model(context: string, change: Partial<BuildModel> = {}): BuildModel {
        return { context, dockerfile: "Dockerfile", args: { VERSION: "1.0", GREETING: 'it\'s "quoted" $HOME' }, target: "prod", ...change };
    }

    /** Builds under a new service component and waits until the build run is registered. */
    async function build(name: string, b: BuildModel, architecture: BuildRequest["architecture"] = "arm64") {
        const parent = new ServiceComponent(name, recorder.opts());
        const image = buildImage({ name, build: b, architecture, parent, infra: fakeAwsInfrastructure() });
        const imageUri = await valueOf(image.imageUri);
        const registrations = await recorder.settle();
        return { image, imageUri, registrations };
    }

    function runOf(name: string): Registration {
        return recorder.one(DYNAMIC, `${name}-image`);
    }

    function buildspecOf(name: string): string {
        const project = recorder.one("aws:codebuild/project:Project", `${name}-build`);
        return (project.inputs.source as { buildspec: string }).buildspec;
    }

    it("creates the repository, lifecycle, context, role, project and run, all children of the service", async () => {
        const { registrations, image } = await build("web", model(makeTree(TREE)));
        assert.equal(await valueOf(image.repositoryArn), "arn:aws:mock:us-west-2:123456789012:repository/web-repository", "the repository the execution role may pull from");
        const mine = registrations.filter((r) => r.name.startsWith("web-"));
        assert.deepEqual(mine.map((r) => `${r.type} ${r.name}`).sort(), [
            "aws:codebuild/project:Project web-build",
            "aws:ecr/lifecyclePolicy:LifecyclePolicy web-build-cache-lifecycle",
            "aws:ecr/lifecyclePolicy:LifecyclePolicy web-repository-lifecycle",
            "aws:ecr/repository:Repository web-build-cache",
            "aws:ecr/repository:Repository web-repository",
            "aws:iam/role:Role web-build-role",
            "aws:iam/rolePolicy:RolePolicy web-build-role-policy",
            "aws:s3/bucketObjectv2:BucketObjectv2 web-context",
            `${DYNAMIC} web-image`,
        ]);
        for (const r of mine) {
            assert.equal(r.parent, "web", `${r.name} is a child of the service`);
            assert.equal(r.parentType, "test:index:Service", `${r.name}'s parent type`);
        }
        // The build bucket is the project's, created on first use.
        assert.equal(recorder.one("aws:s3/bucket:Bucket").name, "infra-builds");
    });

    it("without a Dockerfile: a buildpacks build, its cache in a mutable repository of its own that the build role may push to", async () => {
        await build("api", model(makeTree({ "package.json": "{}", "index.js": "" }), { target: undefined }), "x86_64");
        const cache = recorder.one("aws:ecr/repository:Repository", "api-build-cache").inputs;
        assert.equal(cache.imageTagMutability, "MUTABLE");
        assert.equal(recorder.one("aws:ecr/repository:Repository", "api-repository").inputs.imageTagMutability, "IMMUTABLE", "the image's tags stay immutable");
        const lifecycle = JSON.parse(recorder.one("aws:ecr/lifecyclePolicy:LifecyclePolicy", "api-build-cache-lifecycle").inputs.policy as string);
        assert.deepEqual(lifecycle.rules[0].selection.tagStatus, "untagged");
        const project = recorder.one("aws:codebuild/project:Project", "api-build").inputs as { environment: { environmentVariables: Array<{ name: string; value: string }>; privilegedMode: boolean } };
        assert.equal(project.environment.privilegedMode, true, "pack needs the Docker daemon");
        assert.deepEqual(
            project.environment.environmentVariables.map((v) => v.name),
            ["IMAGE_URI", "CACHE_IMAGE_URI"],
        );
        assert.match(project.environment.environmentVariables[1].value, /:buildpacks-cache$/);
        const spec = buildspecOf("api");
        assert.match(
            spec,
            /buildpacksio\/pack:[0-9.]+ build \\"\$IMAGE_URI\\" --builder paketobuildpacks\/builder-jammy-base:[0-9.]+ --path context --platform linux\/amd64 --cache-image \\"\$CACHE_IMAGE_URI\\" --publish --env 'GREETING=/,
        );
        assert.doesNotMatch(spec, /docker build/);
        const policy = JSON.parse(recorder.one("aws:iam/rolePolicy:RolePolicy", "api-build-role-policy").inputs.policy as string) as Policy;
        const push = policy.Statement.find((st) => list(st.Action).includes("ecr:PutImage"));
        assert.equal(list(push?.Resource).length, 2, "the image repository and the cache repository");
        assert.equal(runOf("api").inputs.builder, "buildpacks");
    });

    it("makes a private, immutable, scanned, encrypted repository that keeps the 10 latest images", async () => {
        await build("web", model(makeTree(TREE)));
        const repo = recorder.one("aws:ecr/repository:Repository", "web-repository").inputs;
        assert.equal(repo.imageTagMutability, "IMMUTABLE");
        assert.deepEqual(repo.imageScanningConfiguration, { scanOnPush: true });
        assert.deepEqual(repo.encryptionConfigurations, [{ encryptionType: "AES256" }]);
        assert.equal(repo.forceDelete, false);
        assert.equal(repo.name, undefined, "autonamed");
        assert.deepEqual(repo.tags, { "defang:project": "shop" });
        const lifecycle = recorder.one("aws:ecr/lifecyclePolicy:LifecyclePolicy", "web-repository-lifecycle").inputs;
        assert.equal(lifecycle.repository, "web-repository");
        const rules = JSON.parse(lifecycle.policy as string).rules;
        assert.equal(rules.length, 1);
        assert.deepEqual(rules[0].selection, { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 10 });
        assert.deepEqual(rules[0].action, { type: "expire" });
    });

    it("uploads the context under a key with the content hash, without the ignored files", async () => {
        const root = makeTree(TREE);
        await build("web", model(root));
        const run = runOf("web");
        const hash = run.inputs.hash as string;
        assert.match(hash, /^[0-9a-f]{64}$/);
        const object = recorder.one("aws:s3/bucketObjectv2:BucketObjectv2", "web-context").inputs;
        assert.equal(object.bucket, "infra-builds-id");
        assert.equal(object.key, `web/${hash}.zip`);
        assert.equal(object.contentType, "application/zip");
        const archive = object.source as pulumi.asset.AssetArchive;
        assert.ok(pulumi.asset.Archive.isInstance(archive));
        const assets = (await archive.assets) as Record<string, pulumi.asset.Asset>;
        assert.deepEqual(Object.keys(assets).sort(), ["context/.dockerignore", "context/Dockerfile", "context/run.sh", "context/src/index.js", "executables"]);
        assert.equal(await (assets["context/src/index.js"] as pulumi.asset.FileAsset).path, path.join(root, "src/index.js"));
        assert.equal(await (assets.executables as pulumi.asset.StringAsset).text, "run.sh\0");
    });

    it("gives CodeBuild a role scoped to this service's contexts, repository and log group", async () => {
        await build("web", model(makeTree(TREE)));
        const trust = JSON.parse(recorder.one("aws:iam/role:Role", "web-build-role").inputs.assumeRolePolicy as string) as Policy;
        assert.deepEqual(trust.Statement, [{ Effect: "Allow", Principal: { Service: "codebuild.amazonaws.com" }, Action: "sts:AssumeRole" }]);
        const rolePolicy = recorder.one("aws:iam/rolePolicy:RolePolicy", "web-build-role-policy").inputs;
        assert.equal(rolePolicy.role, "web-build-role-id");
        const policy = JSON.parse(rolePolicy.policy as string) as Policy;
        const resourcesOf = (action: string) => policy.Statement.filter((s) => list(s.Action).includes(action)).flatMap((s) => list(s.Resource));
        assert.deepEqual(resourcesOf("s3:GetObject"), ["arn:aws:mock:us-west-2:123456789012:bucket/infra-builds/web/*"]);
        assert.deepEqual(resourcesOf("s3:GetObjectVersion"), ["arn:aws:mock:us-west-2:123456789012:bucket/infra-builds/web/*"]);
        for (const a of ["ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:DescribeImages"]) {
            assert.deepEqual(resourcesOf(a), ["arn:aws:mock:us-west-2:123456789012:repository/web-repository", "arn:aws:mock:us-west-2:123456789012:repository/web-build-cache"], a);
        }
        assert.deepEqual(resourcesOf("ecr:GetAuthorizationToken"), ["*"]);
        assert.deepEqual(resourcesOf("logs:PutLogEvents"), ["arn:aws:logs:us-west-2:123456789012:log-group:/defang/shop:*"]);
        assert.deepEqual(resourcesOf("logs:CreateLogStream"), ["arn:aws:logs:us-west-2:123456789012:log-group:/defang/shop:*"]);
        const actions = policy.Statement.flatMap((s) => list(s.Action)).sort();
        assert.deepEqual(actions, [
            "ecr:BatchCheckLayerAvailability",
            "ecr:BatchGetImage",
            "ecr:CompleteLayerUpload",
            "ecr:DescribeImages",
            "ecr:GetAuthorizationToken",
            "ecr:GetDownloadUrlForLayer",
            "ecr:InitiateLayerUpload",
            "ecr:PutImage",
            "ecr:UploadLayerPart",
            "logs:CreateLogStream",
            "logs:PutLogEvents",
            "s3:GetObject",
            "s3:GetObjectVersion",
        ]);
    });

    it("registers no policy with an action wildcard, and Resource * only for the allowed actions", async () => {
        await build("web", model(makeTree(TREE)));
        const policies = [
            ...recorder.ofType("aws:iam/rolePolicy:RolePolicy").map((r) => r.inputs.policy as string),
            ...recorder
                .ofType("aws:iam/role:Role")
                .map((r) => r.inputs.assumeRolePolicy as string)
                .filter((p) => p !== "{}"),
        ];
        assert.ok(policies.length >= 2);
        for (const text of policies) {
            for (const s of (JSON.parse(text) as Policy).Statement) {
                for (const a of list(s.Action)) assert.ok(!a.includes("*"), `action ${a}`);
                if (list(s.Resource).includes("*")) for (const a of list(s.Action)) assert.ok(WILDCARD_RESOURCE_ACTIONS.has(a), `${a} on Resource "*"`);
            }
        }
    });

    it("makes a privileged ARM project building the uploaded context, logging to the project's group", async () => {
        await build("web", model(makeTree(TREE)));
        const p = recorder.one("aws:codebuild/project:Project", "web-build").inputs as Record<string, any>;
        const hash = runOf("web").inputs.hash as string;
        assert.equal(p.serviceRole, "arn:aws:mock:us-west-2:123456789012:role/web-build-role");
        assert.equal(p.source.type, "S3");
        assert.equal(p.source.location, `infra-builds-id/web/${hash}.zip`);
        assert.deepEqual(p.artifacts, { type: "NO_ARTIFACTS" });
        assert.equal(p.environment.type, "ARM_CONTAINER");
        assert.equal(p.environment.image, "aws/codebuild/amazonlinux-aarch64-standard:3.0");
        assert.equal(p.environment.computeType, "BUILD_GENERAL1_SMALL");
        assert.equal(p.environment.privilegedMode, true);
        assert.deepEqual(p.environment.environmentVariables, [
            { name: "IMAGE_URI", value: `${REPOSITORY_URL}:${hash.slice(0, IMAGE_TAG_HEX_LENGTH)}`, type: "PLAINTEXT" },
            { name: "CACHE_IMAGE_URI", value: "123456789012.dkr.ecr.us-west-2.amazonaws.com/web-build-cache:dockerfile-cache", type: "PLAINTEXT" },
        ]);
        assert.deepEqual(p.logsConfig.cloudwatchLogs, { status: "ENABLED", groupName: "/defang/shop", streamName: "build/web" });
        assert.equal(p.buildTimeout, BUILD_TIMEOUT_MINUTES);
        assert.equal(p.buildTimeout, 30);
        assert.equal(p.queuedTimeout, QUEUED_TIMEOUT_MINUTES);
        assert.equal(p.encryptionKey, undefined, "CodeBuild's default key");
        assert.equal(p.name, undefined, "autonamed");
        assert.deepEqual(p.tags, { "defang:project": "shop" });
    });

    it("writes a buildspec with the Dockerfile, target, quoted build arguments and platform", async () => {
        await build("web", model(makeTree(TREE)));
        const spec = YAML.parse(buildspecOf("web")) as { phases: Record<string, { commands: string[] }> };
        const commands = [...spec.phases.pre_build.commands, ...spec.phases.build.commands].join("\n");
        assert.match(commands, /aws ecr get-login-password/);
        assert.match(commands, /--file context\/Dockerfile /);
        assert.match(commands, /--target prod /);
        assert.match(commands, /--platform linux\/arm64 /);
        assert.ok(commands.includes(`--build-arg 'GREETING=it'\\''s "quoted" $HOME'`), commands);
        assert.ok(commands.includes("--build-arg VERSION=1.0"));
        assert.match(commands, /--tag "\$IMAGE_URI" context/);
        assert.match(commands, /docker push "\$IMAGE_URI"/);
        // A one-line change reuses the last build's layers, kept in the cache repository.
        assert.ok(commands.includes(`--cache-from "$CACHE_IMAGE_URI" --build-arg BUILDKIT_INLINE_CACHE=1`), commands);
        assert.ok(commands.includes(`docker tag "$IMAGE_URI" "$CACHE_IMAGE_URI" && docker push "$CACHE_IMAGE_URI"`), commands);
    });

    it("builds x86_64 services on x86 machines for linux/amd64", async () => {
        await build("api", model(makeTree(TREE), { target: undefined, args: {} }), "x86_64");
        const p = recorder.one("aws:codebuild/project:Project", "api-build").inputs as Record<string, any>;
        assert.equal(p.environment.type, "LINUX_CONTAINER");
        assert.equal(p.environment.image, "aws/codebuild/amazonlinux-x86_64-standard:5.0");
        const spec = buildspecOf("api");
        assert.match(spec, /--platform linux\/amd64 /);
        assert.doesNotMatch(spec.replace("--build-arg BUILDKIT_INLINE_CACHE=1", ""), /--target|--build-arg/);
    });

    it("builds an inline Dockerfile from beside the context", async () => {
        await build("web", model(makeTree(TREE), { dockerfileInline: "FROM alpine\nCOPY . /app\n" }));
        assert.match(buildspecOf("web"), /--file Dockerfile /);
        const object = recorder.one("aws:s3/bucketObjectv2:BucketObjectv2", "web-context").inputs;
        const assets = (await (object.source as pulumi.asset.AssetArchive).assets) as Record<string, pulumi.asset.Asset>;
        assert.equal(await (assets.Dockerfile as pulumi.asset.StringAsset).text, "FROM alpine\nCOPY . /app\n");
    });

    it("runs the build with the project, source, image and hash, and returns the run's image", async () => {
        const { image, imageUri } = await build("web", model(makeTree(TREE)));
        const run = runOf("web").inputs;
        const hash = run.hash as string;
        const tag = hash.slice(0, IMAGE_TAG_HEX_LENGTH);
        assert.equal(run.projectName, "web-build");
        assert.equal(run.imageUri, `${REPOSITORY_URL}:${tag}`);
        assert.equal(run.sourceLocation, `infra-builds-id/web/${hash}.zip`);
        assert.equal(run.region, "us-west-2");
        assert.equal(run.profile, undefined);
        assert.equal(typeof run.__provider, "string");
        assert.equal(imageUri, `${REPOSITORY_URL}:${tag}`);
        assert.equal(image.dependsOn.length, 1);
        assert.ok(image.dependsOn[0] instanceof CodeBuildRun);
    });

    it("gives the same tag for the same source, and another for another architecture", async () => {
        const root = makeTree(TREE);
        const first = await build("web", model(root));
        const second = await build("web2", model(makeTree(TREE)));
        assert.equal(first.imageUri.split(":").pop(), second.imageUri.split(":").pop());
        assert.equal(runOf("web").inputs.hash, runOf("web2").inputs.hash);
        const arm = await build("web3", model(root), "x86_64");
        assert.notEqual(arm.imageUri.split(":").pop(), first.imageUri.split(":").pop());
    });

    it("fails before creating anything when the context is missing", async () => {
        const parent = new ServiceComponent("broken", recorder.opts());
        const missing = path.join(makeTree({}), "nope");
        assert.throws(() => buildImage({ name: "broken", build: model(missing), architecture: "x86_64", parent, infra: fakeAwsInfrastructure() }), BuildContextError);
        const registrations = await recorder.settle();
        assert.deepEqual(
            registrations.filter((r) => r.name.startsWith("broken-")),
            [],
        );
    });

    it("keeps service names usable in keys, policies and log streams", () => {
        assert.equal(safeServiceName("web"), "web");
        assert.equal(safeServiceName("shop/web api:1*"), "shop-web-api-1-");
    });
});
