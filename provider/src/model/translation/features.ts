/**
 * The features a cloud may refuse or run differently, by the id `FeatureUse.feature` carries: the
 * message and the fix printed with a refusal, and per cloud whether it is refused. Attribute
 * entries of the table refer to them (`refused("privileged")`, `features: ["udp-port"]`).
 *
 * A new feature is one entry here: its id, message, hint, and the clouds that refuse it (or run it
 * differently: `approximatedOn`). A feature once written as `{ message, hint }` in a text table
 * plus its id in some clouds' `unsupported` sets is `id: { message, hint, refusedOn: [those clouds] }`;
 * `CAPABILITIES[cloud].unsupported` is computed from here. Refer to it from the attribute entry
 * whose value decides it (`features: [id]`), and detect its use in `service-features.ts` (from the
 * compose service) or `derivedFeatures` in `capabilities.ts` (from the model).
 */
import { CLOUD_NAMES, CloudName } from "../cloud-name";
import { FeatureEntry } from "./feature-entry";

const ALL: readonly CloudName[] = CLOUD_NAMES;

export const FEATURES = {
    "network-mode-host": {
        message: "host networking is not available on a managed container runtime",
        hint: "remove network_mode and publish the ports the service listens on under `ports`",
        refusedOn: ALL,
    },
    "network-mode-shared": {
        message: "sharing another container's network is not possible: each service gets its own address",
        hint: "remove network_mode and reach the other service by its name",
        refusedOn: ALL,
    },
    privileged: { message: "privileged containers are not allowed", hint: "remove `privileged: true`", refusedOn: ALL },
    capabilities: {
        message: "Linux capabilities cannot be added to a container on a managed runtime",
        hint: "remove `cap_add`; a process that needs NET_ADMIN or SYS_ADMIN cannot run on a managed runtime",
        refusedOn: ALL,
    },
    "external-links": {
        message: "there are no containers outside the project to link to",
        hint: "remove `external_links` and reach the other system by a domain name in `environment`",
        refusedOn: ALL,
    },
    devices: { message: "host devices cannot be mapped into a container", hint: "remove `devices`", refusedOn: ALL },
    "docker-socket": {
        message: "there is no Docker daemon whose socket could be mounted",
        hint: "remove this volume; the cloud routes, restarts and scales services itself",
        refusedOn: ALL,
    },
    "api-socket": {
        message: "there is no Docker engine API to give the container",
        hint: "remove `use_api_socket`; the cloud routes, restarts and scales services itself",
        refusedOn: ALL,
    },
    "volumes-from": {
        message: "containers of different services share no disk, so another service's volumes cannot be mounted",
        hint: "remove `volumes_from`; copy the files into this service's image, or keep shared state in a managed service",
        refusedOn: ALL,
    },
    "lifecycle-hooks": {
        message: "commands run in the container around its start and stop (`post_start`, `pre_start`, `pre_stop`) are not run by the cloud",
        hint: "run the command from the image's entrypoint script instead",
        refusedOn: ALL,
    },
    gpu: {
        message: "App Platform has no GPUs: the service would run without one",
        hint: "deploy this service to Google Cloud (Cloud Run GPUs), or remove `gpus` (or the `capabilities: [gpu]` device reservation) to run it on CPUs",
        refusedOn: ["digitalocean"],
    },
    "gpu-fargate": {
        message: "services run on Fargate, which has no GPUs; GPU instances (ECS on EC2) are not created by this package yet",
        hint: "deploy this service to Google Cloud (Cloud Run GPUs), or remove `gpus` (or the `capabilities: [gpu]` device reservation) to run it on CPUs",
        refusedOn: ["aws"],
    },
    "gpu-cloud-run": {
        message:
            "Cloud Run attaches one GPU per instance (`all` means one), keeps CPU always allocated (instance-based billing: an instance is billed while it runs), " +
            "and gives it at least 4 CPUs and 16 GiB with an NVIDIA L4 (20 CPUs and 80 GiB with an RTX PRO 6000): a smaller size is raised; every instance (up to the maximum count) uses one GPU of the project's regional quota",
        hint: "ask for that size in deploy.resources.reservations to make it explicit, and request Cloud Run GPU quota for the region",
        refusedOn: [],
        approximatedOn: ["gcp"],
    },
    "generic-resources": {
        message: "Swarm generic resources are resources of Swarm nodes, and the cloud has no Swarm nodes",
        hint: "remove `generic_resources`; for GPUs use deploy.resources.reservations.devices with capabilities: [gpu]",
        refusedOn: ALL,
    },
    "model-provider": {
        message: "only `provider: type: model` services (with a `model` option) can be deployed: other Compose provider plugins have no cloud equivalent",
        hint: "write `provider: { type: model, options: { model: ai/... } }`, or run the service from an image",
        refusedOn: ALL,
    },
    "model-client-key": {
        message: "the service talks to DigitalOcean serverless inference directly, which takes the model access key: the OPENAI_API_KEY the service sets is replaced by it",
        hint: "leave OPENAI_API_KEY out of this service's environment (a placeholder key is only needed by local model runners), and set the key with `pulumi config set --secret DIGITALOCEAN_MODEL_ACCESS_KEY <key>`",
        refusedOn: [],
        approximatedOn: ["digitalocean"],
    },
    "model-name-default": {
        message:
            "the service sets its own model name `default`, which is kept: DigitalOcean serverless inference has no model by that name (a gateway elsewhere serves its model as `default`), so the service's requests fail",
        hint: "remove the variable from the service's environment, so that it gets the model id the endpoint serves, or set it to that id",
        refusedOn: [],
        approximatedOn: ["digitalocean"],
    },
    "model-name-own": {
        message: "the service sets its own model name, which is kept: the endpoint serves the mapped model id, and may refuse another name",
        hint: "remove the variable from the service's environment, so that it gets the model id the endpoint serves (see the README's model table), or set it to that id",
        refusedOn: [],
        approximatedOn: ALL,
    },
    "zero-replicas": {
        message: "0 replicas: `docker compose up` runs no container of the service, but Cloud Run keeps one instance of a service or worker pool asked for none",
        hint: "leave the service out of the deployment (a `profiles:` entry that the deployment does not enable), or ask for 1 replica",
        refusedOn: [],
        approximatedOn: ["gcp"],
    },
    "zero-replicas-app-platform": {
        message: "0 replicas: `docker compose up` runs no container of the service, and an App Platform component runs at least one instance",
        hint: "leave the service out of the deployment (a `profiles:` entry that the deployment does not enable), or ask for 1 replica",
        refusedOn: ["digitalocean"],
    },
    "zero-replicas-job": {
        message: "0 replicas of a one-off job: `docker compose up` runs it zero times, but the deployment runs it once",
        hint: "leave the job out of the deployment (a `profiles:` entry that the deployment does not enable), or ask for 1 replica",
        refusedOn: [],
        approximatedOn: ALL,
    },
    "file-secrets": {
        message: "App Platform has no file system to mount secret files on: the file would not exist in the container",
        hint: "read the value from an environment variable without a value (`KEY:` under environment) set with `pulumi config set --secret KEY <value>`, or deploy this service to AWS or Google Cloud, which mount the file",
        refusedOn: ["digitalocean"],
    },
    "file-configs": {
        message: "App Platform has no file system to mount config files on: the file would not exist in the container",
        hint: "copy the file into the image (a `COPY` in the Dockerfile), or deploy this service to AWS or Google Cloud, which mount the file",
        refusedOn: ["digitalocean"],
    },
    "file-directory": {
        message: "the file's directory is mounted as a whole: files the image has in that directory are hidden in the container",
        hint: "point `target` at a directory of its own (e.g. /run/secrets/<name> or /etc/<app>/conf.d/<file>), or copy the file into the image",
        refusedOn: [],
        approximatedOn: ["aws", "gcp"],
    },
    "file-system-directory": {
        message: "the file's directory would be mounted as a whole over a system directory (a config's default target is `/<name>`, in the root), hiding what the container needs there",
        hint: "set `target` to a path in a directory of its own, e.g. /config/<name> or /etc/<app>/<file>, and point the application there",
        refusedOn: ALL,
    },
    "file-target-taken": {
        message: "two secrets or configs are mounted at the same path",
        hint: "give each one its own `target`",
        refusedOn: ALL,
    },
    "file-source-missing": {
        message: "the file to place in the container does not exist on this machine",
        hint: "create the file, or point `file:` at an existing one (a relative path is read from the project directory)",
        refusedOn: ALL,
    },
    "file-config-key": {
        message: "the content would be read from Pulumi config under this name, which cannot be a config key",
        hint: "rename the secret or variable to letters, digits, `_`, `.` and `-`, starting with a letter or `_`",
        refusedOn: ALL,
    },
    "managed-static-files": { message: "x-defang-static-files is not supported yet", hint: "serve the files from the service's image", refusedOn: ALL },
    "remote-build-context": {
        message: "building from a remote (git) context is not supported yet",
        hint: "check the source out and use a local build context",
        refusedOn: ["aws", "gcp"],
    },
    "git-build-target": {
        message: "App Platform builds a git context's Dockerfile to its last stage: it takes no build target",
        hint: "make the wanted stage the Dockerfile's last one (or give it a Dockerfile of its own and set `dockerfile`), or build the image elsewhere and use `image`",
        refusedOn: ["digitalocean"],
    },
    "git-build-inline-dockerfile": {
        message: "App Platform builds a git context with a Dockerfile from the repository: an inline Dockerfile would not be used",
        hint: "commit the Dockerfile to the repository and set `dockerfile` to its path",
        refusedOn: ["digitalocean"],
    },
    "build-secrets": {
        message: "build secrets and SSH agent forwarding are not given to the cloud build, so a Dockerfile that mounts them fails",
        hint: "remove `build.secrets` / `build.ssh` and fetch what the build needs another way (a build arg without secrets, a public source)",
        refusedOn: ALL,
    },
    "build-additional-contexts": {
        message: "the cloud build receives one build context; `additional_contexts` would be missing",
        hint: "move the files into the build context, or build the other context as its own image and use `FROM` it",
        refusedOn: ALL,
    },
    "postgres-password-template": {
        message: "POSTGRES_PASSWORD must be a single config value",
        hint: "write `POSTGRES_PASSWORD:` without a value (or as `${KEY}`) and set it with `pulumi config set --secret`",
        refusedOn: ALL,
    },
    "mongo-password-template": {
        message: "MONGO_INITDB_ROOT_PASSWORD must be a single config value",
        hint: "write `MONGO_INITDB_ROOT_PASSWORD:` without a value (or as `${KEY}`) and set it with `pulumi config set --secret`",
        refusedOn: ALL,
    },
    "mongo-user-not-literal": {
        message: "MONGO_INITDB_ROOT_USERNAME must be written in the file: the user name is not a secret",
        hint: "write the user name as a literal value, e.g. `MONGO_INITDB_ROOT_USERNAME: app`",
        refusedOn: ALL,
    },
    "no-image": { message: "the service has neither `image` nor `build`", hint: "add an image, or a build context", refusedOn: ALL },
    volumes: {
        message: "App Platform has no volumes: the files of a named volume would not be kept across restarts or shared between services",
        hint: "keep state in a managed service (x-defang-postgres, x-defang-redis, x-defang-mongodb) or in DigitalOcean Spaces (S3-compatible object storage) from the application; or deploy to AWS (Amazon EFS) or Google Cloud (Cloud Storage), which keep named volumes",
        refusedOn: ["digitalocean"],
    },
    "bind-mount": {
        message: "a bind mount shares a directory of the deploying machine, and the cloud's containers run on no host of yours",
        hint: "copy the files into the image (COPY in the Dockerfile) or pass them as `configs`; use a named volume (`name:/path`) for files the service writes; keep bind mounts for local runs in an override file (compose.override.yaml)",
        refusedOn: ALL,
    },
    "volume-type": {
        message: "only named volumes, anonymous volumes and tmpfs can be mounted: named pipes, cluster volumes and image mounts need a Docker host",
        hint: "use a named volume (`name:/path`), or copy the files into the image",
        refusedOn: ALL,
    },
    "external-volume": {
        message: "an external volume was created outside the project, and the cloud has no such volume to mount",
        hint: "remove `external: true` (and `name`) from the top-level volume: the project then creates it in the cloud's storage",
        refusedOn: ALL,
    },
    "volume-driver": {
        message: "a volume driver and its options (NFS servers, devices, plugins) are Docker host settings; the cloud's own storage holds the project's volumes",
        hint: "remove `driver` and `driver_opts` from the top-level volume",
        refusedOn: ALL,
    },
    "anonymous-volume": {
        message:
            "an anonymous volume is not mounted: the path stays on the container's own file system, which has the image's files and is lost when the task or instance is replaced (Docker keeps an anonymous volume across `docker compose up`)",
        hint: "name the volume (`name:/path`, and a top-level `volumes: { name: {} }`) to keep its files",
        refusedOn: [],
        approximatedOn: ALL,
    },
    "build-context-bind": {
        message:
            "this bind mount shares the service's own build context, which is not mounted: the container sees the files the image was built with (if the Dockerfile copies them there), and what it writes there is not kept",
        hint: "keep the mount for local runs in an override file (compose.override.yaml), and make sure the Dockerfile copies these files to the target",
        refusedOn: [],
        approximatedOn: ALL,
    },
    "tmpfs-volume": {
        message: "Fargate has no tmpfs: the path is a volume on the task's ephemeral storage (disk, not memory), emptied when the task stops; `size` and `mode` are not applied",
        hint: "nothing to do for scratch space; do not rely on the data staying out of storage",
        refusedOn: [],
        approximatedOn: ["aws"],
    },
    "volume-image-files": {
        message: "a new volume starts empty: the files the image has at the mount path are not copied into it, as Docker copies them into a new volume",
        hint: "set `volume: { nocopy: true }` to say so, and have the entrypoint create what the application needs in the volume",
        refusedOn: [],
        approximatedOn: ["aws", "gcp"],
    },
    "database-volume": {
        message:
            "a database's data directory on a network volume is slow and unsafe: a database server needs a block device with POSIX locks, which network file systems and object storage (Cloud Storage) give poorly or not at all",
        hint: "use the cloud's managed database (x-defang-postgres, x-defang-redis, x-defang-mongodb), with backups and encryption",
        refusedOn: [],
        approximatedOn: ["aws", "gcp"],
    },
    "shared-volume-writers": {
        message: "a Cloud Storage volume has no file locks and keeps the last whole file written: writers that change the same files at once overwrite each other",
        hint: "let one service with one instance write the volume and mount it `read_only` elsewhere, or keep shared state in a managed database",
        refusedOn: [],
        approximatedOn: ["gcp"],
    },
    "udp-port": {
        message: "UDP ports are not available: the container runtime carries TCP only",
        hint: "use TCP, or deploy this service to AWS (a network load balancer carries UDP)",
        refusedOn: ["gcp", "digitalocean"],
    },
    "multiple-ingress-ports": {
        message: "a service can have one public HTTP port",
        hint: "keep one public port and move the others to `expose` (reachable from the project's services), or split the service",
        refusedOn: ["digitalocean"],
    },
    "non-http-port": {
        message: "a public port that does not carry HTTP cannot be served: the cloud's front end takes HTTP, HTTP/2, gRPC and WebSockets only",
        hint: "use x-defang-postgres or x-defang-redis for a database or cache, move the port to `expose` if only the project's services use it, set `app_protocol: http` if it does speak HTTP, or deploy this service to AWS (a network load balancer carries TCP and UDP)",
        refusedOn: ["gcp", "digitalocean"],
    },
    "private-tcp-port": {
        message: "a private port that does not carry HTTP cannot be reached: Cloud Run serves HTTP only, and a worker pool has no address the project's services could reach",
        hint: "use x-defang-postgres or x-defang-redis for a database or cache, set `app_protocol: http` if the port does speak HTTP, or deploy this service to AWS or DigitalOcean",
        refusedOn: ["gcp"],
    },
    "http2-port": {
        message: "a public HTTP/2 or gRPC port cannot be served: the App's front end forwards HTTP/1.1 to the container",
        hint: "serve HTTP/1.1 (or gRPC-Web) on this port, move it to `expose` if only the project's services use it, or deploy this service to AWS or Google Cloud",
        refusedOn: ["digitalocean"],
    },
    "published-port": {
        message: "the published port cannot be chosen: the service is served over HTTPS on port 443 at its URL",
        hint: "publish it on 443 or 80 to say so (on DigitalOcean that also serves it at `/` of the App), or leave `published` out",
        refusedOn: [],
        approximatedOn: ["gcp", "digitalocean"],
    },
    "published-range": {
        message: "a published port range (one host port per replica in Docker) cannot be given to a load balancer",
        hint: "publish one port (e.g. `8000:80`); the load balancer spreads requests across the replicas",
        refusedOn: ALL,
    },
    arm64: {
        message: "arm64 containers are not available: services run on x86-64 (linux/amd64)",
        hint: "use linux/amd64 (a multi-arch image or a build for amd64), or remove `platform`",
        refusedOn: ["gcp", "digitalocean"],
    },
    platform: {
        message: "containers run on Linux, on x86-64 (and on arm64 where the cloud offers it), not on this platform",
        hint: "use linux/amd64 (or linux/arm64 on AWS), or remove `platform`",
        refusedOn: ALL,
    },
    "internal-network-ingress": {
        message: "the service is only on `internal: true` networks, which are not reachable from outside the project, so this port cannot be public",
        hint: "make the port `mode: host` (reachable from the project's services), or attach the service to a network that is not internal as well",
        refusedOn: ALL,
    },
    "internal-network": {
        message: "the service is only on `internal: true` networks, so it must have no internet access; this cloud cannot take internet access away from a container yet",
        hint: "attach the service to a network that is not internal as well (it then keeps internet access, as in compose), or remove `internal: true`",
        refusedOn: ["digitalocean"],
    },
    "container-user": {
        message: "the user a container runs as cannot be chosen",
        hint: "set USER in the image's Dockerfile and remove `user`",
        refusedOn: ["digitalocean"],
    },
    "working-dir": {
        message: "the working directory of a container cannot be chosen",
        hint: "set WORKDIR in the image's Dockerfile and remove `working_dir`",
        refusedOn: ["digitalocean"],
    },
    "image-registry": {
        message: "images can only be pulled from Docker Hub, GitHub Container Registry (ghcr.io) or DigitalOcean Container Registry",
        hint: "push the image to one of them, or build it from source with `build`",
        refusedOn: ["digitalocean"],
    },
    "cloud-run-environment": {
        message: "Cloud Run sets this variable itself (PORT to the container port); the value in the environment is not used",
        hint: "remove it from `environment`, or read the value Cloud Run gives",
        refusedOn: [],
        approximatedOn: ["gcp"],
    },
    "healthcheck-command": {
        message: "the cloud cannot run a command in the container to check its health; only its port is probed (over TCP)",
        hint: "check an HTTP path with `curl -f http://localhost:PORT/PATH` (or wget) so the cloud probes that path",
        refusedOn: [],
        approximatedOn: ["gcp", "digitalocean"],
    },
} satisfies Record<string, FeatureEntry>;

/** Variables Cloud Run sets in every container, over the service's environment. */
export const CLOUD_RUN_ENVIRONMENT: ReadonlySet<string> = new Set(["PORT", "K_SERVICE", "K_REVISION", "K_CONFIGURATION"]);

/** The id of a feature of the table: a misspelt id fails the build. */
export type FeatureId = keyof typeof FEATURES;

/** Every feature id of the table, in its order. */
export const FEATURE_IDS: readonly FeatureId[] = Object.keys(FEATURES) as FeatureId[];

/** The message, fix and clouds of feature `id`. */
export function featureEntry(id: FeatureId): FeatureEntry {
    return FEATURES[id];
}

/** Whether `id` (read from outside the code, e.g. a test's list) is a feature of the table. */
export function isFeatureId(id: string): id is FeatureId {
    return Object.prototype.hasOwnProperty.call(FEATURES, id);
}

/** The ids of the features `cloud` refuses. */
export function refusedFeatures(cloud: CloudName): Set<FeatureId> {
    return new Set(FEATURE_IDS.filter((id) => featureEntry(id).refusedOn.includes(cloud)));
}
