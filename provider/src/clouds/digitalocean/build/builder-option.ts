/**
 * Where DigitalOcean builds an image from a local context: `remote` (the default) is a build job in
 * the user's account (App Platform job, context in Spaces, see `do-build-run.ts`), which needs no
 * Docker on the deploying machine; `local` is the deploying machine's Docker, pushing to DOCR;
 * `none` forbids building local contexts: one is then refused before anything is created, with the
 * fix. A git context is built by App Platform itself and needs none of them. Pure: the caller reads
 * the config.
 */
import { buildInputProblem } from "../../../build/build-inputs";
import { InvalidArgumentError, UnsupportedFeature } from "../../../model/errors";
import { ComponentModel } from "../../../model/types";

/** The builders of local contexts on DigitalOcean that can be asked for. */
export type DigitalOceanBuilder = "remote" | "local" | "none";

const BUILDERS: readonly DigitalOceanBuilder[] = ["remote", "local", "none"];

/** The builder asked for: `defang:doBuilder`, else the environment's `DEFANG_DO_BUILDER`, else `remote`. */
export function digitalOceanBuilder(configValue: string | undefined, env: Record<string, string | undefined>): DigitalOceanBuilder {
    const value = configValue ?? env[DO_BUILDER_ENV];
    if (value === undefined || value === "") return "remote";
    if ((BUILDERS as readonly string[]).includes(value)) return value as DigitalOceanBuilder;
    throw new InvalidArgumentError("defang", DO_BUILDER_CONFIG_KEY, `is "${value}"`, `use ${BUILDERS.join(", ")} (remote, the default, builds in your account; local with this machine's Docker)`);
}

/** The stack config key, and the environment variable read when it is not set. */
export const DO_BUILDER_CONFIG_KEY = "doBuilder";
export const DO_BUILDER_ENV = "DEFANG_DO_BUILDER";

/** Whether local contexts may be built at all: unless `defang:doBuilder` (else the environment's `DEFANG_DO_BUILDER`) is `none`. */
export function localDockerBuildsAsked(configValue: string | undefined, env: Record<string, string | undefined>): boolean {
    return (configValue ?? env[DO_BUILDER_ENV]) !== ("none" satisfies DigitalOceanBuilder);
}

/** The services built from a local context whose inputs are right (a wrong one has the verdict's own error: one problem, not two). */
function localBuildServices(components: ComponentModel[]): ComponentModel[] {
    return components.filter((c) => c.kind === "service" && c.build && !c.features.some((f) => f.feature === "remote-build-context") && !buildInputProblem(c.build));
}

/**
 * A refusal per service built from a local context when the local builder is forbidden. A build
 * whose inputs are wrong is left to the verdict's own error on them (one problem, not two).
 */
export function localBuildRefusals(components: ComponentModel[], localAsked: boolean): UnsupportedFeature[] {
    if (localAsked) return [];
    return localBuildServices(components).map((c) => ({
        service: c.name,
        field: "build.context",
        message: `a local build context must be built and pushed to DOCR, which defang:${DO_BUILDER_CONFIG_KEY} none forbids`,
        hint: `run \`pulumi config set defang:${DO_BUILDER_CONFIG_KEY} remote\` (or set ${DO_BUILDER_ENV}=remote) to build it in your account, or local to build with this machine's Docker, or use a git context (build.context: https://github.com/you/repo.git) that App Platform builds itself`,
    }));
}

/**
 * What the remote builder needs that the stack does not have, as the settings to set: an API token
 * (the build job is created through the API) and Spaces keys (the build bucket is a Spaces bucket,
 * managed by the DigitalOcean provider with them). Pure: the caller passes what is set.
 */
export function remoteBuilderMissing(set: { token: boolean; spacesAccessId: boolean; spacesSecretKey: boolean }): string[] {
    const missing: string[] = [];
    if (!set.token) missing.push("an API token (digitalocean:token, or DIGITALOCEAN_TOKEN)");
    if (!set.spacesAccessId) missing.push("a Spaces access key id (digitalocean:spacesAccessId, or SPACES_ACCESS_KEY_ID)");
    if (!set.spacesSecretKey) missing.push("a Spaces secret key (digitalocean:spacesSecretKey, or SPACES_SECRET_ACCESS_KEY)");
    return missing;
}

/**
 * A refusal per service built from a local context by the remote builder when the stack lacks what
 * that builder needs (`missing`, from `remoteBuilderMissing`): before anything is created, rather
 * than a failed bucket or build halfway through `pulumi up`.
 */
export function remoteBuilderRefusals(components: ComponentModel[], missing: readonly string[]): UnsupportedFeature[] {
    if (missing.length === 0) return [];
    return localBuildServices(components).map((c) => ({
        service: c.name,
        field: "build.context",
        message: `the local build context is built in your account (defang:${DO_BUILDER_CONFIG_KEY} remote, the default), which needs ${missing.join(", ")}`,
        hint: `set them (\`pulumi config set --secret digitalocean:spacesSecretKey <key>\`; Spaces keys are made under API > Spaces Keys), or \`pulumi config set defang:${DO_BUILDER_CONFIG_KEY} local\` to build with this machine's Docker`,
    }));
}
