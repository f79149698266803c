/**
 * Which Bedrock models a service may invoke, and the IAM policy that says so: pure functions, no
 * resources. Access is scoped to model ARNs: the models the service names, else the models found in
 * its environment, else every foundation model of the region (a scoped pattern, never `*`).
 */
import { EnvVar, ServiceModel } from "../../../model/types";
import { PolicyDocument } from "../iam/iam-policy";

/**
 * Invoking a model. The Converse and ConverseStream APIs have no IAM actions of their own: they are
 * authorized as InvokeModel and InvokeModelWithResponseStream.
 */
export const BEDROCK_INVOKE_ACTIONS = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"] as const;

/**
 * Listing the model catalog, which OpenAI-compatible gateways do to answer `/models`. These actions
 * take no resource, so they are granted on `*` (see `iam-wildcards.ts`); they reveal no data.
 */
export const BEDROCK_LIST_ACTIONS = ["bedrock:ListFoundationModels", "bedrock:ListInferenceProfiles"] as const;

/** The geography prefixes of Bedrock's cross-Region (system-defined) inference profiles, e.g. `us.anthropic.claude-...`. */
export const INFERENCE_PROFILE_PREFIXES: ReadonlySet<string> = new Set(["us", "us-gov", "eu", "apac", "jp", "au", "ca", "global"]);

/** Environment variables whose literal value may name a model: MODEL, LLM_MODEL, CHAT_MODEL_ID, ... */
const MODEL_VARIABLE = /^(?:[A-Za-z0-9_]*_)?MODEL(?:_ID)?$/i;

/** `vendor.model[-version][:n]`: a provider label, a dot, then the model's name. */
const FOUNDATION_MODEL_ID = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*(?:[.:][a-z0-9-]+)*$/;

/**
 * The profile prefix of a model called through the inference profile of whatever geography the
 * Region is in (a model of the model table that Bedrock serves on demand only through profiles).
 */
export const ANY_GEOGRAPHY = "*";

export interface BedrockModel {
    /** The id as written. */
    id: string;
    /** The foundation model id: `id` without its inference profile prefix. */
    foundationModelId: string;
    /** The geography prefix when `id` is a cross-Region inference profile. */
    profilePrefix?: string;
}

/** The Bedrock model that `id` names, or undefined when `id` does not look like a Bedrock model id. */
export function parseBedrockModelId(id: string): BedrockModel | undefined {
    const [prefix = "", ...rest] = id.split(".");
    if (rest.length >= 2 && INFERENCE_PROFILE_PREFIXES.has(prefix)) {
        const foundationModelId = rest.join(".");
        return FOUNDATION_MODEL_ID.test(foundationModelId) ? { id, foundationModelId, profilePrefix: prefix } : undefined;
    }
    return FOUNDATION_MODEL_ID.test(id) ? { id, foundationModelId: id } : undefined;
}

/** Bedrock model ids in the literal values of the model variables of `environment`, in order, once each. */
export function modelsInEnvironment(environment: EnvVar[]): string[] {
    const ids: string[] = [];
    for (const v of environment) {
        if (!MODEL_VARIABLE.test(v.name) || v.value.kind !== "literal") continue;
        const id = v.value.value.trim();
        if (parseBedrockModelId(id) && !ids.includes(id)) ids.push(id);
    }
    return ids;
}

/**
 * The models a service may invoke: the Bedrock ids it names (full Bedrock ARNs are kept as they are),
 * else those in its environment; `"any"` when neither names one.
 */
export function allowedModels(model: Pick<ServiceModel, "llm" | "environment">): Array<BedrockModel | { arn: string }> | "any" {
    const named = model.llm?.models ?? [];
    const arns = named.filter((id) => /^arn:[^:]+:bedrock:/.test(id)).map((arn) => ({ arn }));
    const ids = named.map(parseBedrockModelId).filter((m): m is BedrockModel => !!m);
    const profiled = (model.llm?.profileModels ?? []).map((id) => ({ id, foundationModelId: id, profilePrefix: ANY_GEOGRAPHY }));
    if (arns.length + ids.length + profiled.length > 0) return [...arns, ...ids, ...profiled];
    const found = modelsInEnvironment(model.environment)
        .map(parseBedrockModelId)
        .filter((m): m is BedrockModel => !!m);
    return found.length > 0 ? found : "any";
}

export interface BedrockScope {
    partition: string;
    region: string;
    accountId: string;
}

/**
 * The ARNs that invoking `models` needs. An inference profile routes requests to its foundation
 * model in other Regions of its geography, so it needs the profile in this Region and the foundation
 * model in every Region (and, for `global.` profiles, the Region-less foundation model ARN).
 */
export function modelArns(models: Array<BedrockModel | { arn: string }> | "any", scope: BedrockScope): string[] {
    const { partition, region, accountId } = scope;
    if (models === "any") return [`arn:${partition}:bedrock:${region}::foundation-model/*`];
    const arns: string[] = [];
    const add = (arn: string) => {
        if (!arns.includes(arn)) arns.push(arn);
    };
    for (const m of models) {
        if ("arn" in m) {
            add(m.arn);
        } else if (m.profilePrefix === ANY_GEOGRAPHY) {
            // This model's profiles (`us.`, `eu.`, `apac.` ...) in this Region, and the model itself wherever they route it.
            add(`arn:${partition}:bedrock:${region}:${accountId}:inference-profile/*.${m.foundationModelId}`);
            add(`arn:${partition}:bedrock:*::foundation-model/${m.foundationModelId}`);
        } else if (m.profilePrefix) {
            add(`arn:${partition}:bedrock:${region}:${accountId}:inference-profile/${m.id}`);
            add(`arn:${partition}:bedrock:*::foundation-model/${m.foundationModelId}`);
            if (m.profilePrefix === "global") add(`arn:${partition}:bedrock:::foundation-model/${m.foundationModelId}`);
        } else {
            add(`arn:${partition}:bedrock:${region}::foundation-model/${m.id}`);
        }
    }
    return arns;
}

/** The task role policy of a service with model access: invoke `arns`, and list the catalog. */
export function bedrockPolicy(arns: string[]): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            { Sid: "InvokeModels", Effect: "Allow", Action: [...BEDROCK_INVOKE_ACTIONS], Resource: [...arns] },
            { Sid: "ListModels", Effect: "Allow", Action: [...BEDROCK_LIST_ACTIONS], Resource: "*" },
        ],
    };
}
