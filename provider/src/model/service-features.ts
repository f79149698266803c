/**
 * Features of a compose service that a managed cloud may not offer, collected for the capability
 * check (which decides, per cloud, which of them refuse the deployment).
 */
import { ComposeService } from "../compose/types";
import { isManaged } from "../compose/lifecycle";
import { extensionEnabled } from "../compose/rules/report";
import { FeatureUse } from "./types";

const DOCKER_SOCKET = /(^|\/)docker\.sock$/;
/** Host addresses that mean "every address": a port bound to one of them is not private to the host. */
const ANY_ADDRESS = new Set(["0.0.0.0", "::", "[::]"]);

export function hostFeatures(svc: ComposeService): FeatureUse[] {
    const out: FeatureUse[] = [];
    if (svc.network_mode === "host") out.push({ feature: "network-mode-host", field: ["network_mode"] });
    else if (svc.network_mode && /^(service|container):/.test(svc.network_mode)) out.push({ feature: "network-mode-shared", field: ["network_mode"], detail: svc.network_mode });
    if (svc.privileged === true) out.push({ feature: "privileged", field: ["privileged"] });
    if (svc.devices && svc.devices.length > 0) out.push({ feature: "devices", field: ["devices"] });
    // A managed database keeps its data in its own storage: its data directory's volume is not mounted anywhere.
    (isManaged(svc) ? [] : (svc.volumes ?? [])).forEach((v, i) => {
        if (v.type === "bind" && (DOCKER_SOCKET.test(v.source ?? "") || DOCKER_SOCKET.test(v.target))) {
            out.push({ feature: "docker-socket", field: ["volumes", i], detail: v.source });
        } else if (v.type === "bind" || v.type === "volume") {
            out.push({ feature: "volumes", field: ["volumes", i], detail: v.source ? `${v.source}:${v.target}` : v.target });
        }
    });
    if (svc.models && Object.keys(svc.models).length > 0) out.push({ feature: "model-runner", field: ["models"] });
    if (extensionEnabled(svc["x-defang-static-files"])) out.push({ feature: "managed-static-files", field: ["x-defang-static-files"] });
    return out;
}
