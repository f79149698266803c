/**
 * Everything a cloud refuses of some components, checked before any of them registers: the
 * capability table (features the cloud cannot run) and the backend's own tables (sizes, engine
 * versions, routing), reported together in one `UnsupportedFeaturesError`.
 */
import { CloudBackend } from "../clouds/backend";
import { backendFor } from "../clouds/registry";
import { unsupportedFeatures } from "../model/capabilities";
import { UnsupportedFeature, UnsupportedFeaturesError } from "../model/errors";
import { fieldPath } from "../model/field-path";
import { CloudName, ComponentModel, ProjectModel } from "../model/types";

/** The backend of `cloud`, once it is known to accept `components`; throws listing every refusal. */
export function checkCloud(components: ComponentModel[], cloud: CloudName, locate?: ProjectModel["locate"]): CloudBackend {
    const features = unsupportedFeatures(components, cloud, locate);
    const backend = backendFor(cloud);
    const seen = new Set(features.map(sameProblem));
    for (const f of backend.preflight(components)) {
        if (seen.has(sameProblem(f))) continue;
        seen.add(sameProblem(f));
        const location = locate?.(f.service, fieldPath(f.field)) ?? locate?.(f.service, []);
        features.push(location ? { ...f, location } : f);
    }
    if (features.length > 0) throw new UnsupportedFeaturesError(cloud, features);
    return backend;
}

/** The capability table and a backend may both refuse a size: `deploy.resources.reservations.cpus` and `resources.cpus` are one problem. */
function sameProblem(f: UnsupportedFeature): string {
    const last = f.field.split(".").pop();
    return `${f.service}\u0000${last}`;
}
