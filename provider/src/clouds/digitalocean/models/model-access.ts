/**
 * Managed models for `x-defang-llm` services and `DefangLLM`: DigitalOcean's serverless inference
 * (GenAI), an OpenAI-compatible API at one endpoint for every model it offers. The service gets
 * the endpoint and a model access key in the variables OpenAI clients read, and the model id.
 *
 * `@pulumi/digitalocean` has no resource for serverless inference model access keys (its GenAI
 * resources are agents, knowledge bases and BYO OpenAI keys), so the key is created once in the
 * control panel (GenAI Platform > Serverless Inference > Model Access Keys) and set as a secret:
 * `pulumi config set --secret DIGITALOCEAN_MODEL_ACCESS_KEY <key>`. It reaches the App as a SECRET env var.
 */
import { ConfigUse } from "../../../model/environment";
import { ComponentModel, EnvVar, ServiceModel } from "../../../model/types";

/** The stack config key (a secret) holding the model access key. */
export const MODEL_ACCESS_KEY_CONFIG = "DIGITALOCEAN_MODEL_ACCESS_KEY";
/** The OpenAI-compatible serverless inference endpoint. */
export const INFERENCE_ENDPOINT = "https://inference.do-ai.run/v1";
/** The variables the service gets (unless it sets them itself). */
export const BASE_URL_VARIABLE = "OPENAI_BASE_URL";
export const API_KEY_VARIABLE = "OPENAI_API_KEY";
export const MODEL_VARIABLE = "MODEL";
/** The key is also given under its own name, which the service cannot have set for something else. */
export const KEY_VARIABLE = MODEL_ACCESS_KEY_CONFIG;

/** The model access key, once for each service with managed model access: checked with the project's own config before anything is created. */
export function modelAccessConfigUses(components: ComponentModel[]): ConfigUse[] {
    return components.filter((c) => c.kind === "service" && c.llm).map((c) => ({ key: MODEL_ACCESS_KEY_CONFIG, usedBy: c.name }));
}

/**
 * The environment a model-using service gets added: the key under its own name, and, unless the
 * service sets them, the endpoint and key where OpenAI clients look, and the first model it names.
 */
export function modelAccessEnvironment(model: ServiceModel): EnvVar[] {
    if (!model.llm) return [];
    const has = (n: string) => model.environment.some((e) => e.name === n);
    const out: EnvVar[] = [];
    if (!has(KEY_VARIABLE)) out.push({ name: KEY_VARIABLE, value: { kind: "config", key: MODEL_ACCESS_KEY_CONFIG } });
    if (!has(BASE_URL_VARIABLE)) out.push({ name: BASE_URL_VARIABLE, value: { kind: "literal", value: INFERENCE_ENDPOINT } });
    if (!has(API_KEY_VARIABLE)) out.push({ name: API_KEY_VARIABLE, value: { kind: "config", key: MODEL_ACCESS_KEY_CONFIG } });
    const [firstModel] = model.llm.models;
    if (firstModel !== undefined && !has(MODEL_VARIABLE)) out.push({ name: MODEL_VARIABLE, value: { kind: "literal", value: firstModel } });
    return out;
}
