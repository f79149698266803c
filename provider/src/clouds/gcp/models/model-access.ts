/**
 * Managed models on Vertex AI for a service with `x-defang-llm` (or a `DefangLLM`): its own service
 * account may call Vertex AI (`roles/aiplatform.user`, granted to that account only), and its
 * environment tells the common SDKs where: the project and location for Google's Gen AI SDK,
 * LiteLLM and LangChain, and the model it names.
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { ServiceModel } from "../../../model/types";
import { VERTEX_USER_ROLE } from "../iam/project-roles";
import { GcpInfrastructure } from "../types";

/** One variable of a model-using service's environment, as Cloud Run's plain values take it. */
export interface ModelEnvVar {
    name: string;
    value: string;
}

/** The environment of a model-using service: a variable the service sets itself wins. */
export function vertexEnvironment(model: Pick<ServiceModel, "llm" | "modelEndpoint">, project: string, location: string): ModelEnvVar[] {
    const env: ModelEnvVar[] = [
        { name: "GOOGLE_CLOUD_PROJECT", value: project },
        { name: "GOOGLE_CLOUD_LOCATION", value: location },
        // Google's Gen AI SDK calls Vertex AI (with the service account) instead of the Gemini API (with a key).
        { name: "GOOGLE_GENAI_USE_VERTEXAI", value: "true" },
        // LiteLLM's names for the same.
        { name: "VERTEXAI_PROJECT", value: project },
        { name: "VERTEXAI_LOCATION", value: location },
    ];
    const first = model.llm?.models[0];
    if (first) env.push({ name: "MODEL", value: first });
    // A model endpoint's gateway (`../model-endpoints.ts`) reads the project and Region under its own names.
    if (model.modelEndpoint) env.push({ name: "GCP_PROJECT_ID", value: project }, { name: "GCP_REGION", value: location });
    return env;
}

/**
 * The permission a model endpoint's gateway needs: predicting (chat completions through Vertex AI's
 * OpenAI-compatible endpoint are predictions). Vertex AI's publisher models (Gemini, Llama, ... as
 * a managed API) are not IAM resources, so the grant is on the project: Google Cloud cannot scope
 * it to one model.
 */
export const VERTEX_PREDICT_PERMISSIONS = ["aiplatform.endpoints.predict"] as const;

export function grantVertexAccess(name: string, model: Pick<ServiceModel, "name" | "modelEndpoint">, member: pulumi.Output<string>, infra: GcpInfrastructure, parent: pulumi.ComponentResource): gcp.projects.IAMMember {
    const api = infra.api("aiplatform.googleapis.com");
    if (!model.modelEndpoint) return new gcp.projects.IAMMember(`${name}-vertex-ai`, { project: infra.project, role: VERTEX_USER_ROLE, member }, { parent, dependsOn: [api] });
    // `roles/aiplatform.user` also manages datasets, endpoints and jobs: a model endpoint gets a role that may only predict.
    const role = new gcp.projects.IAMCustomRole(
        `${name}-predict-role`,
        {
            project: infra.project,
            roleId: predictRoleId(infra.scope, model.name),
            title: `Predict with Vertex AI models (${model.name})`.slice(0, 100),
            description: `pulumi-defang: the model endpoint ${model.name} may call Vertex AI models, and do nothing else`,
            permissions: [...VERTEX_PREDICT_PERMISSIONS],
        },
        { parent, dependsOn: [infra.api("iam.googleapis.com")] },
    );
    return new gcp.projects.IAMMember(`${name}-vertex-ai`, { project: infra.project, role: role.name, member }, { parent, dependsOn: [api] });
}

/**
 * A custom role id (`[a-zA-Z0-9_.]{3,64}`) of the project's scope and the endpoint's name: the same
 * at every deployment, so that a role deleted with the stack (kept soft-deleted by Google Cloud for
 * a while) is the one the provider undeletes when the stack is deployed again.
 */
export function predictRoleId(scope: string, service: string): string {
    const clean = (s: string) => s.replace(/[^a-zA-Z0-9]+/g, "_");
    return `defang_${clean(scope)}_${clean(service)}_predict`.slice(0, 64);
}
