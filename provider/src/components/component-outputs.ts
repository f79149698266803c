/** The outputs of a component, as its deployment gives them and as a deferred deployment stands in for them. */
import * as pulumi from "@pulumi/pulumi";

/** A component's outputs, by name. */
export type ComponentOutputs<O> = { [K in keyof O]: pulumi.Output<unknown> };

/** Every name of `O`, each once: a record, so that the compiler finds an output left out. */
export type OutputNames<O> = { readonly [K in keyof O]-?: true };

/** The outputs of a service component (`DefangService`, `DefangLLM`). */
export interface ServiceOutputs {
    endpoints: pulumi.Output<string[]>;
}
