/**
 * Features of a Docker host that no managed container runtime (ECS Fargate, Cloud Run, App Platform)
 * has: host networking, privileged mode, devices, the Docker socket.
 *
 * They are valid Compose, so loading reports them as warnings (a file written for a Docker host
 * still loads); the translation table refuses them on every cloud (`model/translation/`), before
 * any resource is created. What each cloud approximates (host settings, `hostname`, volumes) is the
 * table's to say, per cloud.
 */
import { isManaged } from "../lifecycle";
import { Rule } from "./report";

/** Host networking, privileged mode, devices, the Docker socket. */
export const checkHostFeatures: Rule = (project, report, _ctx, services) => {
    for (const [name, svc] of services) {
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
        const volumes = svc.volumes;
        if (!volumes || isManaged(svc)) continue;
        for (let i = 0; i < volumes.length; i++) {
            const v = volumes[i];
            if (v?.type !== "bind" || !(isDockerSocket(v.source) || isDockerSocket(v.target))) continue;
            report.service(name, ["volumes", i], {
                severity: "warning",
                code: "docker-socket",
                message: `mounting the Docker socket (${v.source}) is not possible on a managed cloud, which has no Docker daemon to talk to; deploying this service will be refused`,
                hint: "remove this volume; tools that manage containers (Traefik, Watchtower, Portainer) are not needed, the cloud routes and restarts services",
            });
        }
    }
};

const SOCKET = "docker.sock";

/** `docker.sock`, or a path that ends in `/docker.sock`. */
function isDockerSocket(path: unknown): boolean {
    return typeof path === "string" && path.endsWith(SOCKET) && (path.length === SOCKET.length || path.charAt(path.length - SOCKET.length - 1) === "/");
}
