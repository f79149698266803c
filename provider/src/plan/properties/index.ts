/**
 * The properties that matter of any recorded resource: by its cloud's table, else none.
 */
import { AWS_PROPERTIES } from "./aws";
import { DO_PROPERTIES } from "./digitalocean";
import { PropertyExtractor } from "./extractor";
import { defined, str } from "./read";
import { GCP_PROPERTIES } from "./gcp";

/** Types of any cloud. */
const COMMON: Record<string, PropertyExtractor> = {
    // The builder of an image build (`dockerfile` or `buildpacks`), as every cloud's build run records it.
    "pulumi-nodejs:dynamic:Resource": { kind: "image build run", read: (i) => defined({ builder: builderOf(str(i, "builder")) }) },
    "random:index/randomPassword:RandomPassword": { kind: "generated password", read: () => ({}) },
};

const ALL: Record<string, PropertyExtractor> = { ...COMMON, ...AWS_PROPERTIES, ...GCP_PROPERTIES, ...DO_PROPERTIES };

/** The label and properties of a resource of `type` with `inputs`; no properties for a type not in the tables. */
export function propertiesOf(type: string, inputs: Record<string, unknown>): { kind?: string; properties: Record<string, string | number | boolean> } {
    const extractor = ALL[type];
    if (!extractor) return { properties: {} };
    return { kind: extractor.kind, properties: extractor.read(inputs) };
}

/** `Dockerfile` or `buildpacks`, as `validate` names them. */
function builderOf(kind: string | undefined): string | undefined {
    return kind === "dockerfile" ? "Dockerfile" : kind === "buildpacks" ? "buildpacks" : undefined;
}
