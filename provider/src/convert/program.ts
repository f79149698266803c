/**
 * What `convert` writes: a Pulumi project that deploys a compose app with `DefangProject`, as a
 * TypeScript program (Pulumi.yaml, index.ts, package.json, tsconfig.json) or as a Pulumi YAML
 * program (Pulumi.yaml). Pure: returns file names and contents; the CLI writes them.
 */
import * as YAML from "yaml";
import { cloudSdkDependencies } from "../clouds/sdk-packages";
import { CloudName } from "../model/types";

export interface ConvertInput {
    /** The Pulumi project name (the compose project's name). */
    name: string;
    /** Compose files relative to the output directory, in merge order. */
    composeFiles: string[];
    /** Active profiles, when any were given. */
    profiles: string[];
    /** The cloud written to the project's config. */
    cloud: CloudName;
    /** Sensitive config keys the project needs. */
    configKeys: string[];
    /** This package's version, for the dependency range. */
    version: string;
}

export interface GeneratedFile {
    path: string;
    content: string;
}

/** A TypeScript identifier from a compose project name. */
export function identifier(name: string): string {
    const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
    const camel = words.map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())).join("");
    return /^[A-Za-z_]/.test(camel) ? camel : `app${camel}`;
}

function pulumiYaml(input: ConvertInput, runtime: "nodejs" | "yaml", extra: Record<string, unknown> = {}): string {
    const doc = {
        name: input.name,
        description: `${input.name}: a compose application on ${input.cloud === "aws" ? "AWS" : input.cloud === "gcp" ? "Google Cloud" : "DigitalOcean"}, with pulumi-defang`,
        runtime,
        config: { "defang:provider": input.cloud },
        ...extra,
    };
    return YAML.stringify(doc, { lineWidth: 0 });
}

function setupComment(input: ConvertInput): string {
    const lines = ["Before `pulumi up`:", "  pulumi stack init dev"];
    if (input.cloud === "aws") lines.push("  pulumi config set aws:region us-east-1");
    if (input.cloud === "gcp") lines.push("  pulumi config set gcp:project <project> && pulumi config set gcp:region us-central1");
    for (const k of input.configKeys) lines.push(`  pulumi config set --secret ${k} <value>`);
    return lines.join("\n");
}

/** The component's arguments, as an object literal or YAML properties. */
function projectArgs(input: ConvertInput): Record<string, unknown> {
    const args: Record<string, unknown> = input.composeFiles.length === 1 ? { composeFile: input.composeFiles[0] } : { composeFiles: input.composeFiles };
    if (input.profiles.length) args.profiles = input.profiles;
    return args;
}

export function typescriptProgram(input: ConvertInput): GeneratedFile[] {
    const v = identifier(input.name);
    const args = JSON.stringify(projectArgs(input), null, 4).replace(/\n/g, "\n");
    const index = `/**
 * ${input.name}: the compose application deployed with pulumi-defang's DefangProject, which creates
 * one component per compose service (managed PostgreSQL, Redis and LLM access included) on the
 * cloud in stack config \`defang:provider\` (set in Pulumi.yaml).
 *
${setupComment(input)
    .split("\n")
    .map((l) => ` * ${l}`)
    .join("\n")}
 *   pulumi up
 */
import * as defang from "@defang-io/pulumi-defang";

const ${v} = new defang.DefangProject(${JSON.stringify(input.name)}, ${args});

/** Each compose service's endpoints. */
export const endpoints = ${v}.endpoints;
`;
    const pkg = {
        name: input.name,
        private: true,
        main: "index.ts",
        // The chosen cloud's SDK only: the others are optional peer dependencies it does not need.
        dependencies: { "@defang-io/pulumi-defang": `^${input.version}`, "@pulumi/pulumi": "^3.248.0", ...cloudSdkDependencies(input.cloud) },
        devDependencies: { "@types/node": "^20.0.0", typescript: "~5.9.3" },
    };
    const tsconfig = {
        compilerOptions: { strict: true, target: "ES2022", module: "commonjs", moduleResolution: "node", esModuleInterop: true, skipLibCheck: true, outDir: "bin" },
        files: ["index.ts"],
    };
    return [
        { path: "Pulumi.yaml", content: pulumiYaml(input, "nodejs") },
        { path: "index.ts", content: index },
        { path: "package.json", content: JSON.stringify(pkg, null, 2) + "\n" },
        { path: "tsconfig.json", content: JSON.stringify(tsconfig, null, 2) + "\n" },
    ];
}

export function yamlProgram(input: ConvertInput): GeneratedFile[] {
    const resource = "app";
    const header = `# ${input.name}: the compose application deployed with pulumi-defang's DefangProject
# (the provider plugin pulumi-resource-defang serves the defang:index:DefangProject type).
${setupComment(input)
    .split("\n")
    .map((l) => `# ${l}`)
    .join("\n")}
#   pulumi up
`;
    const body = pulumiYaml(input, "yaml", {
        resources: { [resource]: { type: "defang:index:DefangProject", properties: projectArgs(input) } },
        outputs: { endpoints: `\${${resource}.endpoints}` },
    });
    return [{ path: "Pulumi.yaml", content: header + body }];
}
