/**
 * Features of a compose service that a managed cloud may not offer, collected for the capability
 * check (which decides, per cloud, which of them refuse the deployment).
 */
import { ComposeService } from "../compose/types";
import { extensionEnabled } from "../compose/extension-flags";
import { FeatureUse } from "./types";

export function hostFeatures(svc: ComposeService): FeatureUse[] {
    const out: FeatureUse[] = [];
    if (svc.network_mode === "host") out.push({ feature: "network-mode-host", field: ["network_mode"] });
    else if (svc.network_mode && /^(service|container):/.test(svc.network_mode)) out.push({ feature: "network-mode-shared", field: ["network_mode"], detail: svc.network_mode });
    if (svc.privileged === true) out.push({ feature: "privileged", field: ["privileged"] });
    if (svc.devices && svc.devices.length > 0) out.push({ feature: "devices", field: ["devices"] });
    if (extensionEnabled(svc["x-defang-static-files"])) out.push({ feature: "managed-static-files", field: ["x-defang-static-files"] });
    return out;
}
