/**
 * The outputs a component registers (`registerOutputs`) are what the plugin returns from Construct:
 * the component itself says what it outputs, and the schema is generated from the same class.
 */
import * as pulumi from "@pulumi/pulumi";
import { ComponentClass } from "./components";

const registered = new WeakMap<pulumi.ComponentResource, pulumi.Inputs>();

/** A subclass of `component` that keeps what each instance registers as its outputs. */
export function recordingOutputs(component: ComponentClass): ComponentClass {
    const Base = component as unknown as typeof pulumi.ComponentResource;
    class Recording extends Base {
        override registerOutputs(outputs?: pulumi.Inputs | Promise<pulumi.Inputs> | pulumi.Output<pulumi.Inputs>): void {
            if (outputs !== undefined && !pulumi.Output.isInstance(outputs) && !(outputs instanceof Promise)) registered.set(this, outputs);
            super.registerOutputs(outputs);
        }
    }
    Object.defineProperty(Recording, "name", { value: component.name });
    return Recording as unknown as ComponentClass;
}

/** The outputs `instance` registered, or undefined when it registered none. */
export function registeredOutputs(instance: pulumi.ComponentResource): pulumi.Inputs | undefined {
    return registered.get(instance);
}
