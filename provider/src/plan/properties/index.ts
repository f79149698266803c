/**
 * The properties that matter of any recorded resource: by its cloud's table, else none.
 */
import { AWS_PROPERTIES } from "./aws";
import { DO_PROPERTIES } from "./digitalocean";
import { PropertyExtractor, PropertyTable } from "./extractor";
import { defined, str } from "./read";
import { GCP_PROPERTIES } from "./gcp";
import { Recorded } from "./recorded";

/** The inputs the plan reads of types every cloud registers. */
interface CommonResourceInputs {
    /** An image build run: each cloud's has its own inputs, and each records its builder. */
    "pulumi-nodejs:dynamic:Resource": { builder?: "dockerfile" | "buildpacks" };
    "random:index/randomPassword:RandomPassword": Record<string, never>;
}

/** Types of any cloud. */
const COMMON = {
    // The builder of an image build (`dockerfile` or `buildpacks`), as every cloud's build run records it.
    "pulumi-nodejs:dynamic:Resource": { kind: "image build run", read: (i) => defined({ builder: builderOf(str(i, "builder")) }) },
    "random:index/randomPassword:RandomPassword": { kind: "generated password", read: () => ({}) },
} satisfies PropertyTable<CommonResourceInputs>;

const ALL: Readonly<Record<string, PropertyExtractor | undefined>> = { ...COMMON, ...AWS_PROPERTIES, ...GCP_PROPERTIES, ...DO_PROPERTIES };

/** The label and properties of a resource of `type` with `inputs`; no properties for a type not in the tables. */
export function propertiesOf(type: string, inputs: Recorded<unknown>): { kind?: string; properties: Record<string, string | number | boolean> } {
    const extractor = Object.prototype.hasOwnProperty.call(ALL, type) ? ALL[type] : undefined;
    if (!extractor) return { properties: {} };
    return { kind: extractor.kind, properties: extractor.read(inputs) };
}

/** `Dockerfile` or `buildpacks`, as `validate` names them. */
function builderOf(kind: string | undefined): string | undefined {
    return kind === "dockerfile" ? "Dockerfile" : kind === "buildpacks" ? "buildpacks" : undefined;
}
