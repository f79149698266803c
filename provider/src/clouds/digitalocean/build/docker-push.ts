/**
 * `DockerBuildPush`: builds an image with the deploying machine's Docker and pushes it to the
 * account's DigitalOcean Container Registry, during `pulumi up`. It is replaced (built and pushed
 * again) only when the content hash or the image name changes.
 *
 * Needs on the deploying machine: a running Docker daemon with `buildx` (for `--platform`), and a
 * login to the registry (`doctl registry login`, or `docker login registry.digitalocean.com` with
 * an API token as user and password). App Platform builds git contexts itself; only local contexts
 * come here.
 *
 * A Pulumi dynamic provider: its functions are serialized into the stack, so they use only the
 * helpers of this file and the shared run provider, and load `child_process` inside `create`.
 */
import * as pulumi from "@pulumi/pulumi";
import { packBuildWords } from "../../../build/buildpacks";
import { RunResourceArgs, runResourceProvider } from "../../common/run-resource-provider";
import { runResourceClass } from "../../common/run-resource";

export interface DockerBuildPushInputs {
    /** `dockerfile`: `docker build`; `buildpacks`: `pack build` from `pack`'s image (no Dockerfile). */
    builder: "dockerfile" | "buildpacks";
    /** The buildpacks cache image (buildpacks only): a mutable tag in the registry. */
    cacheImageRef?: string;
    /** The folder of the registry login's `config.json` (buildpacks only). */
    dockerConfigDir?: string;
    /** `registry.digitalocean.com/<registry>/<repository>:<tag>`. */
    imageRef: string;
    /** The context directory (absolute). */
    context: string;
    /** The Dockerfile (absolute), or `-` with `dockerfileInline`. */
    dockerfile: string;
    dockerfileInline?: string;
    args: Record<string, string>;
    /** Build arguments read from config (a secret): given to `docker` in its environment, named only on its command line. */
    secretArgs?: Record<string, string>;
    target?: string;
    /** `linux/amd64`: App Platform runs x86_64. */
    platform: string;
    /** The content hash of the build's inputs: a new one means a new build. */
    hash: string;
}

/** The arguments of `docker` that build the image (pure, tested); with buildpacks, `pack` publishes it too. */
export function dockerBuildArgv(inputs: DockerBuildPushInputs): string[] {
    if (inputs.builder === "buildpacks") {
        return packBuildWords({
            image: inputs.imageRef,
            cacheImage: inputs.cacheImageRef ?? `${inputs.imageRef.replace(/:[^:/]*$/, "")}:buildpacks-cache`,
            context: ".",
            platform: inputs.platform,
            args: inputs.args,
            argsFromEnvironment: Object.keys(inputs.secretArgs ?? {}).sort(),
            hostFolder: inputs.context,
            hostDockerConfig: inputs.dockerConfigDir ?? "",
            quote: (v) => v,
        }).slice(1);
    }
    const argv = ["build", "--platform", inputs.platform, "--file", inputs.dockerfile, "--tag", inputs.imageRef];
    for (const [k, v] of Object.entries(inputs.args).sort(([a], [b]) => (a < b ? -1 : 1))) argv.push("--build-arg", `${k}=${v}`);
    for (const k of Object.keys(inputs.secretArgs ?? {}).sort()) argv.push("--build-arg", k);
    if (inputs.target) argv.push("--target", inputs.target);
    argv.push(inputs.context);
    return argv;
}

/** The inputs whose change means a new build. */
const REPLACE_ON_CHANGE = ["hash", "imageRef"] as const;

/** Builds the image with `docker` (or `pack` in a container), and pushes it. */
async function buildAndPush(inputs: DockerBuildPushInputs): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { execFileSync } = require("child_process") as typeof import("child_process");
    const run = (argv: string[], input?: string) => {
        try {
            execFileSync("docker", argv, { input, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"], maxBuffer: 64 << 20, env: { ...process.env, ...(inputs.secretArgs ?? {}) } });
        } catch (e) {
            const err = e as { stderr?: Buffer; message: string };
            throw new Error(`docker ${argv[0]} of ${inputs.imageRef} failed (Docker and a registry login are needed: doctl registry login): ${err.stderr?.toString().slice(-2000) ?? err.message}`, { cause: e });
        }
    };
    run(dockerBuildArgv(inputs), inputs.dockerfileInline);
    if (inputs.builder !== "buildpacks") run(["push", inputs.imageRef]);
}

/** The provider: the image stays in the registry (its garbage collection removes untagged layers). */
export const dockerBuildPushProvider: pulumi.dynamic.ResourceProvider<DockerBuildPushInputs, DockerBuildPushInputs> = runResourceProvider<DockerBuildPushInputs, object>({
    async run(inputs) {
        await buildAndPush(inputs);
        return { id: inputs.imageRef, result: {} };
    },
    rerunOn: REPLACE_ON_CHANGE,
    kept: () => ({}),
});

/** The inputs of the build, each one an Input. */
export type DockerBuildPushArgs = RunResourceArgs<DockerBuildPushInputs>;

/** One build and push with this machine's Docker, during `pulumi up`: its `imageRef` is known once the image has been pushed. */
export const DockerBuildPush = runResourceClass<DockerBuildPushInputs, object>(dockerBuildPushProvider, []);
export type DockerBuildPush = InstanceType<typeof DockerBuildPush>;
