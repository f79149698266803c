/**
 * The only place that reads what `@pulumi/pulumi` does not publish. Each reader checks the shape it
 * relies on and, when an SDK upgrade changed it, throws an error naming the SDK version and this
 * file; `tests/unit/sdk-internals.test.ts` runs every reader against the installed SDK.
 *
 * - The state of an `Output` (whether its value is known, and the value): the public API exposes
 *   them only through `apply`, which never runs on an unknown value.
 * - The address a resource monitor client talks to (a gRPC channel target): the SDK publishes the
 *   monitor but not its address, and the provider plugin serves each Construct of one deployment
 *   with a new client of the same engine.
 */
import * as pulumi from "@pulumi/pulumi";
import { version as sdkPackageVersion } from "@pulumi/pulumi/version";

/** The version of the installed `@pulumi/pulumi`, for error messages. */
export function sdkVersion(): string {
    return sdkPackageVersion;
}

/** The error thrown when the SDK no longer has the shape a reader relies on. */
export class SdkInternalsChanged extends Error {
    constructor(what: string) {
        super(`@pulumi/pulumi ${sdkVersion()} changed ${what}; update provider/src/util/sdk-internals.ts for this SDK version`);
        this.name = "SdkInternalsChanged";
    }
}

interface OutputState {
    isKnown: Promise<boolean>;
    promise(): Promise<unknown>;
}

function outputState(o: pulumi.Output<unknown>): OutputState {
    const state = o as unknown as Partial<OutputState>;
    if (!(state.isKnown instanceof Promise) || typeof state.promise !== "function") {
        throw new SdkInternalsChanged("the private state of Output (isKnown: Promise<boolean>, promise(): Promise<unknown>)");
    }
    return state as OutputState;
}

/** Whether the output's value is known (false in a preview, for a value the engine computes later). */
export function privateOutputIsKnown(o: pulumi.Output<unknown>): Promise<boolean> {
    return outputState(o).isKnown;
}

/** The output's value, known or not (undefined when unknown), without waiting for `apply`. */
export function privateOutputValue(o: pulumi.Output<unknown>): Promise<unknown> {
    return outputState(o).promise();
}

/**
 * The address of the engine behind `monitor` (its gRPC channel target), or undefined when the
 * monitor is not a gRPC client (the SDK's mock monitor under `setMocks`).
 */
export function monitorTarget(monitor: object): string | undefined {
    const client = monitor as { getChannel?: unknown };
    if (client.getChannel === undefined) return undefined;
    if (typeof client.getChannel !== "function") throw new SdkInternalsChanged("the resource monitor client (getChannel is not a method)");
    const channel = (client.getChannel as () => unknown).call(monitor) as { getTarget?: unknown } | undefined;
    if (!channel || typeof channel.getTarget !== "function") throw new SdkInternalsChanged("the resource monitor's gRPC channel (no getTarget method)");
    const target: unknown = (channel.getTarget as () => unknown).call(channel);
    if (typeof target !== "string") throw new SdkInternalsChanged("the resource monitor's gRPC channel target (not a string)");
    return target;
}
