/**
 * Where DigitalOcean builds an image from a local context: `local` is the deploying machine's
 * Docker, pushing to DOCR (an opt-in: the README promises no Docker on the user's machine). Without
 * the opt-in a local context is refused before anything is created, with the fix; a git context is
 * built by App Platform itself and needs neither. Pure: the caller reads the config (`doBuilderAsked`).
 */
import { buildInputProblem } from "../../build/build-inputs";
import { UnsupportedFeature } from "../../model/errors";
import { ComponentModel } from "../../model/types";

/** The builders of local contexts on DigitalOcean that can be asked for. */
export type DigitalOceanBuilder = "local";

/** The stack config key, and the environment variable read when it is not set. */
export const DO_BUILDER_CONFIG_KEY = "doBuilder";
export const DO_BUILDER_ENV = "DEFANG_DO_BUILDER";

/** Whether the local builder is asked for: the `defang:doBuilder` config value, else the environment's `DEFANG_DO_BUILDER`. */
export function localDockerBuildsAsked(configValue: string | undefined, env: Record<string, string | undefined>): boolean {
    return (configValue ?? env[DO_BUILDER_ENV]) === ("local" satisfies DigitalOceanBuilder);
}

/**
 * A refusal per service built from a local context, unless the local builder was asked for. A build
 * whose inputs are wrong is left to the verdict's own error on them (one problem, not two).
 */
export function localBuildRefusals(components: ComponentModel[], localAsked: boolean): UnsupportedFeature[] {
    if (localAsked) return [];
    return components
        .filter((c) => c.kind === "service" && c.build && !c.features.some((f) => f.feature === "remote-build-context") && !buildInputProblem(c.build))
        .map((c) => ({
            service: c.name,
            field: "build.context",
            message: "a local build context is built on DigitalOcean with this machine's Docker, which is opt-in",
            hint: `run \`pulumi config set defang:${DO_BUILDER_CONFIG_KEY} local\` (or set ${DO_BUILDER_ENV}=local) to build with this machine's Docker and push to DOCR, or use a git context (build.context: https://github.com/you/repo.git) that App Platform builds itself`,
        }));
}
