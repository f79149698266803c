/**
 * The table, part 3: how many containers run, how large, how they are checked, restarted, ordered
 * and stopped (`deploy`, `healthcheck`, `restart`, `depends_on`, the legacy size attributes).
 */
import { AttributeEntry, PerCloud, approximated, entry, everywhere, mapped, refused } from "./types";

const size: PerCloud = {
    aws: mapped("Fargate task `cpu` and `memory` (the smallest size that fits)"),
    gcp: mapped("Cloud Run container `resources.limits` cpu and memory"),
    digitalocean: mapped("App Platform `instance_size_slug` (the smallest size that fits)"),
};
const count: PerCloud = {
    aws: mapped("ECS service `desiredCount`"),
    gcp: mapped("Cloud Run instance count (`scaling`)"),
    digitalocean: mapped("component `instance_count`"),
};
const gpus: PerCloud = {
    aws: refused("gpu-fargate"),
    gcp: mapped('Cloud Run GPU: template `nodeSelector.accelerator` (`nvidia-l4`, or the type in the device\'s `options` or `defang:gpu`), container `resources.limits["nvidia.com/gpu"]`, CPU always allocated'),
    digitalocean: refused("gpu"),
};
/** The GPU features, found in the model (`gpus.ts`): each cloud refuses or warns about its own. */
const GPU_FEATURES = ["gpu", "gpu-fargate", "gpu-cloud-run"] as const;
const swarmOnly = (attr: string, effect: string) => everywhere(approximated(`\`${attr}\` is a Swarm setting the cloud does not apply; ${effect}`));

const probe: PerCloud = {
    aws: mapped("container definition `healthCheck` (and the target group's health check for ingress ports)"),
    gcp: mapped("Cloud Run startup and liveness probes"),
    digitalocean: mapped("component `health_check`"),
};

export const SERVICE_DEPLOY: AttributeEntry[] = [
    entry("deploy", "how the service runs: size, replicas", count),
    entry("deploy.replicas", "the number of containers", count, { features: ["zero-replicas", "zero-replicas-app-platform", "zero-replicas-job"] }),
    entry(
        "deploy.mode",
        "`replicated` runs `replicas` containers; `global` (one per node) has no nodes to follow",
        everywhere(approximated("`deploy.mode` is not applied: the cloud runs `deploy.replicas` containers (there are no nodes for `global`)")),
    ),
    entry("deploy.resources", "the size of each container", size),
    entry("deploy.resources.reservations", "what each container is given", size),
    entry("deploy.resources.reservations.cpus", "virtual CPUs of each container", size),
    entry("deploy.resources.reservations.memory", "memory of each container", size),
    entry("deploy.resources.reservations.devices", "devices such as GPUs (`capabilities: [gpu]`); other devices are host devices", gpus, { coversChildren: true, features: GPU_FEATURES }),
    entry("deploy.resources.reservations.generic_resources", "Swarm generic resources (node-level): the cloud has no nodes", everywhere(refused("generic-resources")), { coversChildren: true }),
    entry("deploy.resources.limits", "used for the size when there are no reservations", size),
    entry("deploy.resources.limits.cpus", "used for the size when there is no reservation", size),
    entry("deploy.resources.limits.memory", "used for the size when there is no reservation", size),
    entry("deploy.resources.limits.pids", "a kernel limit of the host", everywhere(approximated("`deploy.resources.limits.pids` is not applied: the runtime's default process limit applies"))),
    entry("deploy.restart_policy", "Swarm's restart policy: the cloud restarts failed containers itself", swarmOnly("deploy.restart_policy", "the cloud starts a failed container again"), { coversChildren: true }),
    entry(
        "deploy.update_config",
        "Swarm's rolling update settings",
        {
            aws: approximated("`deploy.update_config` is not applied: ECS replaces tasks with a rolling deployment (100% minimum healthy, 200% maximum)"),
            gcp: approximated("`deploy.update_config` is not applied: Cloud Run moves traffic to a new revision once it is ready"),
            digitalocean: approximated("`deploy.update_config` is not applied: App Platform replaces instances with a rolling deployment"),
        },
        { coversChildren: true },
    ),
    entry("deploy.rollback_config", "Swarm's rollback settings", swarmOnly("deploy.rollback_config", "a failed deployment stops where the cloud stops it"), { coversChildren: true }),
    entry("deploy.placement", "Swarm node constraints: the cloud has no nodes to choose", swarmOnly("deploy.placement", "the cloud places containers itself"), { coversChildren: true }),
    entry("deploy.endpoint_mode", "Swarm's virtual IP or DNS round robin: services reach each other by name either way", everywhere(mapped("services reach each other by name (private DNS)"))),
    entry("deploy.labels", "labels of the Swarm service", everywhere(approximated("`deploy.labels` are not applied in the cloud"))),
    entry("scale", "the number of containers, the older way: used when `deploy.replicas` is not set", count),
    entry("cpus", "the CPUs of the container, the older way: used when `deploy.resources` gives none", size),
    entry("mem_limit", "the memory of the container, the older way: used when `deploy.resources` and `mem_reservation` give none", size),
    entry("mem_reservation", "the memory of the container, the older way: used when `deploy.resources` gives none", size),
    entry("gpus", "GPUs for the container", gpus, { coversChildren: true, features: GPU_FEATURES }),
    entry("healthcheck", "whether the container works; an unhealthy container is replaced", probe, { features: ["healthcheck-command"] }),
    entry("healthcheck.test", "the check: an HTTP request to localhost becomes an HTTP probe of that path", probe, { features: ["healthcheck-command"] }),
    entry("healthcheck.interval", "time between checks", probe),
    entry("healthcheck.timeout", "time a check may take", probe),
    entry("healthcheck.retries", "failures before the container is unhealthy", probe),
    entry("healthcheck.start_period", "time the container has to start", probe),
    entry("healthcheck.disable", "no check: the cloud's default (a TCP check of the port) applies", probe),
    entry("healthcheck.start_interval", "time between checks while starting", everywhere(approximated("`healthcheck.start_interval` is not applied: checks run every `interval` from the start"))),
    entry("restart", 'the cloud runs services and starts an exited container again; `restart: "no"` (or `deploy.restart_policy.condition: none`) without ports runs once', {
        aws: mapped("ECS service scheduler (keeps `desiredCount` tasks running); a one-off job is a task run once per change during `pulumi up` and waited for"),
        gcp: mapped("Cloud Run keeps instances running; a one-off job is a Cloud Run job executed on create and update (`runExecutionToken`)"),
        digitalocean: mapped("App Platform service or worker; a one-off job is an App job (PRE_DEPLOY, or POST_DEPLOY when it waits for services)"),
    }),
    entry("depends_on", "start order: dependencies are created first", everywhere(mapped("resource dependencies: a service is created after the ones it depends on")), { coversChildren: true }),
    entry("stop_grace_period", "time between SIGTERM and SIGKILL", {
        aws: mapped("container definition `stopTimeout` (at most 120 s)"),
        gcp: approximated("`stop_grace_period` is not applied: Cloud Run gives a container 10 seconds after SIGTERM"),
        digitalocean: mapped("component `termination.grace_period_seconds`"),
    }),
    entry("stop_signal", "the signal that asks the container to stop", everywhere(approximated("`stop_signal` is not applied: the cloud stops containers with SIGTERM"))),
];
