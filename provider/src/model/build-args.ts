/**
 * Build arguments split by where their value comes from: written in the compose file (or resolved
 * from `.env` when the file is read), or from sensitive config (`${KEY}` with no value then), which
 * is resolved at deployment and reaches the cloud's builder through its secret store, never as
 * plain text in the build's inputs. Pure.
 */
import { envValueOf } from "./environment";
import { BuildArgFromConfig, BuildModel } from "./types";

/** `args` of a canonical `build`: literal values as they are, config ones apart, each sorted by name. */
export function splitBuildArgs(args: Record<string, string>): Pick<BuildModel, "args" | "configArgs"> {
    const literal: Record<string, string> = {};
    const fromConfig: BuildArgFromConfig[] = [];
    for (const [name, raw] of Object.entries(args).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const value = envValueOf(name, raw);
        if (value.kind === "literal") literal[name] = value.value;
        else if (value.kind === "config" || value.kind === "template") fromConfig.push({ name, value });
    }
    return fromConfig.length > 0 ? { args: literal, configArgs: fromConfig } : { args: literal };
}

/** The names of the build arguments read from config, sorted. */
export function configArgNames(build: BuildModel): string[] {
    return (build.configArgs ?? []).map((a) => a.name);
}
