/**
 * Plausible cloud outputs for a program run offline under the SDK's mock monitor: the offline
 * `plan` and the tests both answer registrations and provider calls from here. Each cloud has its
 * own file; none imports a cloud SDK.
 */
import { cannedAwsCall, cannedAwsState } from "./canned-aws";
import { cannedDigitalOceanCall, cannedDigitalOceanState } from "./canned-digitalocean";
import { cannedGcpCall, cannedGcpState } from "./canned-gcp";
import { asSecretValue } from "./secret-values";

/** The state a create would return for a resource of `type` named `name` with inputs `raw` (secrets stay wrapped). */
export function cannedState(type: string, name: string, raw: Record<string, unknown>): Record<string, unknown> {
    const pkg = type.split(":")[0];
    switch (pkg) {
        case "aws":
            return cannedAwsState(type, name, raw);
        case "gcp":
            return cannedGcpState(type, name, raw);
        case "digitalocean":
            return cannedDigitalOceanState(type, name, raw);
        case "random":
            // The random provider declares a password's `result` secret.
            return type === "random:index/randomPassword:RandomPassword" ? { ...raw, result: asSecretValue("generated-password-0123456789") } : { ...raw };
        default:
            return { ...raw, name: raw.name ?? name };
    }
}

/** The result of a provider function `token` called with `inputs`. */
export function cannedCall(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
    switch (token.split(":")[0]) {
        case "aws":
            return cannedAwsCall(token, inputs);
        case "gcp":
            return cannedGcpCall(token, inputs);
        case "digitalocean":
            return cannedDigitalOceanCall(token, inputs);
        default:
            return inputs;
    }
}
