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
import { cloudArgument } from "./cloud-argument";
import { hasComputedArgs } from "./computed-args";
import { deployWhenResolved } from "./deferred-deploy";
import { Prepared, prepare } from "./prepare";

export class DefangLLM extends pulumi.ComponentResource {
    /** One URL per ingress port; host ports give `<name>:<port>`. */
    declare readonly endpoints: pulumi.Output<string[]>;

    constructor(name: string, args: DefangLLMArgs, opts?: pulumi.ComponentResourceOptions) {
        const title = `DefangLLM "${name}"`;
        const computed = hasComputedArgs(args);
        const prepared = computed ? undefined : prepareLLM(name, title, args);
        super("defang:index:DefangLLM", name, {}, opts);
        const outputs = prepared ? deployLLM(name, this, prepared) : deployWhenResolved(this, title, args, ["endpoints"], (resolved, dependsOn) => deployLLM(name, this, prepareLLM(name, title, resolved), dependsOn));
        this.endpoints = outputs.endpoints;
        this.registerOutputs({ endpoints: this.endpoints });
    }
}

function prepareLLM(name: string, title: string, args: DefangLLMArgs): Prepared<ServiceModel> {
    return prepare<ServiceModel>(args, title, cloudArgument(args, title), () => serviceFromArgs(name, args ?? {}, "DefangLLM"));
}

function deployLLM(name: string, parent: DefangLLM, prepared: Prepared<ServiceModel>, computedFrom: pulumi.Resource[] = []): { endpoints: pulumi.Output<string[]> } {
    const context = prepared.context();
    const model: ServiceModel = { ...prepared.model, llm: prepared.model.llm ?? { models: [] } };
    const deployment = context.infra.deployService({ name, model, parent, config: context.config, dependsOn: [...prepared.dependsOn, ...computedFrom] });
    prepared.finish();
    return { endpoints: deployment.endpoints };
}
