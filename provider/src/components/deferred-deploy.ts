/**
 * A lone component whose arguments hold computed values (`computed-args.ts`): it is registered at
 * once, and creates its children when the values are resolved. Its outputs stand for the outputs of
 * that deployment, each keeping its own secrecy and dependencies; in a preview where a value is not
 * known yet, they are unknown and the component has no children.
 *
 * A refusal found once the values are known (a version the cloud does not run, a size too large)
 * fails the deployment with the component's own message, as a Pulumi run error (no stack trace);
 * only the component itself has been registered by then.
 */
import * as pulumi from "@pulumi/pulumi";
import { BuildInputsError, CloudSelectionError, InvalidArgumentError, MissingConfigError, UnsupportedFeaturesError } from "../model/errors";
import { unknownOutput } from "../util/output-state";
import { resolveComputedArgs } from "./computed-args";
import { ComponentOutputs, OutputNames } from "./component-outputs";

/** The errors that carry a complete message for the user. */
const REFUSALS = [InvalidArgumentError, CloudSelectionError, MissingConfigError, UnsupportedFeaturesError, BuildInputsError];

/**
 * The outputs named by `names` of `deploy(resolved args, the resources their values came from)`,
 * run once the computed arguments of `args` are resolved; `component` is the parent `deploy`
 * creates the children under, which depend on those resources.
 */
export function deployWhenResolved<A, O extends ComponentOutputs<O>>(component: pulumi.ComponentResource, title: string, args: A, names: OutputNames<O>, deploy: (resolved: A, dependsOn: pulumi.Resource[]) => O): O {
    const deployed: Promise<O | undefined> = resolveComputedArgs(args, title)
        .then((r) => {
            if (r.known) return deploy(r.args, r.dependsOn);
            pulumi.log.info(
                `${title}: ${r.unknown.map((f) => `\`${f}\``).join(", ")} ${r.unknown.length > 1 ? "are" : "is"} not known until the resource it comes from exists; this preview shows none of the component's resources, the update creates them`,
                component,
            );
            return undefined;
        })
        .catch((e: unknown) => {
            throw REFUSALS.some((c) => e instanceof c) ? new pulumi.RunError((e as Error).message) : e;
        });
    const outputs: Partial<O> = {};
    // `names` has every key of `O` (`OutputNames`), and only those.
    for (const key of Object.keys(names) as Array<keyof O>) outputs[key] = pulumi.output(deployed.then((d) => (d ? d[key] : unknownOutput()))) as unknown as O[typeof key];
    return outputs as O;
}
