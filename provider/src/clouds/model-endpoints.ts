/**
 * What serves a project's model endpoints (`model/model-endpoints.ts`) on each cloud, and what the
 * services that use them are given. Pure: no cloud SDK, so `validate`, `plan` and the deployment
 * see the same components.
 *
 * - AWS and Google Cloud: each endpoint is a private OpenAI-compatible gateway service
 *   (`defangio/openai-access-gateway`) in the project, which calls the cloud's managed model
 *   (Bedrock, Vertex AI) as its own identity; only its identity may invoke the model. The services
 *   that use it get `http://<endpoint>/api/v1/` (Google Cloud rewrites it to the gateway's
 *   Cloud Run URL like any other reference to a service) and the cloud's model id.
 * - DigitalOcean: serverless inference already is an OpenAI-compatible endpoint, so no gateway
 *   runs: the services get `https://inference.do-ai.run/v1/`, the model id and the model access key
 *   (a SECRET), and a URL naming a provider service (`http://llm/api/v1/`) is rewritten to it.
 *
 * A model name the cloud's table cannot map is refused, naming the closest models the cloud offers.
 */
import { resolveModel } from "../model/model-catalog";
import { CLIENT_KEY_VARIABLE } from "../model/model-endpoints";
import { UnsupportedFeature } from "../model/errors";
import { fieldText } from "../model/translation/dispositions";
import { CloudName, ComponentModel, EnvVar, ServiceModel } from "../model/types";
import { rewriteHostReferences } from "../model/host-references";
import { INFERENCE_ENDPOINT } from "./digitalocean/models/model-access";

/** The gateway image that serves a model endpoint on AWS and Google Cloud. */
export const MODEL_GATEWAY_IMAGE = "defangio/openai-access-gateway";
/** The path prefix the gateway serves the OpenAI API under. */
export const MODEL_GATEWAY_PATH = "/api/v1/";

/** How a cloud serves model endpoints. */
interface EndpointStyle {
    /** A gateway container in the project serves each endpoint; else the cloud's own endpoint does. */
    gateway: boolean;
    /** The base URL the services using `endpoint` get. */
    url(endpoint: string): string;
}

const GATEWAY: EndpointStyle = { gateway: true, url: (endpoint) => `http://${endpoint}${MODEL_GATEWAY_PATH}` };

const STYLES: Record<CloudName, EndpointStyle> = {
    aws: GATEWAY,
    gcp: GATEWAY,
    digitalocean: { gateway: false, url: () => `${INFERENCE_ENDPOINT}/` },
};

/** The OpenAI-compatible base URL the services using `endpoint` are given on `cloud` (before a cloud rewrites service names). */
export function modelEndpointUrl(endpoint: string, cloud: CloudName): string {
    return STYLES[cloud].url(endpoint);
}

/** Every model endpoint whose model `cloud` cannot serve, with the closest models it offers. */
export function modelRefusals(components: ComponentModel[], cloud: CloudName): UnsupportedFeature[] {
    const out: UnsupportedFeature[] = [];
    for (const c of components) {
        if (c.kind !== "service" || !c.modelEndpoint) continue;
        const resolved = resolveModel(c.modelEndpoint.model, cloud);
        if (resolved.kind === "mapped") continue;
        const { service, field, what } = c.modelEndpoint.declaredAt;
        out.push({
            service,
            field: fieldText(field),
            message: `${what} asks for "${c.modelEndpoint.model}": ${resolved.reason}`,
            hint: `use a model this cloud serves, e.g. ${resolved.closest.map((m) => `"${m}"`).join(", ")} (a cloud model id is taken as written), or deploy to a cloud that maps it (see the README's model table)`,
        });
    }
    return out;
}

/**
 * The components as `cloud` deploys them: gateways given their image, model and environment (or,
 * on DigitalOcean, left out), and the services that use a model given its variables. Applying it
 * again changes nothing. Endpoints whose model the cloud refuses are kept as they are, for the
 * verdict to refuse (`modelRefusals`).
 */
export function componentsForCloud(components: ComponentModel[], cloud: CloudName): ComponentModel[] {
    const style = STYLES[cloud];
    const endpoints = new Map<string, ServiceModel>();
    for (const c of components) if (c.kind === "service" && c.modelEndpoint) endpoints.set(c.name, c);
    if (endpoints.size === 0 && !components.some((c) => c.kind === "service" && c.modelUses)) return components;
    const idOf = (model: string) => {
        const r = resolveModel(model, cloud);
        return r.kind === "mapped" ? r : undefined;
    };
    const dropped = new Set<string>();
    if (!style.gateway) for (const [name, e] of endpoints) if (idOf(e.modelEndpoint!.model)) dropped.add(name);

    const out: ComponentModel[] = [];
    for (const c of components) {
        if (dropped.has(c.name)) continue;
        if (c.kind !== "service") {
            out.push(c);
            continue;
        }
        let s: ServiceModel = c;
        if (s.modelEndpoint && style.gateway) s = gatewayOf(s, cloud);
        if (dropped.size > 0) s = withEndpointUrlsRewritten(s, dropped, endpoints, cloud);
        if (s.modelUses) s = withModelVariables(s, style, cloud, !style.gateway);
        if (dropped.size > 0) s = { ...s, dependsOn: s.dependsOn.filter((d) => !dropped.has(d)) };
        out.push(s);
    }
    return out;
}

/** A variable unless the service sets it itself. */
function addUnlessSet(environment: EnvVar[], name: string, value: string): EnvVar[] {
    return environment.some((e) => e.name === name) ? environment : [...environment, { name, value: { kind: "literal", value } }];
}

/** The gateway container of a model endpoint: the model it serves by default (`default` in requests) and the only one its identity may call. */
function gatewayOf(endpoint: ServiceModel, cloud: CloudName): ServiceModel {
    const resolved = resolveModel(endpoint.modelEndpoint!.model, cloud);
    if (resolved.kind !== "mapped") return endpoint;
    let environment = addUnlessSet(endpoint.environment, "DEFAULT_MODEL", resolved.id);
    // The network is private and only the model's users reach it: an empty key lets any client in, as Docker Model Runner does.
    environment = addUnlessSet(environment, "OPENAI_API_KEY", "");
    const llm = resolved.bedrockProfile ? { models: [], profileModels: [resolved.id] } : { models: [resolved.id] };
    return { ...endpoint, image: endpoint.image ?? MODEL_GATEWAY_IMAGE, environment, llm };
}

/** The variables of each model the service uses; `directAccess`: the service calls the cloud's endpoint itself (it gets the access the model needs). */
function withModelVariables(s: ServiceModel, style: EndpointStyle, cloud: CloudName, directAccess: boolean): ServiceModel {
    let environment = s.environment;
    const direct: string[] = [];
    for (const use of s.modelUses ?? []) {
        const resolved = resolveModel(use.model, cloud);
        if (resolved.kind !== "mapped") continue;
        environment = addUnlessSet(environment, use.urlVariable, style.url(use.endpoint));
        environment = addUnlessSet(environment, use.modelVariable, resolved.id);
        direct.push(resolved.id);
    }
    if (!directAccess || direct.length === 0) return { ...s, environment };
    const models = [...new Set([...(s.llm?.models ?? []), ...direct])];
    // The cloud's endpoint takes its own key: a key the service wrote for a local runner gives way to it (warned of as `model-client-key`).
    environment = environment.filter((e) => !(e.name === CLIENT_KEY_VARIABLE && e.value.kind === "literal"));
    return { ...s, environment, llm: { ...s.llm, models } };
}

/**
 * DigitalOcean: a URL naming a model endpoint that no container serves (`http://llm/api/v1/`)
 * becomes the serverless inference URL (`/api/v1` and `/v1` both become `/v1`), and the service
 * then uses that model.
 */
function withEndpointUrlsRewritten(s: ServiceModel, dropped: Set<string>, endpoints: Map<string, ServiceModel>, cloud: CloudName): ServiceModel {
    const base = INFERENCE_ENDPOINT.replace(/\/v1$/, "");
    const used = new Set<string>();
    const environment = s.environment.map((e) => {
        if (e.value.kind !== "literal") return e;
        const value = rewriteHostReferences(e.value.value, dropped, (ref) => {
            if (ref.form !== "url") return undefined;
            used.add(ref.name);
            let path = (ref.path ?? "").replace(/^\/api(?=\/v1(?:\/|$))/, "");
            if (!/^\/v1(?:\/|$)/.test(path)) path = `/v1${path === "/" ? "/" : path}`;
            return `${base}${path}${ref.query ?? ""}`;
        });
        return value === e.value.value ? e : { name: e.name, value: { kind: "literal" as const, value } };
    });
    if (used.size === 0) return s;
    const ids = [...used].map((n) => resolveModel(endpoints.get(n)!.modelEndpoint!.model, cloud)).flatMap((r) => (r.kind === "mapped" ? [r.id] : []));
    return { ...s, environment, llm: { ...s.llm, models: [...new Set([...(s.llm?.models ?? []), ...ids])] } };
}
