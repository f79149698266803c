/**
 * The package-level parts of schema.json: names and metadata from package.json, and the language
 * sections that `pulumi package gen-sdk` reads for the Python, Go and .NET SDKs.
 */
import { PackageSchema } from "../package-schema";

type Metadata = Omit<PackageSchema, "config" | "types" | "resources" | "functions">;

export function packageMetadata(pkg: { name: string; version: string; description: string; license: string }): Metadata {
    return {
        name: "defang",
        displayName: "Defang",
        version: pkg.version,
        description: pkg.description,
        keywords: ["pulumi", "defang", "compose", "docker-compose", "category/infrastructure", "kind/component"],
        homepage: "https://defang.io",
        repository: "https://github.com/DefangLabs/pulumi-defang",
        license: pkg.license,
        publisher: "Defang",
        language: {
            nodejs: { packageName: pkg.name, respectSchemaVersion: true },
            python: { packageName: "pulumi_defang", respectSchemaVersion: true, pyproject: { enabled: true } },
            go: { importBasePath: "github.com/DefangLabs/pulumi-defang/sdk/go/defang", respectSchemaVersion: true, generateResourceContainerTypes: true },
            csharp: { rootNamespace: "DefangLabs", respectSchemaVersion: true, packageReferences: { Pulumi: "3.*" } },
        },
    };
}
