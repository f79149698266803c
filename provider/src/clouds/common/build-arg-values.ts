/**
 * The values of a build's arguments read from config, and the build's hash and image tag that
 * follow them, the same for every cloud. The values stay Pulumi secrets; the hash is not one (it is
 * a slow one-way digest: `build/secret-args-hash.ts`), so the image's name is not made secret.
 */
import * as pulumi from "@pulumi/pulumi";
import { PreparedBuild } from "../../build/build-context";
import { imageTag } from "../../build/content-hash";
import { hashWithSecretArgs } from "../../build/secret-args-hash";
import { ConfigValues } from "../config-values";
import { BuildModel } from "../../model/types";

/** One build argument read from config, and its value, a secret. */
export interface SecretBuildArg {
    name: string;
    value: pulumi.Output<string>;
}

/**
 * The secret values of `build`'s arguments read from config. Reads the config at once, so that a
 * missing key throws (naming it and the service) before any resource is created.
 */
export function secretBuildArgs(build: BuildModel, config: ConfigValues, service: string): SecretBuildArg[] {
    return (build.configArgs ?? []).map((a) => ({
        name: a.name,
        value: pulumi.secret(a.value.kind === "config" ? config.get(a.value.key, service) : config.resolve(a.value.template, a.value.keys, service)),
    }));
}

/** The build's hash and image tag: the prepared ones, or, with arguments from config, ones that follow their values too. */
export interface BuildVersion {
    hash: pulumi.Output<string>;
    tag: pulumi.Output<string>;
}

export function buildVersion(prepared: PreparedBuild, args: readonly SecretBuildArg[]): BuildVersion {
    if (args.length === 0) return { hash: pulumi.output(prepared.hash), tag: pulumi.output(prepared.tag) };
    const hash = pulumi.unsecret(secretArgValues(args).apply((values) => hashWithSecretArgs(prepared.hash, values)));
    return { hash, tag: hash.apply(imageTag) };
}

/** The arguments read from config as one map, name to value: a secret. */
export function secretArgValues(args: readonly SecretBuildArg[]): pulumi.Output<Record<string, string>> {
    return pulumi.secret(pulumi.all(Object.fromEntries(args.map((a) => [a.name, a.value]))));
}

/** The literal arguments with the secret ones added: a secret (DigitalOcean's build job takes them all as SECRET env values). */
export function allBuildArgs(prepared: PreparedBuild, args: readonly SecretBuildArg[]): pulumi.Output<Record<string, string>> {
    return secretArgValues(args).apply((values) => ({ ...prepared.args, ...values }));
}
