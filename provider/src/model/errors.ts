/**
 * Errors of the deployment model: each names what is wrong, where, and how to fix it. They are
 * raised before any resource is created.
 */
import { configSetCommand } from "../compose/config-key";
import { CloudName, SourceLocation } from "./types";

/** Something a cloud cannot do (or this package does not do there yet). */
export interface UnsupportedFeature {
    service: string;
    /** The attribute, e.g. `ports[0]` or `privileged`. */
    field: string;
    message: string;
    hint: string;
    location?: SourceLocation;
}

function where(location: SourceLocation | undefined): string {
    if (!location?.file) return "";
    return `${location.file}${location.line ? `:${location.line}${location.column ? `:${location.column}` : ""}` : ""}: `;
}

/** Every unsupported feature of a project on one cloud, listed at once. */
export class UnsupportedFeaturesError extends Error {
    override readonly name = "UnsupportedFeaturesError";
    constructor(
        readonly cloud: CloudName,
        readonly features: UnsupportedFeature[],
    ) {
        super(
            `${features.length === 1 ? "1 feature is" : `${features.length} features are`} not supported on ${cloudTitle(cloud)}; nothing was created:\n` +
                features.map((f) => `  ${where(f.location)}service "${f.service}", ${f.field}: ${f.message}\n    fix: ${f.hint}`).join("\n"),
        );
    }
}

/** Sensitive config used by the project but not set in the stack. */
export class MissingConfigError extends Error {
    override readonly name = "MissingConfigError";
    constructor(
        readonly keys: Array<{ key: string; usedBy: string[] }>,
    ) {
        super(
            `sensitive config ${keys.length === 1 ? "value is" : "values are"} not set; nothing was created:\n` +
                keys.map((k) => `  ${k.key} (used by ${k.usedBy.map((s) => `"${s}"`).join(", ")}): ${configSetCommand(k.key)}`).join("\n"),
        );
    }
}

/** A component argument that cannot be used as given. */
export class InvalidArgumentError extends Error {
    override readonly name = "InvalidArgumentError";
    constructor(
        readonly component: string,
        readonly argument: string,
        readonly problem: string,
        readonly hint: string,
    ) {
        super(`${component}: argument \`${argument}\` ${problem}; ${hint}`);
    }
}

/** No cloud chosen, or an unknown one. */
export class CloudSelectionError extends Error {
    override readonly name = "CloudSelectionError";
}

export function cloudTitle(cloud: CloudName): string {
    return cloud === "aws" ? "AWS" : cloud === "gcp" ? "Google Cloud" : "DigitalOcean";
}
