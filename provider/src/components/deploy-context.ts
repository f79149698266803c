/**
 * Where a component is deployed: the project infrastructure it belongs to (a handle of its cloud's
 * backend), and the sensitive config it reads. `DefangProject` hands these to its members; a component created
 * on its own shares one infrastructure per stack and cloud with the other lone components, so that
 * they find each other by name.
 */
import * as pulumi from "@pulumi/pulumi";
import { InfrastructureHandle, InfrastructureNeeds } from "../clouds/backend";
import { backendFor } from "../clouds/registry";
import { CloudName } from "../model/types";
import { ConfigValues } from "../clouds/config-values";
import { SHARED_INFRASTRUCTURE_NAME, SharedInfrastructure } from "../clouds/shared-infrastructure";
import { infrastructureOptions } from "./infrastructure-options";
import { monitorTarget } from "../util/sdk-internals";

export interface DeployContext {
    cloud: CloudName;
    /** The project's infrastructure, as an opaque handle of its backend: components deploy into it. */
    infra: InfrastructureHandle;
    config: ConfigValues;
}

/** Set by `DefangProject` on the arguments of its members (a symbol: never part of the public arguments). */
export const PROJECT_MEMBER = Symbol("defang.projectMember");

export interface ProjectMember<M> {
    model: M;
    context: DeployContext;
    dependsOn: pulumi.Resource[];
}

export function memberOf<M>(args: unknown): ProjectMember<M> | undefined {
    return (args as { [PROJECT_MEMBER]?: ProjectMember<M> } | undefined)?.[PROJECT_MEMBER];
}

type Scope = Map<CloudName, DeployContext>;
const scopes = new WeakMap<object, Scope>();
const engineScopes = new Map<string, Scope>();
const processScope: Scope = new Map();

/**
 * Lone components share per program run (per mock monitor under test) and per cloud. The provider
 * plugin serves each Construct of one run with a new client of the same engine: those share by
 * the engine's address.
 */
function currentScope(): Scope {
    const monitor = pulumi.runtime.getMonitor();
    if (!monitor) return processScope;
    const address = monitorTarget(monitor);
    const target = address !== undefined ? `${pulumi.getProject()}/${pulumi.getStack()}@${address}` : undefined;
    let scope = target ? engineScopes.get(target) : scopes.get(monitor);
    if (!scope) {
        scope = new Map();
        if (target) engineScopes.set(target, scope);
        else scopes.set(monitor, scope);
    }
    return scope;
}

/** The deploy context of a lone component on `cloud`, creating the shared infrastructure on first use. */
export function standaloneContext(cloud: CloudName, needs: InfrastructureNeeds): DeployContext {
    const scope = currentScope();
    let context = scope.get(cloud);
    if (!context) {
        const backend = backendFor(cloud);
        const options = infrastructureOptions();
        const owner = new SharedInfrastructure(SHARED_INFRASTRUCTURE_NAME);
        const infra = backend.createInfrastructure({ name: SHARED_INFRASTRUCTURE_NAME, projectName: pulumi.getProject(), needs, options, parent: owner });
        context = { cloud, infra, config: new ConfigValues() };
        scope.set(cloud, context);
    }
    return context;
}
