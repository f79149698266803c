/**
 * What a plan says of model endpoints, which it cannot price (models are billed per token): for
 * each endpoint the model the cloud serves and where, and for each service that uses one the
 * variables it gets. Read from the components as the cloud deploys them (`clouds/model-endpoints.ts`).
 */
import { componentsForCloud, modelEndpointUrl } from "../clouds/model-endpoints";
import { resolveModel } from "../model/model-catalog";
import { CloudName, ComponentModel } from "../model/types";
import { CloudPlan } from "./types";

const SERVED_BY: Record<CloudName, string> = { aws: "Amazon Bedrock", gcp: "Vertex AI", digitalocean: "DigitalOcean serverless inference" };

/** Notes per compose service name. */
export function modelNotes(declared: ComponentModel[], cloud: CloudName): Map<string, string[]> {
    const notes = new Map<string, string[]>();
    const add = (service: string, note: string) => notes.set(service, [...(notes.get(service) ?? []), note]);
    for (const c of componentsForCloud(declared, cloud)) {
        if (c.kind !== "service") continue;
        if (c.modelEndpoint) {
            const r = resolveModel(c.modelEndpoint.model, cloud);
            if (r.kind === "mapped") add(c.name, `model endpoint ${modelEndpointUrl(c.name, cloud)}: "${c.modelEndpoint.model}" served as ${SERVED_BY[cloud]} model ${r.id}; per-token model use is not priced`);
        }
        for (const use of c.modelUses ?? []) {
            const r = resolveModel(use.model, cloud);
            if (r.kind !== "mapped") continue;
            add(c.name, `uses model "${use.model}" (${SERVED_BY[cloud]} ${r.id}) at ${modelEndpointUrl(use.endpoint, cloud)}: ${use.urlVariable}, ${use.modelVariable}; per-token model use is not priced`);
        }
    }
    return notes;
}

/** `plan` with the model notes of `declared` added to its services. */
export function withModelNotes(plan: CloudPlan, declared: ComponentModel[]): CloudPlan {
    if (plan.status !== "planned") return plan;
    const notes = modelNotes(declared, plan.cloud);
    if (notes.size === 0) return plan;
    return { ...plan, components: plan.components.map((c) => (notes.has(c.name) ? { ...c, notes: [...c.notes, ...notes.get(c.name)!] } : c)) };
}
