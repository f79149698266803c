/**
 * Managed models on Vertex AI for a service with `x-defang-llm` (or a `DefangLLM`): its own service
 * account may call Vertex AI (`roles/aiplatform.user`, granted to that account only), and its
 * environment tells the common SDKs where: the project and location for Google's Gen AI SDK,
 * LiteLLM and LangChain, and the model it names.
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { ServiceModel } from "../../model/types";
import { PlainValue } from "./environment";
import { VERTEX_USER_ROLE } from "./project-roles";
import { GcpInfrastructure } from "./types";

/** The environment of a model-using service: a variable the service sets itself wins. */
export function vertexEnvironment(model: Pick<ServiceModel, "llm">, project: string, location: string): PlainValue[] {
    const env: PlainValue[] = [
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
    return env;
}

export function grantVertexAccess(name: string, member: pulumi.Output<string>, infra: GcpInfrastructure, parent: pulumi.ComponentResource): gcp.projects.IAMMember {
    const api = infra.api("aiplatform.googleapis.com");
    return new gcp.projects.IAMMember(`${name}-vertex-ai`, { project: infra.project, role: VERTEX_USER_ROLE, member }, { parent, dependsOn: [api] });
}
