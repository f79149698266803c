/**
 * Errors of the deployment model: each names what is wrong, where, and how to fix it. They are
 * raised before any resource is created.
 */
import { configSetCommand } from "../compose/config-key";
import { CloudName, SourceLocation } from "./types";

/** A problem with one attribute of a service, with how to fix it and where it was written. */
export interface ServiceProblem {
    service: string;
    /** The attribute, e.g. `ports[0]` or `privileged`. */
    field: string;
    message: string;
    hint: string;
    location?: SourceLocation;
}

/** Something a cloud cannot do (or this package does not do there yet). */
export type UnsupportedFeature = ServiceProblem;

/** One problem per line, with its position and its fix. */
function problemLines(problems: ServiceProblem[]): string {
    return problems.map((f) => `  ${where(f.location)}service "${f.service}", ${f.field}: ${f.message}\n    fix: ${f.hint}`).join("\n");
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
        super(`${features.length === 1 ? "1 feature is" : `${features.length} features are`} not supported on ${cloudTitle(cloud)}; nothing was created:\n` + problemLines(features));
    }
}

/**
 * Build contexts or Dockerfiles that do not exist (or cannot be read): no cloud could build the
 * images, so every one is listed at once before anything is created.
 */
export class BuildInputsError extends Error {
    override readonly name = "BuildInputsError";
    constructor(readonly problems: ServiceProblem[]) {
        super(`${problems.length === 1 ? "1 build cannot start" : `${problems.length} builds cannot start`}; nothing was created:\n` + problemLines(problems));
    }
}

/** Sensitive config used by the project but not set in the stack: one `pulumi config set` line per key. */
export class MissingConfigError extends Error {
    override readonly name = "MissingConfigError";
    constructor(readonly keys: Array<{ key: string; usedBy: string[] }>) {
        super(
            `sensitive config ${keys.length === 1 ? "value is" : "values are"} not set; nothing was created. Set ${keys.length === 1 ? "it" : "each"} with:\n` +
                keys.map((k) => `  ${configSetCommand(k.key)}   # used by ${k.usedBy.map((s) => `"${s}"`).join(", ")}`).join("\n"),
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
