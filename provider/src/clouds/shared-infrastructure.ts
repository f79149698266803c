/**
 * The owner of the infrastructure shared by the components of a stack that are not in a
 * `DefangProject` (lone components). Backends that lay out resources differently for lone
 * components (DigitalOcean's App) recognise it by class.
 */
import * as pulumi from "@pulumi/pulumi";

/** The infrastructure shared by the components of a stack that are not in a `DefangProject`. */
export class SharedInfrastructure extends pulumi.ComponentResource {
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("defang:index:SharedInfrastructure", name, {}, opts);
        this.registerOutputs({});
    }
}

/** The logical name of the shared infrastructure of lone components. */
export const SHARED_INFRASTRUCTURE_NAME = "defang";
