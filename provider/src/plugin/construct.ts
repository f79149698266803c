/**
 * Construct: one component from a token, a name, deserialized inputs and options. Dispatches
 * through the token table; returns the outputs the component registered.
 */
import * as pulumi from "@pulumi/pulumi";
import { InvalidArgumentError } from "../model/errors";
import { COMPONENTS, ComponentClass, ComponentToken, isComponentToken } from "./components";
import { componentTitle } from "./input-problems";
import { componentArgs } from "./inputs";
import { PackageSchema } from "./package-schema";
import { recordingOutputs, registeredOutputs } from "./registered-outputs";

const recordingClasses = new Map<ComponentToken, ComponentClass>();

function componentClass(token: ComponentToken): ComponentClass {
    let cls = recordingClasses.get(token);
    if (!cls) recordingClasses.set(token, (cls = recordingOutputs(COMPONENTS[token])));
    return cls;
}

export async function constructComponent(schema: PackageSchema, name: string, type: string, inputs: pulumi.Inputs, options: pulumi.ComponentResourceOptions): Promise<pulumi.provider.ConstructResult> {
    if (!isComponentToken(type) || !schema.resources[type]) {
        throw new Error(`unknown resource type "${type}": the defang provider has ${Object.keys(COMPONENTS).join(", ")}`);
    }
    const title = componentTitle(type, name);
    const args = await componentArgs(schema, type, title, inputs);
    const Component = componentClass(type);
    let instance: pulumi.ComponentResource;
    try {
        instance = new Component(name, args as never, options);
    } catch (e) {
        if (e instanceof InvalidArgumentError) {
            throw new pulumi.InputPropertiesError({ message: e.message, errors: [{ propertyPath: e.argument, reason: e.message }] });
        }
        throw e;
    }
    const state = registeredOutputs(instance);
    if (!state) throw new Error(`${title} registered no outputs`);
    return { urn: instance.urn, state };
}
