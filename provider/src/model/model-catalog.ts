/**
 * Docker model names (`ai/llama3.3`, `ai/qwen3:8B-Q4_K_M`, ...) and the managed model each cloud
 * serves for them: one table for the three clouds, pure (no cloud SDK).
 *
 * Source: the clouds' model catalogs, checked 2026-12: Amazon Bedrock "Supported foundation
 * models" and model cards (docs.aws.amazon.com/bedrock/latest/userguide/model-cards.html),
 * Vertex AI Model Garden models served as a managed API ("MaaS") through the OpenAI-compatible
 * endpoint (cloud.google.com/vertex-ai/generative-ai/docs/maas), DigitalOcean Inference
 * "Available Models" (docs.digitalocean.com/products/inference/details/models/).
 *
 * A row maps a Docker model to a cloud's model of the same family (the size the cloud serves);
 * where a cloud serves no model of the family, the row names the closest models it offers and the
 * name is refused there with them. One exception, documented: `ai/smollm2`, a model of a few
 * hundred million parameters used as a placeholder in examples and tests, maps to each cloud's
 * cheapest general model (as Defang does).
 */
import { CloudName } from "./types";

/** A Bedrock model: its foundation model id, and whether on-demand calls must go through a cross-Region inference profile. */
export interface BedrockCatalogModel {
    id: string;
    /** Called as `<geography>.<id>` (e.g. `us.meta.llama3-3-70b-instruct-v1:0`): Bedrock serves it on demand only through an inference profile. */
    profile?: boolean;
}

export interface CatalogRow {
    /** The Docker model repository, without tag: `ai/llama3.3`. */
    docker: string;
    aws?: BedrockCatalogModel;
    gcp?: string;
    digitalocean?: string;
    /** Where a cloud has no model of the family: the closest models it offers. */
    closest?: Partial<Record<CloudName, string[]>>;
}

/** The cheapest general chat model of each cloud: what a tiny placeholder model stands for, and the last resort of a refusal's suggestions. */
export const CHEAPEST_MODEL: Record<CloudName, string> = {
    aws: "amazon.nova-micro-v1:0",
    gcp: "google/gemini-2.5-flash-lite",
    digitalocean: "llama3-8b-instruct",
};

const NOVA_MICRO: BedrockCatalogModel = { id: "amazon.nova-micro-v1:0", profile: true };

export const MODEL_CATALOG: readonly CatalogRow[] = [
    { docker: "ai/smollm2", aws: NOVA_MICRO, gcp: CHEAPEST_MODEL.gcp, digitalocean: CHEAPEST_MODEL.digitalocean },
    { docker: "ai/llama3.3", aws: { id: "meta.llama3-3-70b-instruct-v1:0", profile: true }, gcp: "meta/llama-3.3-70b-instruct-maas", digitalocean: "llama3.3-70b-instruct" },
    {
        docker: "ai/llama3.2",
        aws: { id: "meta.llama3-2-3b-instruct-v1:0", profile: true },
        closest: { gcp: ["meta/llama-3.3-70b-instruct-maas", CHEAPEST_MODEL.gcp], digitalocean: ["llama3-8b-instruct", "llama3.3-70b-instruct"] },
    },
    {
        docker: "ai/llama3.1",
        aws: { id: "meta.llama3-1-8b-instruct-v1:0", profile: true },
        gcp: "meta/llama-3.1-8b-instruct-maas",
        closest: { digitalocean: ["llama3-8b-instruct", "llama3.3-70b-instruct"] },
    },
    {
        docker: "ai/mistral",
        aws: { id: "mistral.mistral-7b-instruct-v0:2" },
        closest: { gcp: ["meta/llama-3.1-8b-instruct-maas", CHEAPEST_MODEL.gcp], digitalocean: ["mistral-nemo-instruct-2407"] },
    },
    { docker: "ai/qwen3", aws: { id: "qwen.qwen3-32b-v1:0" }, gcp: "qwen/qwen3-235b-a22b-instruct-2507-maas", digitalocean: "alibaba-qwen3-32b" },
    {
        docker: "ai/deepseek-r1-distill-llama",
        digitalocean: "deepseek-r1-distill-llama-70b",
        closest: { aws: ["deepseek.r1-v1:0", "meta.llama3-3-70b-instruct-v1:0"], gcp: ["deepseek-ai/deepseek-r1-0528-maas", "meta/llama-3.3-70b-instruct-maas"] },
    },
    { docker: "ai/gpt-oss", aws: { id: "openai.gpt-oss-20b-1:0" }, gcp: "openai/gpt-oss-20b-maas", digitalocean: "openai-gpt-oss-20b" },
    {
        docker: "ai/gemma3",
        closest: { aws: [CHEAPEST_MODEL.aws, "mistral.mistral-7b-instruct-v0:2"], gcp: [CHEAPEST_MODEL.gcp, "google/gemini-2.5-flash"], digitalocean: ["llama3-8b-instruct"] },
    },
    {
        docker: "ai/phi4",
        closest: { aws: [CHEAPEST_MODEL.aws, "mistral.mistral-7b-instruct-v0:2"], gcp: [CHEAPEST_MODEL.gcp, "meta/llama-3.1-8b-instruct-maas"], digitalocean: ["llama3-8b-instruct", "mistral-nemo-instruct-2407"] },
    },
];

/** What a cloud makes of a model name. */
export type ModelResolution =
    /** The cloud's model id; `bedrockProfile`: on AWS, called through a cross-Region inference profile of the Region's geography. */
    { kind: "mapped"; id: string; bedrockProfile?: boolean; row?: CatalogRow } | { kind: "refused"; reason: string; closest: string[] };

/** `docker.io/ai/llama3.3:70B-Q4_K_M` -> `ai/llama3.3`; undefined for a name outside Docker Hub's `ai/` namespace. */
export function dockerModelRepository(name: string): string | undefined {
    const m = /^(?:(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\/)?(ai\/[a-z0-9][a-z0-9._-]*)(?::[A-Za-z0-9._-]+)?(?:@sha256:[a-f0-9]+)?$/.exec(name.trim());
    return m?.[1];
}

/** Ids each cloud's catalog uses: Bedrock `vendor.model[:n]` (or a profile `us.vendor.model`), Vertex `publisher/model`, DigitalOcean `model-slug`. */
const CLOUD_MODEL_ID: Record<CloudName, RegExp> = {
    aws: /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*(?:[.:][a-z0-9-]+)*$/,
    gcp: /^(?:google|meta|mistralai|anthropic|deepseek-ai|qwen|openai|ai21|publishers\/[a-z0-9-]+\/models)\/[a-z0-9][a-z0-9._@-]*$/,
    digitalocean: /^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/,
};

/** The managed model `name` stands for on `cloud`: a Docker model through the table, or a cloud model id taken verbatim. */
export function resolveModel(name: string, cloud: CloudName): ModelResolution {
    const repository = dockerModelRepository(name);
    if (repository) {
        const row = MODEL_CATALOG.find((r) => r.docker === repository);
        if (!row) return { kind: "refused", reason: `the Docker model "${repository}" has no managed equivalent in the model table`, closest: defaultClosest(cloud) };
        if (cloud === "aws" && row.aws) return { kind: "mapped", id: row.aws.id, bedrockProfile: row.aws.profile, row };
        if (cloud !== "aws" && row[cloud]) return { kind: "mapped", id: row[cloud]!, row };
        return { kind: "refused", reason: `${CLOUD_TITLES[cloud]} serves no model of the "${repository}" family`, closest: row.closest?.[cloud] ?? defaultClosest(cloud) };
    }
    if (CLOUD_MODEL_ID[cloud].test(name.trim())) return { kind: "mapped", id: name.trim() };
    return { kind: "refused", reason: `"${name}" is neither a Docker model (ai/...) of the model table nor a ${CLOUD_TITLES[cloud]} model id`, closest: defaultClosest(cloud) };
}

const CLOUD_TITLES: Record<CloudName, string> = { aws: "Amazon Bedrock", gcp: "Vertex AI", digitalocean: "DigitalOcean serverless inference" };

/** The cloud's models the table maps to, cheapest first: what a refusal suggests when the row names none. */
function defaultClosest(cloud: CloudName): string[] {
    const ids = MODEL_CATALOG.map((r) => (cloud === "aws" ? r.aws?.id : r[cloud])).filter((id): id is string => !!id);
    return [...new Set([CHEAPEST_MODEL[cloud], ...ids])].slice(0, 4);
}
