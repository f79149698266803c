/**
 * Features of a Docker host that a managed container runtime (ECS Fargate, Cloud Run, App Platform)
 * does not have: host networking, privileged mode, devices, the Docker socket, host directories.
 *
 * They are valid Compose, so loading reports them as warnings (a file written for a Docker host
 * still loads, and `validate` shows everything at once); the capability check of each cloud refuses
 * a project that uses them, before creating any resource.
 */
import { isManaged } from "../lifecycle";
import { Rule, services } from "./report";

/** Attributes that tune the host kernel or the container runtime; managed runtimes do not apply them. */
const HOST_SETTINGS = [
    "cap_add",
    "cap_drop",
    "security_opt",
    "sysctls",
    "ulimits",
    "pid",
    "ipc",
    "userns_mode",
    "cgroup",
    "cgroup_parent",
    "device_cgroup_rules",
    "extra_hosts",
    "dns",
    "dns_search",
    "dns_opt",
    "mac_address",
    "oom_kill_disable",
    "oom_score_adj",
    "storage_opt",
    "blkio_config",
    "runtime",
    "isolation",
];

const LOCAL_ONLY_HINT = "remove it, or move it to a local override file (compose.override.yaml) that is not deployed";

/** Host networking, privileged mode, devices, the Docker socket, bind mounts, volumes, host-level settings. */
export const checkHostFeatures: Rule = (project, report) => {
    for (const [name, svc] of services(project)) {
        const networkMode = svc.network_mode;
        if (networkMode === "host") {
            report.service(name, ["network_mode"], {
                severity: "warning",
                code: "network-mode-host",
                message: "host networking is not available on a managed cloud (services run on machines whose network they cannot share); deploying this service will be refused",
                hint: "remove network_mode and publish the ports the service listens on under `ports`",
            });
        } else if (networkMode && /^(service|container):/.test(networkMode)) {
            report.service(name, ["network_mode"], {
                severity: "warning",
                code: "network-mode-shared",
                message: `sharing the network of "${networkMode.replace(/^\w+:/, "")}" is not possible in the cloud: each service gets its own network address`,
                hint: "remove network_mode and reach the other service by its name",
            });
        }
        if (svc.privileged === true) {
            report.service(name, ["privileged"], {
                severity: "warning",
                code: "privileged",
                message: "privileged containers are not allowed by managed container runtimes; deploying this service will be refused",
                hint: "remove `privileged: true`; if the service needs specific rights, it cannot run on a managed runtime",
            });
        }
        if (svc.devices && svc.devices.length > 0) {
            report.service(name, ["devices"], {
                severity: "warning",
                code: "devices",
                message: "host devices cannot be mapped into a container on a managed cloud; deploying this service will be refused",
                hint: "remove `devices`; for GPUs use deploy.resources.reservations.devices with capabilities: [gpu]",
            });
        }
        // A managed database keeps its data in its own storage: the data directory's volume has no use there.
        (isManaged(svc) ? [] : (svc.volumes ?? [])).forEach((v, i) => {
            const where: Array<string | number> = ["volumes", i];
            const isSocket = /(^|\/)docker\.sock$/.test(v.source ?? "") || /(^|\/)docker\.sock$/.test(v.target);
            if (v.type === "bind" && isSocket) {
                report.service(name, where, {
                    severity: "warning",
                    code: "docker-socket",
                    message: `mounting the Docker socket (${v.source}) is not possible on a managed cloud, which has no Docker daemon to talk to; deploying this service will be refused`,
                    hint: "remove this volume; tools that manage containers (Traefik, Watchtower, Portainer) are not needed, the cloud routes and restarts services",
                });
            } else if (v.type === "bind") {
                report.service(name, where, {
                    severity: "warning",
                    code: "bind-mount",
                    message: `bind mount of ${v.source} is not available in the cloud: ${v.target} will be empty (or hold what the image put there)`,
                    hint: "copy the files into the image (COPY in the Dockerfile), or keep data in a managed service; keep bind mounts in a local override file",
                });
            } else if (v.type === "volume") {
                const what = v.source ? `volume "${v.source}"` : "an anonymous volume";
                report.service(name, where, {
                    severity: "warning",
                    code: "volume-not-persisted",
                    message: `${what} is not persisted in the cloud: ${v.target} starts empty each time the service starts`,
                    hint: "keep state in a managed service (x-defang-postgres, x-defang-redis, object storage), or accept that the data is lost on restart",
                });
            } else if (v.type && v.type !== "tmpfs") {
                report.service(name, where, {
                    severity: "warning",
                    code: "volume-unsupported",
                    message: `volumes of type ${v.type} are not supported in the cloud; ${v.target} will not be mounted`,
                    hint: LOCAL_ONLY_HINT,
                });
            }
        });
        if (svc.hostname) {
            report.service(name, ["hostname"], {
                severity: "warning",
                code: "hostname-ignored",
                message: `"${svc.hostname}" is ignored: in the cloud, services reach each other by service name ("${name}")`,
                hint: `remove hostname and use "${name}" to reach this service`,
            });
        }
        if (svc.container_name !== undefined) {
            report.service(name, ["container_name"], {
                severity: "warning",
                code: "container-name-ignored",
                message: `ignored: the cloud names the containers itself, and other services reach this one as "${name}"`,
                hint: "remove container_name",
            });
        }
        for (const attr of HOST_SETTINGS) {
            const value = svc[attr];
            if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
            report.service(name, [attr], {
                severity: "warning",
                code: "host-setting-ignored",
                message: "a Docker host setting; it is not applied in the cloud deployment",
                hint: LOCAL_ONLY_HINT,
            });
        }
    }
};
