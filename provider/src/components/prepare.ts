/**
 * The checks every component makes before it registers anything: the cloud can run it, and the
 * sensitive config it reads is set. A component that fails them leaves nothing behind.
 */
import * as pulumi from "@pulumi/pulumi";
import { needsOf } from "../clouds/backend";
import { ComponentModel } from "../model/types";
import { checkCloud } from "./cloud-checks";
import { selectCloud } from "./cloud-selection";
import { ConfigValues } from "../clouds/config-values";
import { DeployContext, memberOf, standaloneContext } from "./deploy-context";

export interface Prepared<M> {
    model: M;
    /** Deferred: creating a lone component's shared infrastructure registers resources. */
    context: () => DeployContext;
    dependsOn: pulumi.Resource[];
    /**
     * Called by the component once it has deployed. A lone component finishes its part of the
     * stack's shared infrastructure (DigitalOcean creates the component's App here); a project
     * member does nothing, as `DefangProject` finishes the whole project.
     */
    finish: () => void;
}

/**
 * For a member of a `DefangProject`, what the project prepared; for a lone component, the model
 * from its arguments, checked against its cloud and the stack config.
 */
export function prepare<M extends ComponentModel>(args: unknown, title: string, provider: string | undefined, fromArgs: () => M): Prepared<M> {
    const member = memberOf<M>(args);
    if (member) return { model: member.model, context: () => member.context, dependsOn: member.dependsOn, finish: () => undefined };
    const model = fromArgs();
    const cloud = selectCloud(provider, title);
    checkCloud([model], cloud, new ConfigValues());
    const context = () => standaloneContext(cloud, needsOf({ components: [model] }));
    return { model, context, dependsOn: [], finish: () => context().infra.finish() };
}
