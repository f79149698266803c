/**
 * `DefangService`: a container service, the way Compose describes one, on the chosen cloud's
 * managed container runtime (AWS: ECS Fargate behind an Application Load Balancer).
 *
 * @example
 * const app = new DefangService("app", {
 *     build: { context: "./app" },
 *     ports: [{ mode: "ingress", target: 8080 }],
 *     environment: [{ name: "NODE_ENV", value: "production" }, { name: "API_KEY" }],
 * });
 * export const endpoint = app.endpoints[0];
 */
import * as pulumi from "@pulumi/pulumi";
import { serviceFromArgs } from "./model-from-args";
import { ServiceModel } from "../model/types";
import { DefangServiceArgs } from "./args";
import { cloudArgument } from "./cloud-argument";
import { hasComputedArgs } from "./computed-args";
import { deployWhenResolved } from "./deferred-deploy";
import { Prepared, prepare } from "./prepare";

export class DefangService extends pulumi.ComponentResource {
    /** One URL per ingress port (`https://<domain>` or `http://<load balancer>:<port>`); host ports give `<name>:<port>`. */
    declare readonly endpoints: pulumi.Output<string[]>;

    constructor(name: string, args: DefangServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        const title = `DefangService "${name}"`;
        const computed = hasComputedArgs(args);
        const prepared = computed ? undefined : prepareService(name, title, args);
        super("defang:index:DefangService", name, {}, opts);
        const outputs = prepared
            ? deployService(name, this, prepared)
            : deployWhenResolved(this, title, args, ["endpoints"], (resolved, dependsOn) => deployService(name, this, prepareService(name, title, resolved), dependsOn));
        this.endpoints = outputs.endpoints;
        this.registerOutputs({ endpoints: this.endpoints });
    }
}

function prepareService(name: string, title: string, args: DefangServiceArgs): Prepared<ServiceModel> {
    return prepare<ServiceModel>(args, title, cloudArgument(args, title), () => serviceFromArgs(name, args ?? {}, "DefangService"));
}

function deployService(name: string, parent: DefangService, prepared: Prepared<ServiceModel>, computedFrom: pulumi.Resource[] = []): { endpoints: pulumi.Output<string[]> } {
    const context = prepared.context();
    const deployment = context.infra.deployService({ name, model: prepared.model, parent, config: context.config, dependsOn: [...prepared.dependsOn, ...computedFrom] });
    prepared.finish();
    return { endpoints: deployment.endpoints };
}
