/**
 * The SDK's view of an output's state, which the public API exposes only through `apply`: whether
 * its value is known, whether it is secret, and the value. The plugin needs them to resolve an
 * output that reached a field taking plain values, and to make an output of a preview; a component
 * to resolve its computed arguments (`components/computed-args.ts`).
 */
import * as pulumi from "@pulumi/pulumi";

interface OutputState {
    isKnown: Promise<boolean>;
    isSecret: Promise<boolean>;
    promise(): Promise<unknown>;
}

export function outputIsKnown(o: pulumi.Output<unknown>): Promise<boolean> {
    return (o as unknown as OutputState).isKnown;
}

export function outputIsSecret(o: pulumi.Output<unknown>): Promise<boolean> {
    return (o as unknown as OutputState).isSecret;
}

export function outputValue(o: pulumi.Output<unknown>): Promise<unknown> {
    return (o as unknown as OutputState).promise();
}

/** An output whose value is not known yet (a preview). */
export function unknownOutput(): pulumi.Output<string> {
    const OutputClass = pulumi.Output as unknown as new (
        resources: Set<pulumi.Resource>,
        value: Promise<unknown>,
        isKnown: Promise<boolean>,
        isSecret: Promise<boolean>,
        allResources: Promise<Set<pulumi.Resource>>,
    ) => pulumi.Output<string>;
    return new OutputClass(new Set(), Promise.resolve(undefined), Promise.resolve(false), Promise.resolve(false), Promise.resolve(new Set()));
}
