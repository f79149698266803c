/**
 * Where DigitalOcean builds an image from a local context: `local` (the default, until a builder in
 * the user's account exists) is the deploying machine's Docker, pushing to DOCR; `none` forbids it,
 * for machines that must not depend on a local Docker: a local context is then refused before
 * anything is created, with the fix. A git context is built by App Platform itself and needs
 * neither. Pure: the caller reads the config.
 */
import { buildInputProblem } from "../../build/build-inputs";
import { UnsupportedFeature } from "../../model/errors";
import { ComponentModel } from "../../model/types";

/** The builders of local contexts on DigitalOcean that can be asked for. */
export type DigitalOceanBuilder = "local" | "none";

/** The stack config key, and the environment variable read when it is not set. */
export const DO_BUILDER_CONFIG_KEY = "doBuilder";
export const DO_BUILDER_ENV = "DEFANG_DO_BUILDER";

/** Whether local contexts may be built with this machine's Docker: unless `defang:doBuilder` (else the environment's `DEFANG_DO_BUILDER`) is `none`. */
export function localDockerBuildsAsked(configValue: string | undefined, env: Record<string, string | undefined>): boolean {
    return (configValue ?? env[DO_BUILDER_ENV]) !== ("none" satisfies DigitalOceanBuilder);
}

/**
 * A refusal per service built from a local context when the local builder is forbidden. A build
 * whose inputs are wrong is left to the verdict's own error on them (one problem, not two).
 */
export function localBuildRefusals(components: ComponentModel[], localAsked: boolean): UnsupportedFeature[] {
    if (localAsked) return [];
    return components
        .filter((c) => c.kind === "service" && c.build && !c.features.some((f) => f.feature === "remote-build-context") && !buildInputProblem(c.build))
        .map((c) => ({
            service: c.name,
            field: "build.context",
            message: `a local build context is built on DigitalOcean with this machine's Docker, which defang:${DO_BUILDER_CONFIG_KEY} none forbids`,
            hint: `run \`pulumi config set defang:${DO_BUILDER_CONFIG_KEY} local\` (or set ${DO_BUILDER_ENV}=local) to build with this machine's Docker and push to DOCR, or use a git context (build.context: https://github.com/you/repo.git) that App Platform builds itself`,
        }));
}
