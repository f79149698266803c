/**
 * Where DigitalOcean builds an image from a local context: `remote` (the default) is a build job in
 * the user's account (App Platform job, context in Spaces, see `do-build-run.ts`), which needs no
 * Docker on the deploying machine; `local` is the deploying machine's Docker, pushing to DOCR;
 * `none` forbids building local contexts: one is then refused before anything is created, with the
 * fix. A git context is built by App Platform itself and needs none of them. Pure: the caller reads
 * the config.
 */
import { buildInputProblem } from "../../build/build-inputs";
import { InvalidArgumentError, UnsupportedFeature } from "../../model/errors";
import { ComponentModel } from "../../model/types";

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
            message: `a local build context must be built and pushed to DOCR, which defang:${DO_BUILDER_CONFIG_KEY} none forbids`,
            hint: `run \`pulumi config set defang:${DO_BUILDER_CONFIG_KEY} remote\` (or set ${DO_BUILDER_ENV}=remote) to build it in your account, or local to build with this machine's Docker, or use a git context (build.context: https://github.com/you/repo.git) that App Platform builds itself`,
        }));
}
