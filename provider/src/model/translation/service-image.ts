/**
 * The table, part 1: what a service runs (image, build, command, environment, user, platform) and
 * the attributes the loader resolves before any cloud sees them.
 */
import { AttributeEntry, approximated, entry, everywhere, mapped, refused } from "./types";

/** Resolved by the loader, as `docker compose config` does: nothing is left for a cloud to map. */
export const LOADED = mapped("resolved while loading the compose files (as `docker compose config` does)");

const built = {
    aws: mapped("CodeBuild project building the uploaded context, image pushed to ECR"),
    gcp: mapped("Cloud Build from the uploaded context, image pushed to Artifact Registry"),
    digitalocean: mapped("image built and pushed to DigitalOcean Container Registry (or App Platform's own build of a git context)"),
};

const buildIgnored = (what: string) => everywhere(approximated(`${what}: the cloud build does not apply it; the image is built without it`));

export const SERVICE_IMAGE: AttributeEntry[] = [
    entry(
        "image",
        "the image a container runs; with `build` it is the name given to the built image",
        {
            aws: mapped("ECS task definition container `image`"),
            gcp: mapped("Cloud Run container `image`"),
            digitalocean: mapped("App Platform component `image` (Docker Hub, ghcr.io or DOCR)"),
        },
        { features: ["image-registry", "no-image"] },
    ),
    entry("build", "the image is built from source in the cloud, no local Docker needed", built, { features: ["remote-build-context"] }),
    entry("build.context", "the directory (or git URL) sent to the build", built, { features: ["remote-build-context"] }),
    entry("build.dockerfile", "the Dockerfile inside the context", built),
    entry("build.dockerfile_inline", "a Dockerfile written in the compose file", built, { features: ["git-build-inline-dockerfile"] }),
    entry(
        "build.args",
        "Dockerfile ARG values; a `${KEY}` read from config reaches the builder from the cloud's secret store (App Platform's own build of a git context: the component's build-time variables, SECRET when read from config)",
        built,
    ),
    entry("build.target", "the stage of a multi-stage Dockerfile", built, { features: ["git-build-target"] }),
    entry("build.additional_contexts", "named contexts (`COPY --from=name`): a build that uses them fails without them", everywhere(refused("build-additional-contexts"))),
    entry("build.secrets", "secrets mounted into `RUN --mount=type=secret`: the build fails without them", everywhere(refused("build-secrets")), { coversChildren: true }),
    entry("build.ssh", "SSH agent forwarding for `RUN --mount=type=ssh`: the build fails without it", everywhere(refused("build-secrets"))),
    entry("build.cache_from", "a build cache: a faster build, the same image", buildIgnored("`build.cache_from`")),
    entry("build.cache_to", "a build cache: a faster build, the same image", buildIgnored("`build.cache_to`")),
    entry("build.no_cache", "the cloud build starts from an empty cache anyway", everywhere(mapped("every cloud build starts without a layer cache"))),
    entry("build.no_cache_filter", "the cloud build starts from an empty cache anyway", everywhere(mapped("every cloud build starts without a layer cache"))),
    entry("build.pull", "the cloud build always pulls base images", everywhere(mapped("every cloud build pulls its base images"))),
    entry("build.labels", "image metadata: the app runs the same without it", buildIgnored("`build.labels`")),
    entry("build.tags", "extra names of the image: the cloud names the image it deploys", buildIgnored("`build.tags`")),
    entry("build.platforms", "the image is built for the architecture the service runs on (`platform`)", buildIgnored("`build.platforms`")),
    entry("build.network", "a build sandbox setting", buildIgnored("`build.network`")),
    entry("build.extra_hosts", "a build sandbox setting", buildIgnored("`build.extra_hosts`")),
    entry("build.shm_size", "a build sandbox setting", buildIgnored("`build.shm_size`")),
    entry("build.ulimits", "a build sandbox setting", buildIgnored("`build.ulimits`"), { coversChildren: true }),
    entry("build.privileged", "a build sandbox setting", buildIgnored("`build.privileged`")),
    entry("build.entitlements", "a build sandbox setting", buildIgnored("`build.entitlements`")),
    entry("build.isolation", "a Windows build setting", buildIgnored("`build.isolation`")),
    entry("build.sbom", "an attestation attached to the image", buildIgnored("`build.sbom`")),
    entry("build.provenance", "an attestation attached to the image", buildIgnored("`build.provenance`")),
    entry("command", "the container's command, overriding the image's CMD", {
        aws: mapped("container definition `command`"),
        gcp: mapped("Cloud Run container `args`"),
        digitalocean: mapped("component `run_command`"),
    }),
    entry("entrypoint", "the container's entrypoint, overriding the image's ENTRYPOINT", {
        aws: mapped("container definition `entryPoint`"),
        gcp: mapped("Cloud Run container `command`"),
        digitalocean: mapped("component `run_command` (entrypoint and command together)"),
    }),
    entry(
        "environment",
        "plain values go to the runtime as they are; values without a value are sensitive config read from Pulumi config",
        {
            aws: mapped("container definition `environment`, and `secrets` from SSM Parameter Store SecureStrings"),
            gcp: mapped("Cloud Run `env`, and secret references to Secret Manager"),
            digitalocean: mapped("App component `envs` (type SECRET for sensitive config)"),
        },
        { features: ["cloud-run-environment", "model-client-key", "model-name-default", "model-name-own"] },
    ),
    entry("env_file", "read by the loader into `environment`", everywhere(LOADED), { coversChildren: true }),
    entry(
        "user",
        "the user the container process runs as",
        {
            aws: mapped("container definition `user`"),
            gcp: approximated("`user` is not applied on Cloud Run: the container runs as the image's USER"),
            digitalocean: refused("container-user"),
        },
        { features: ["container-user"] },
    ),
    entry(
        "working_dir",
        "the container's working directory",
        {
            aws: mapped("container definition `workingDirectory`"),
            gcp: mapped("Cloud Run container `workingDir`"),
            digitalocean: refused("working-dir"),
        },
        { features: ["working-dir"] },
    ),
    entry(
        "platform",
        "the architecture the image is built for and runs on",
        {
            aws: mapped("task definition `runtimePlatform.cpuArchitecture` (X86_64 or ARM64)"),
            gcp: mapped("Cloud Run runs linux/amd64"),
            digitalocean: mapped("App Platform runs linux/amd64"),
        },
        { features: ["arm64", "platform"] },
    ),
    entry(
        "pull_policy",
        "when the engine pulls the image: the cloud pulls the image of each deployment itself",
        everywhere(approximated("`pull_policy` is not applied: the cloud pulls the image of each deployment when it starts containers")),
    ),
    entry("pull_refresh_after", "when the engine pulls the image again", everywhere(approximated("`pull_refresh_after` is not applied: the cloud pulls the image of each deployment when it starts containers"))),
    entry("labels", "container metadata read by tools on a Docker host", everywhere(approximated("container `labels` are not applied in the cloud; tools that read them (Traefik, Watchtower) are not there"))),
    entry("label_file", "read by the loader into `labels`", everywhere(LOADED)),
    entry("annotations", "container metadata for the runtime", everywhere(approximated("container `annotations` are not applied in the cloud"))),
    entry("profiles", "the loader keeps the services of the active profiles (`defang` is always active)", everywhere(LOADED)),
    entry("extends", "merged by the loader", everywhere(LOADED), { coversChildren: true }),
    entry(
        "provider",
        "a service run by a Compose provider plugin instead of a container: `type: model` is a model endpoint reached by the service's name",
        {
            aws: mapped("an OpenAI-compatible gateway service (Bedrock) in the project's private network; its task role may invoke only the mapped model"),
            gcp: mapped("an OpenAI-compatible gateway service (Vertex AI) on Cloud Run, internal; its service account may only predict"),
            digitalocean: mapped("DigitalOcean serverless inference (OpenAI-compatible); the model access key is a SECRET env var"),
        },
        { coversChildren: true, features: ["model-provider"] },
    ),
];
