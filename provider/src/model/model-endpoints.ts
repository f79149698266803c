/**
 * Compose models as the project's model endpoints, cloud-neutral:
 *
 * - a top-level `models:` entry that some service lists in its `models` becomes a model endpoint
 *   named after its key (a service of its own, `<key>-model` when a service already has the key's
 *   name); every service that lists it gets `<KEY>_URL` and `<KEY>_MODEL` (the key upper-cased,
 *   `-` as `_`), or the long form's `endpoint_var` / `model_var`, as Compose gives them;
 * - a `provider: { type: model, options: { model: ... } }` service is a model endpoint under its
 *   own name: the services that depend on it get `<SERVICE>_URL` and `<SERVICE>_MODEL`, and they
 *   reach it by its name (`http://llm/...`) as in Compose.
 *
 * What serves an endpoint, and what the variables hold, is each cloud's (`clouds/model-endpoints.ts`).
 */
import { ComposeProject, ComposeService } from "../compose/types";
import { FeatureUse, ModelUse, ServiceModel } from "./types";

/** The port a model endpoint listens on in the project's private network. */
export const MODEL_ENDPOINT_PORT = 80;
/** What a model endpoint's gateway container asks for, unless a provider service says otherwise. */
export const MODEL_ENDPOINT_RESOURCES = { cpus: 0.25, memoryMiB: 512 } as const;

/** `ai-model` -> `AI_MODEL`: how Compose names a model's variables after its key (or a provider service's name). */
export function modelVariablePrefix(name: string): string {
    return name.toUpperCase().replace(/-/g, "_");
}

/** The model a `provider: type: model` service names, or a feature use saying why it cannot be one. */
export function providerModel(svc: ComposeService): { model: string } | { problem: FeatureUse } | undefined {
    const provider = svc.provider as { type?: unknown; options?: Record<string, unknown> } | undefined;
    if (provider === undefined || provider === null) return undefined;
    if (provider.type !== "model") return { problem: { feature: "model-provider", field: ["provider", "type"], detail: `type ${String(provider.type)}` } };
    const option = provider.options?.model;
    const model = Array.isArray(option) ? option[0] : option;
    if (typeof model !== "string" || model.trim() === "") return { problem: { feature: "model-provider", field: ["provider", "options"], detail: "no `model` option" } };
    return { model: model.trim() };
}

/** The component name of each top-level model some service uses. */
export function modelEndpointNames(project: ComposeProject): Map<string, string> {
    const used = new Set<string>();
    for (const svc of Object.values(project.services)) for (const key of Object.keys(svc.models ?? {})) used.add(key);
    const names = new Map<string, string>();
    for (const key of [...used].sort()) {
        if (!project.models?.[key]) continue;
        names.set(key, project.services[key] ? `${key}-model` : key);
    }
    return names;
}

/** The model endpoint components of the top-level models the project's services use. */
export function topLevelModelEndpoints(project: ComposeProject, names: Map<string, string>): ServiceModel[] {
    const out: ServiceModel[] = [];
    for (const [key, name] of names) {
        const firstUser = Object.entries(project.services)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .find(([, svc]) => Object.keys(svc.models ?? {}).includes(key))?.[0];
        const declared = project.models?.[key];
        if (firstUser === undefined || !declared) throw new Error(`model "${key}": no service uses it, or it is not a top-level model`);
        out.push({
            kind: "service",
            name,
            aliases: [],
            ports: [{ target: MODEL_ENDPOINT_PORT, mode: "host", protocol: "tcp", appProtocol: "http" }],
            resources: { ...MODEL_ENDPOINT_RESOURCES },
            dependsOn: [],
            features: [],
            environment: [],
            replicas: 1,
            architecture: "x86_64",
            modelEndpoint: { model: declared.model, declaredAt: { service: firstUser, field: ["models", key], what: `model "${key}"` } },
        });
    }
    return out;
}

/** The top-level models `svc` lists, with their variables; `names` gives each model's endpoint. */
export function modelUsesOf(svc: ComposeService, project: ComposeProject, names: Map<string, string>): ModelUse[] {
    const uses: ModelUse[] = [];
    for (const [key, ref] of Object.entries(svc.models ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
        const endpoint = names.get(key);
        const declared = project.models?.[key];
        if (!endpoint || !declared) continue;
        const prefix = modelVariablePrefix(key);
        uses.push({ endpoint, model: declared.model, urlVariable: ref?.endpoint_var ?? `${prefix}_URL`, modelVariable: ref?.model_var ?? `${prefix}_MODEL` });
    }
    return uses;
}

/** The variable OpenAI clients read their key from. */
export const CLIENT_KEY_VARIABLE = "OPENAI_API_KEY";

/** A model user that writes its own client key: a cloud whose services call the managed endpoint directly replaces it (a feature some clouds approximate). */
export function clientKeyFeature(service: ServiceModel): FeatureUse | undefined {
    if (!service.modelUses?.length) return undefined;
    const key = service.environment.find((e) => e.name === CLIENT_KEY_VARIABLE);
    return key && key.value.kind === "literal" ? { feature: "model-client-key", field: ["environment", CLIENT_KEY_VARIABLE] } : undefined;
}

/**
 * A model user that writes its own model variable (`LLM_MODEL: default`): the value is kept, as the
 * service's own environment always is, but the endpoint serves the mapped model id. `default` is the
 * gateway's name for its model (AWS, Google Cloud); DigitalOcean's endpoint has no model by that name.
 */
export function ownModelNameFeatures(service: ServiceModel): FeatureUse[] {
    const out: FeatureUse[] = [];
    for (const use of service.modelUses ?? []) {
        const own = service.environment.find((e) => e.name === use.modelVariable);
        if (!own || own.value.kind !== "literal" || own.value.value === use.model) continue;
        const feature = own.value.value === "default" ? "model-name-default" : "model-name-own";
        out.push({ feature, field: ["environment", use.modelVariable], detail: `${use.modelVariable}=${own.value.value}` });
    }
    return out;
}

/** What the services that depend on a provider service get from Compose: `<SERVICE>_URL` and `<SERVICE>_MODEL`. */
export function providerUse(endpoint: ServiceModel): ModelUse {
    const prefix = modelVariablePrefix(endpoint.name);
    return { endpoint: endpoint.name, model: endpoint.modelEndpoint!.model, urlVariable: `${prefix}_URL`, modelVariable: `${prefix}_MODEL` };
}
