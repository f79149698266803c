/**
 * The values of environment variables that are not literals, the same on every cloud: read from
 * sensitive config (`config`, `template`) or given by a program (`input`), each a Pulumi secret.
 * Where the value goes (SSM, Secret Manager, an App's `SECRET` env var) and how literals and
 * references to other services are rewritten stay with each cloud.
 */
import * as pulumi from "@pulumi/pulumi";
import { ConfigValues } from "../config-values";
import { EnvValue } from "../../model/types";

/** An environment variable whose value is a secret, for the cloud's secret store. */
export interface SensitiveValue {
    /** The environment variable. */
    name: string;
    /** Its value, a secret. */
    value: pulumi.Output<string>;
}

/** A program's input as environment text, a secret: a string as it is, anything else (a number, an object) as JSON. */
export function programValue(input: unknown): pulumi.Output<string> {
    return pulumi.secret(pulumi.output(input as pulumi.Input<string>).apply((x: unknown) => (typeof x === "string" ? x : JSON.stringify(x))));
}

/**
 * The secret value of a variable that is not a literal: its config key, its template with the
 * config values filled in, or its program's input; `undefined` for a literal. Reads the config at
 * once, so that a missing key throws (naming it and `usedBy`) before any resource is created.
 */
export function sensitiveEnvValue(value: EnvValue, config: ConfigValues, usedBy: string): pulumi.Output<string> | undefined {
    switch (value.kind) {
        case "literal":
            return undefined;
        case "config":
            return pulumi.secret(config.get(value.key, usedBy));
        case "template":
            return pulumi.secret(config.resolve(value.template, value.keys, usedBy));
        case "input":
            return programValue(value.value);
    }
}
