/**
 * The provider behind `pulumi-resource-defang`: serves the plugin's version and schema at once, and
 * loads the components (and, through them, a cloud's SDK) on the first Construct.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { ConstructResult, Provider } from "@pulumi/pulumi/provider";
import { PackageFiles } from "./package-files";

export class DefangComponentProvider implements Provider {
    readonly version: string;

    constructor(private readonly files: PackageFiles) {
        this.version = files.version;
    }

    async getSchema(): Promise<string> {
        return this.files.schemaText;
    }

    async construct(name: string, type: string, inputs: pulumi.Inputs, options: pulumi.ComponentResourceOptions): Promise<ConstructResult> {
        const { constructComponent } = await import("./construct");
        return constructComponent(this.files.schema, name, type, inputs, options);
    }
}
