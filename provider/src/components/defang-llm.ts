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
import { serviceFromArgs } from "../model/from-args";
import { ServiceModel } from "../model/types";
import { DefangLLMArgs } from "./args";
import { prepare } from "./prepare";

export class DefangLLM extends pulumi.ComponentResource {
    /** One URL per ingress port; host ports give `<name>:<port>`. */
    declare readonly endpoints: pulumi.Output<string[]>;

    constructor(name: string, args: DefangLLMArgs, opts?: pulumi.ComponentResourceOptions) {
        const prepared = prepare<ServiceModel>(args, `DefangLLM "${name}"`, args?.provider, () => serviceFromArgs(name, args ?? {}, "DefangLLM"));
        super("defang:index:DefangLLM", name, {}, opts);
        const context = prepared.context();
        const model: ServiceModel = { ...prepared.model, llm: prepared.model.llm ?? { models: [] } };
        const deployment = context.backend.deployService({ name, model, parent: this, infra: context.infra, config: context.config, dependsOn: prepared.dependsOn });
        this.endpoints = deployment.endpoints;
        prepared.finish();
        this.registerOutputs({ endpoints: this.endpoints });
    }
}
