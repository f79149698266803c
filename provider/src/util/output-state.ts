/**
 * An output's state: whether its value is known, whether it is secret, and the value. The plugin
 * needs them to resolve an output that reached a field taking plain values, and to make an output
 * of a preview; a component to resolve its computed arguments (`components/computed-args.ts`).
 * What the SDK does not publish is read in `sdk-internals.ts`.
 */
import * as pulumi from "@pulumi/pulumi";
import { privateOutputIsKnown, privateOutputValue } from "./sdk-internals";

export function outputIsKnown(o: pulumi.Output<unknown>): Promise<boolean> {
    return privateOutputIsKnown(o);
}

export function outputIsSecret(o: pulumi.Output<unknown>): Promise<boolean> {
    return pulumi.isSecret(o);
}

export function outputValue(o: pulumi.Output<unknown>): Promise<unknown> {
    return privateOutputValue(o);
}

/** An output whose value is not known yet (a preview). */
export function unknownOutput(): pulumi.Output<string> {
    return pulumi.output(pulumi.unknown as unknown as string);
}
