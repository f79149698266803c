/**
 * The App spec of a temporary App whose one job builds a service's image in the user's account and
 * pushes it to DOCR (DigitalOcean's remote builder, the default for local contexts). Pure: text only.
 *
 * The job fetches the context as a gzipped tar through a presigned Spaces URL, and builds it:
 * - with a Dockerfile: kaniko (the debug image, for its shell), which builds and pushes without a
 *   Docker daemon and without privileges, the only kind of container App Platform runs (BuildKit's
 *   rootless mode needs user namespaces and relaxed seccomp, which App Platform does not offer);
 * - without one: the pinned buildpacks builder's own lifecycle (`creator`), which also needs no daemon.
 * Both keep a layer cache in the service's DOCR repository, so an unchanged layer is not built again.
 *
 * Every credential and build argument is an env value of type SECRET (App Platform encrypts it at
 * once; the spec it returns holds only the ciphertext): the script names them as `$VARIABLES`, so no
 * value is written in the spec's text, in the job's command or in its logs.
 */
import { shellQuote } from "../../../build/shell-quote";
import { BUILDPACKS_BUILDER_IMAGE } from "../../../build/buildpacks";
import { appImage } from "./image-source";

/**
 * The kaniko executor, debug variant (busybox shell, `wget`, `tar`), from the maintained fork's Docker
 * Hub repository (App Platform pulls from Docker Hub, GHCR and DOCR only, not from gcr.io where the
 * archived upstream is). Pinned to a release: the same source builds with the same builder.
 */
export const KANIKO_IMAGE = { registry_type: "DOCKER_HUB", registry: "martizih", repository: "kaniko", tag: "v1.27.6-debug" } as const;

/** The buildpacks builder image (the one the other clouds run through `pack`), as App Platform names it. */
export function buildpacksBuilderImage(): { registry_type: "DOCKER_HUB"; registry: string; repository: string; tag: string } {
    const image = appImage(BUILDPACKS_BUILDER_IMAGE);
    if (image.registryType !== "DOCKER_HUB" || !image.registry || !image.tag) throw new Error(`the buildpacks builder ${BUILDPACKS_BUILDER_IMAGE} is not a tagged Docker Hub image`);
    return { registry_type: "DOCKER_HUB", registry: image.registry, repository: image.repository, tag: image.tag };
}

/** The job's size: 2 shared vCPUs and 4 GiB, enough for `npm ci` or `go build`; billed by the second it runs. */
export const BUILD_JOB_SIZE = "apps-s-2vcpu-4gb";

/** The job component's name (its logs are fetched by this name). */
export const BUILD_JOB_NAME = "build";

/** The variables of the job (prefixed, so that no build argument can shadow them). */
export const JOB_VARIABLES = {
    contextUrl: "DEFANG_CONTEXT_URL",
    dockerConfig: "DEFANG_DOCKER_CONFIG",
    registryAuth: "DEFANG_REGISTRY_AUTH",
    image: "DEFANG_IMAGE",
    cache: "DEFANG_CACHE",
} as const;

/** A build argument's name that can be an environment variable of the job. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Where the job unpacks the archive. */
const WORKDIR = "/tmp/defang-build";

export interface BuildJobOptions {
    /** The temporary App's name. */
    appName: string;
    /** The App Platform region slug, e.g. `nyc`. */
    region: string;
    builder: "dockerfile" | "buildpacks";
    /** The Dockerfile's path in the archive (Dockerfile builds). */
    dockerfile: string;
    /** The context's path in the archive. */
    context: string;
    target?: string;
    args: Record<string, string>;
    /** `registry.digitalocean.com/<registry>/<repository>:<tag>`. */
    image: string;
    /** kaniko: the cache repository; buildpacks: the cache image. */
    cache: string;
    /** Secrets, known only while the build runs. */
    contextUrl: string;
    /** The DOCR push credential: Docker's `config.json` (kaniko) or the lifecycle's `CNB_REGISTRY_AUTH` (buildpacks). */
    registryCredential: string;
}

/** The shell script of the job: fetch, unpack, build and push. Values are `$VARIABLES`, never text. */
export function buildJobScript(o: Pick<BuildJobOptions, "builder" | "dockerfile" | "context" | "target" | "args">): string {
    const v = JOB_VARIABLES;
    const fetch = o.builder === "dockerfile" ? `wget -q -O ${WORKDIR}/context.tar.gz "$${v.contextUrl}"` : `curl -fsS -o ${WORKDIR}/context.tar.gz "$${v.contextUrl}"`;
    const lines = ["set -e", `mkdir -p ${WORKDIR}/src`, fetch, `tar -xzf ${WORKDIR}/context.tar.gz -C ${WORKDIR}/src`];
    const args = sortedArgs(o.args);
    if (o.builder === "dockerfile") {
        lines.push(`mkdir -p /kaniko/.docker`, `printf '%s' "$${v.dockerConfig}" > /kaniko/.docker/config.json`);
        const words = [
            "exec",
            "/kaniko/executor",
            `--context=dir://${WORKDIR}/src/${shellQuote(o.context)}`,
            `--dockerfile=${WORKDIR}/src/${shellQuote(o.dockerfile)}`,
            `--destination="$${v.image}"`,
            "--custom-platform=linux/amd64",
            "--cache=true",
            `--cache-repo="$${v.cache}"`,
        ];
        if (o.target) words.push(`--target=${shellQuote(o.target)}`);
        for (const [n, value] of args) words.push(ENV_NAME.test(n) ? `--build-arg="${n}=$${n}"` : `--build-arg=${shellQuote(`${n}=${value}`)}`);
        lines.push(words.join(" "));
    } else {
        // The lifecycle reads build-time variables from files of the platform folder.
        lines.push(`mkdir -p ${WORKDIR}/platform/env ${WORKDIR}/layers`);
        for (const [n, value] of args) lines.push(ENV_NAME.test(n) ? `printf '%s' "$${n}" > ${WORKDIR}/platform/env/${n}` : `printf '%s' ${shellQuote(value)} > ${WORKDIR}/platform/env/${shellQuote(n)}`);
        lines.push(
            `export CNB_REGISTRY_AUTH="$${v.registryAuth}"`,
            `exec /cnb/lifecycle/creator -app=${WORKDIR}/src/${shellQuote(o.context)} -layers=${WORKDIR}/layers -platform=${WORKDIR}/platform -cache-image="$${v.cache}" "$${v.image}"`,
        );
    }
    return lines.join("\n");
}

/** The build arguments, by name. */
function sortedArgs(args: Record<string, string>): Array<[string, string]> {
    return Object.entries(args).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** An App spec env value. */
export interface SpecEnv {
    key: string;
    value: string;
    type: "GENERAL" | "SECRET";
    scope: "RUN_TIME";
}

/** The App spec of `POST /v2/apps`, as far as the build job uses it: the API's own (snake_case) field names, sent as JSON. */
export interface BuildJobAppSpec {
    name: string;
    region: string;
    jobs: Array<{ name: string; kind: "PRE_DEPLOY"; image: ReturnType<typeof buildpacksBuilderImage>; run_command: string; instance_size_slug: string; instance_count: number; envs: SpecEnv[] }>;
}

/** The body of `POST /v2/apps`: one pre-deploy job, whose failure fails the App's deployment. */
export function buildJobAppSpec(o: BuildJobOptions): { spec: BuildJobAppSpec } {
    const v = JOB_VARIABLES;
    const secret = (key: string, value: string): SpecEnv => ({ key, value, type: "SECRET", scope: "RUN_TIME" });
    const envs: SpecEnv[] = [
        secret(v.contextUrl, o.contextUrl),
        secret(o.builder === "dockerfile" ? v.dockerConfig : v.registryAuth, o.registryCredential),
        { key: v.image, value: o.image, type: "GENERAL", scope: "RUN_TIME" },
        { key: v.cache, value: o.cache, type: "GENERAL", scope: "RUN_TIME" },
        ...sortedArgs(o.args)
            .filter(([n]) => ENV_NAME.test(n))
            .map(([n, value]) => secret(n, value)),
    ];
    const shell = o.builder === "dockerfile" ? "/busybox/sh" : "/bin/bash";
    return {
        spec: {
            name: o.appName,
            region: o.region,
            jobs: [
                {
                    name: BUILD_JOB_NAME,
                    kind: "PRE_DEPLOY",
                    image: o.builder === "dockerfile" ? { ...KANIKO_IMAGE } : buildpacksBuilderImage(),
                    run_command: `${shell} -c ${shellQuote(buildJobScript(o))}`,
                    instance_size_slug: BUILD_JOB_SIZE,
                    instance_count: 1,
                    envs,
                },
            ],
        },
    };
}
