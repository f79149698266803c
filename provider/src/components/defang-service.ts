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
import { ManagedComponent, ManagedRecipe } from "./managed-component";
import { ServiceOutputs } from "./component-outputs";

export class DefangService extends ManagedComponent<DefangServiceArgs, ServiceModel, ServiceOutputs> implements ServiceOutputs {
    /** One URL per ingress port (`https://<domain>` or `http://<load balancer>:<port>`); host ports give `<name>:<port>`. */
    declare readonly endpoints: pulumi.Output<string[]>;

    constructor(name: string, args: DefangServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("defang:index:DefangService", name, args, opts, SERVICE);
    }
}

const SERVICE: ManagedRecipe<DefangServiceArgs, ServiceModel, ServiceOutputs> = {
    model: (name, args) => serviceFromArgs(name, args ?? {}, "DefangService"),
    deploy: (infra, request) => ({ endpoints: infra.deployService(request).endpoints }),
    outputs: { endpoints: true },
};
