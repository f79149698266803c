/**
 * What every component that deploys one compose service does, written once (`DefangService`,
 * `DefangLLM`, `DefangPostgres`, `DefangRedis`, `DefangMongo`):
 *
 * 1. its arguments become the model (a project member gets the one its project made), which is
 *    checked against the cloud and the stack config: a refusal throws before the component is
 *    registered, so nothing is left behind;
 * 2. the component is registered and deploys the model with its cloud's backend at once, or, when a
 *    program computes some arguments (`computed-args.ts`), once their values are known
 *    (`deferred-deploy.ts`);
 * 3. its outputs are set on the component and registered.
 *
 * A component keeps only what differs: its arguments type, its model conversion, the backend call
 * and the outputs it makes of the deployment (its `ManagedRecipe`).
 */
import * as pulumi from "@pulumi/pulumi";
import { ComponentRequest, InfrastructureHandle } from "../clouds/backend";
import { ComponentModel } from "../model/types";
import { CloudArgument, cloudArgument } from "./cloud-argument";
import { ComponentOutputs, OutputNames } from "./component-outputs";
import { hasComputedArgs } from "./computed-args";
import { deployWhenResolved } from "./deferred-deploy";
import { Prepared, prepare } from "./prepare";

/** The type token a component registers under. */
export type ComponentTypeToken = `defang:index:${string}`;

/** What one managed component does differently from the others. */
export interface ManagedRecipe<A, M extends ComponentModel, O extends ComponentOutputs<O>> {
    /** The model of a lone component, from its arguments (a project member's comes from its project). */
    model(name: string, args: A): M;
    /** Creates the component's resources in the project's infrastructure (a handle of its cloud's backend), and makes its outputs of what the backend gives. */
    deploy(infra: InfrastructureHandle, request: ComponentRequest<M>): O;
    /** The names of the outputs (a component that deploys once its arguments are known has them before). */
    outputs: OutputNames<O>;
}

/**
 * The base of the components that deploy one compose service: see the file's comment. A subclass
 * calls `super` with its literal type token (the schema is generated from it) and its recipe, and
 * declares its outputs (`declare readonly`), which this constructor sets.
 */
export abstract class ManagedComponent<A extends CloudArgument | undefined, M extends ComponentModel, O extends ComponentOutputs<O>> extends pulumi.ComponentResource {
    protected constructor(type: ComponentTypeToken, name: string, args: A, opts: pulumi.ComponentResourceOptions | undefined, recipe: ManagedRecipe<A, M, O>) {
        const title = `${type.slice(type.lastIndexOf(":") + 1)} "${name}"`;
        const prepareFrom = (given: A): Prepared<M> => prepare<M>(given, title, cloudArgument(given, title), () => recipe.model(name, given));
        // Before `super`: a component refused here is never registered.
        const prepared = hasComputedArgs(args) ? undefined : prepareFrom(args);
        super(type, name, {}, opts);
        const deploy = (ready: Prepared<M>, computedFrom: pulumi.Resource[]): O => {
            const context = ready.context();
            const request: ComponentRequest<M> = { name, model: ready.model, parent: this, config: context.config, dependsOn: [...ready.dependsOn, ...computedFrom] };
            const outputs = recipe.deploy(context.infra, request);
            ready.finish();
            return outputs;
        };
        const outputs = prepared ? deploy(prepared, []) : deployWhenResolved(this, title, args, recipe.outputs, (resolved, dependsOn) => deploy(prepareFrom(resolved), dependsOn));
        Object.assign(this, outputs);
        this.registerOutputs(outputs);
    }
}
