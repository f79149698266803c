/**
 * The resource class of a run (see `run-resource-provider.ts`): its arguments are the run's inputs,
 * and its outputs are those inputs and what the run produced, each one typed. Written once; each
 * cloud's runner names its provider and the keys of its result.
 */
import * as pulumi from "@pulumi/pulumi";
import { RunResourceArgs } from "./run-resource-provider";

/** The outputs of a run resource: every input and result key, as an Output. */
export type RunResourceOutputs<O extends object> = { readonly [K in keyof O]-?: pulumi.Output<O[K]> };

/** A run resource's class. */
export type RunResourceClass<I extends object, R extends object> = new (name: string, args: RunResourceArgs<I>, opts?: pulumi.CustomResourceOptions) => pulumi.dynamic.Resource & RunResourceOutputs<I & R>;

/** The type token of a run resource, `pulumi-nodejs:dynamic/<module>:<name>`; without one, the dynamic providers' shared `pulumi-nodejs:dynamic:Resource`. */
export interface RunResourceType {
    module: string;
    name: string;
}

/**
 * The class of the resources that `provider` runs. `resultKeys` are the outputs the run adds to its
 * inputs (unknown until it has run). Pulumi sets every key of the provider's outs on the instance
 * as an Output: the signature below types them, once for every runner.
 */
export function runResourceClass<I extends object, R extends object>(provider: pulumi.dynamic.ResourceProvider<I, I & R>, resultKeys: readonly (keyof R & string)[], type?: RunResourceType): RunResourceClass<I, R>;
export function runResourceClass(
    provider: pulumi.dynamic.ResourceProvider,
    resultKeys: readonly string[],
    type?: RunResourceType,
): new (name: string, args: object, opts?: pulumi.CustomResourceOptions) => pulumi.dynamic.Resource {
    return class RunResource extends pulumi.dynamic.Resource {
        constructor(name: string, args: object, opts?: pulumi.CustomResourceOptions) {
            super(provider, name, { ...args, ...Object.fromEntries(resultKeys.map((k) => [k, undefined])) }, opts, type?.module, type?.name);
        }
    };
}
