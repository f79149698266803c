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
import { serviceFromArgs } from "../model/from-args";
import { ServiceModel } from "../model/types";
import { DefangServiceArgs } from "./args";
import { prepare } from "./prepare";

export class DefangService extends pulumi.ComponentResource {
    /** One URL per ingress port (`https://<domain>` or `http://<load balancer>:<port>`); host ports give `<name>:<port>`. */
    declare readonly endpoints: pulumi.Output<string[]>;

    constructor(name: string, args: DefangServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        const prepared = prepare<ServiceModel>(args, `DefangService "${name}"`, args?.provider, () => serviceFromArgs(name, args ?? {}, "DefangService"));
        super("defang:index:DefangService", name, {}, opts);
        const context = prepared.context();
        const deployment = context.backend.deployService({ name, model: prepared.model, parent: this, infra: context.infra, config: context.config, dependsOn: prepared.dependsOn });
        this.endpoints = deployment.endpoints;
        prepared.finish();
        this.registerOutputs({ endpoints: this.endpoints });
    }
}
