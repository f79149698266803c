/**
 * The table, part 2: settings of a Docker host and its kernel (capabilities, namespaces, cgroups,
 * terminals, logging). A managed runtime picks them itself: they are refused where the app would
 * break without them, else approximated with a warning.
 */
import { AttributeEntry, approximated, entry, everywhere, refused } from "./types";

const notApplied = (attr: string, effect: string) => everywhere(approximated(`\`${attr}\` is a Docker host setting the cloud's container runtime does not apply; ${effect}`));
const RUNTIME_DEFAULT = "the runtime's default applies";

/** Attributes that tune the host kernel or the container runtime. */
const HOST_SETTINGS: Array<[string, string]> = [
    ["cap_drop", "the runtime's default capabilities apply (already fewer than Docker's)"],
    ["security_opt", "the runtime's own seccomp and AppArmor profiles apply"],
    ["sysctls", "the kernel's defaults apply"],
    ["ulimits", "the runtime's default limits apply"],
    ["pid", "the container has its own process namespace"],
    ["ipc", "the container has its own IPC namespace"],
    ["uts", "the container has its own host name"],
    ["userns_mode", RUNTIME_DEFAULT],
    ["cgroup", RUNTIME_DEFAULT],
    ["cgroup_parent", RUNTIME_DEFAULT],
    ["device_cgroup_rules", "no devices are available anyway"],
    ["oom_kill_disable", "a container past its memory is stopped and started again"],
    ["oom_score_adj", RUNTIME_DEFAULT],
    ["storage_opt", RUNTIME_DEFAULT],
    ["blkio_config", "disk bandwidth is the runtime's"],
    ["runtime", "the cloud's own container runtime is used"],
    ["isolation", "a Windows setting; containers run on Linux"],
    ["credential_spec", "a Windows setting; containers run on Linux"],
    ["group_add", "the image's groups apply"],
    ["cpu_count", "a Windows setting; use `deploy.resources` for the size"],
    ["cpu_percent", "a Windows setting; use `deploy.resources` for the size"],
    ["cpu_period", "use `deploy.resources` for the size"],
    ["cpu_quota", "use `deploy.resources` for the size"],
    ["cpu_rt_period", "no real-time scheduling"],
    ["cpu_rt_runtime", "no real-time scheduling"],
    ["cpu_shares", "each container has its own CPUs"],
    ["cpuset", "each container has its own CPUs"],
    ["mem_swappiness", "containers have no swap"],
    ["memswap_limit", "containers have no swap"],
    ["pids_limit", RUNTIME_DEFAULT],
    ["shm_size", "/dev/shm has the runtime's default size"],
];

/** Settings whose children are covered by the same entry. */
const WITH_CHILDREN = new Set(["ulimits", "blkio_config", "credential_spec"]);

export const SERVICE_HOST: AttributeEntry[] = [
    ...HOST_SETTINGS.map(([attr, effect]) =>
        entry(attr, `a Docker host or kernel setting: the managed runtime does not expose it; the app still runs (${effect})`, notApplied(attr, effect), WITH_CHILDREN.has(attr) ? { coversChildren: true } : {}),
    ),
    entry("privileged", "full access to the host: no managed runtime allows it", everywhere(refused("privileged"))),
    entry("cap_add", "a process that needs an added capability (NET_ADMIN, SYS_ADMIN) fails without it; managed runtimes do not add them", everywhere(refused("capabilities"))),
    entry("devices", "host devices: there is no host to take them from", everywhere(refused("devices")), { coversChildren: true }),
    entry("use_api_socket", "the Docker engine API inside the container: there is no engine", everywhere(refused("api-socket"))),
    entry(
        "tty",
        "a terminal for `docker attach`: nobody attaches to a cloud container, the process runs the same",
        everywhere(approximated("`tty` is not applied: nobody attaches a terminal to a cloud container; output goes to the cloud's logs")),
    ),
    entry(
        "stdin_open",
        "standard input for `docker attach`: a cloud container's stdin is closed",
        everywhere(approximated("`stdin_open` is not applied: a cloud container's standard input is closed, a process that waits on it sees end of file")),
    ),
    entry("attach", "whether `docker compose up` shows the service's output: the cloud's logs keep it", everywhere(approximated("`attach` is not applied: every service's output goes to the cloud's logs"))),
    entry("init", "an init process that reaps zombies and forwards signals", everywhere(approximated("`init` is not applied: the image's entrypoint is process 1; use an image with tini if it needs one"))),
    entry("read_only", "a read-only root file system", everywhere(approximated("`read_only` is not applied: the container's file system is writable (and lost when it stops)"))),
    entry(
        "container_name",
        "the container's name on the host: the cloud names containers itself; other services reach this one by its service name",
        everywhere(approximated("`container_name` is not applied: the cloud names containers itself; other services reach this one by its service name")),
    ),
    entry(
        "logging",
        "the log driver of the Docker host: the cloud collects standard output and error itself",
        {
            aws: approximated("`logging` is not applied: output goes to CloudWatch Logs"),
            gcp: approximated("`logging` is not applied: output goes to Cloud Logging"),
            digitalocean: approximated("`logging` is not applied: output goes to App Platform's logs"),
        },
        { coversChildren: true },
    ),
    entry("develop", "`docker compose watch` for local development: there is nothing to watch in the cloud", everywhere(approximated("`develop` is a local development setting; it is not applied in the cloud")), {
        coversChildren: true,
    }),
    entry("post_start", "a command run in the container after it starts: an app that needs it breaks without it", everywhere(refused("lifecycle-hooks")), { coversChildren: true }),
    entry("pre_start", "a command run before the container starts: an app that needs it breaks without it", everywhere(refused("lifecycle-hooks")), { coversChildren: true }),
    entry("pre_stop", "a command run in the container before it stops: an app that needs it loses its shutdown work", everywhere(refused("lifecycle-hooks")), { coversChildren: true }),
];
