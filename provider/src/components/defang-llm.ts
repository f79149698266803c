/**
 * `DefangLLM`: a service with access to the cloud's managed models (AWS: Bedrock), e.g. an
 * OpenAI-compatible gateway. Its role may invoke the models it names, and only those.
 *
 * @example
 * const gateway = new DefangLLM("llm", {
 *     image: "defangio/openai-access-gateway",
 *     ports: [{ mode: "host", target: 80 }],
 *     models: ["anthropic.claude-3-haiku-20240307-v1:0"],
 * });
 */
import * as pulumi from "@pulumi/pulumi";
import { serviceFromArgs } from "./model-from-args";
import { ServiceModel } from "../model/types";
import { DefangLLMArgs } from "./args";
import { ManagedComponent, ManagedRecipe } from "./managed-component";
import { ServiceOutputs } from "./component-outputs";

export class DefangLLM extends ManagedComponent<DefangLLMArgs, ServiceModel, ServiceOutputs> implements ServiceOutputs {
    /** One URL per ingress port; host ports give `<name>:<port>`. */
    declare readonly endpoints: pulumi.Output<string[]>;

    constructor(name: string, args: DefangLLMArgs, opts?: pulumi.ComponentResourceOptions) {
        super("defang:index:DefangLLM", name, args, opts, LLM);
    }
}

/** A service whose role may invoke the models it names (none named: none). */
const LLM: ManagedRecipe<DefangLLMArgs, ServiceModel, ServiceOutputs> = {
    model: (name, args) => serviceFromArgs(name, args ?? {}, "DefangLLM"),
    deploy: (infra, request) => ({ endpoints: infra.deployService({ ...request, model: { ...request.model, llm: request.model.llm ?? { models: [] } } }).endpoints }),
    outputs: { endpoints: true },
};
