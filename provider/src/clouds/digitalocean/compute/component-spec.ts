/**
 * One compose service as a component of the App spec:
 * - with ports, a `service`: its public port is its HTTP port, the other ports are internal ports
 *   (a service with private ports only has internal ports, and no HTTP port: it is not public);
 *   other components reach it at `<component>:<port>`;
 * - a one-off job of the model (`lifecycle: "job"`), a `job`, run before each deployment when another
 *   service depends on it (a migration), else after, in `replicas` instances;
 * - otherwise a `worker`.
 * Size from the reservations, replicas as instance count (or autoscaling between min and max on a
 * dedicated size), healthcheck, entrypoint and command as run command, stop grace period.
 */
import * as pulumi from "@pulumi/pulumi";
import { shellQuote } from "../../../build/shell-quote";
import { ServiceModel } from "../../../model/types";
import { AppHealthCheck, serviceHealthCheck, workerLivenessCheck } from "./health-check";
import { appInstanceSize } from "./instance-sizing";
import { ServiceSource } from "../types";
import { instancesAtLeastOne, requestedInstances } from "../../../model/replicas";

export type ComponentKind = "services" | "workers" | "jobs";

export interface AppEnv {
    key: string;
    value: pulumi.Input<string>;
    type: "GENERAL" | "SECRET";
    /** Build-time variables are the build args of a git build (App Platform passes them to `docker build`). */
    scope: "RUN_TIME" | "BUILD_TIME" | "RUN_AND_BUILD_TIME";
}

/** What kind of App component a service is. */
export function componentKind(model: ServiceModel): ComponentKind {
    if (model.lifecycle === "job") return "jobs";
    return model.ports.length > 0 ? "services" : "workers";
}

/**
 * The service's public HTTP port (its first public port) and its other, internal ports. A service
 * with private ports only has no HTTP port: App Platform then keeps it off the internet, and the
 * App's other components reach its internal ports (any TCP traffic).
 */
export function servicePorts(model: ServiceModel): { httpPort?: number; internalPorts: number[] } {
    const main = model.ports.find((p) => p.mode === "ingress");
    const internalPorts = [...new Set(model.ports.map((p) => p.target).filter((t) => t !== main?.target))].sort((a, b) => a - b);
    return main ? { httpPort: main.target, internalPorts } : { internalPorts };
}

/** Entrypoint and command as one shell command line; undefined keeps the image's. */
export function runCommand(model: ServiceModel): string | undefined {
    const words = [...(model.entrypoint ?? []), ...(model.command ?? [])];
    return words.length > 0 ? words.map(shellQuote).join(" ") : undefined;
}

/** Seconds App Platform waits between TERM and KILL: 1 to 600. */
const gracePeriod = (s: number | undefined) => (s === undefined ? undefined : { gracePeriodSeconds: Math.min(600, Math.max(1, s)) });

export interface ComponentSpecArgs {
    component: string;
    model: ServiceModel;
    envs: AppEnv[];
    source: ServiceSource;
    /** Whether another service of the App depends on this one (a job then runs before deployments). */
    dependedOn: boolean;
}

type Spec = Record<string, unknown>;

const sourceSpec = (source: ServiceSource): Spec =>
    "git" in source
        ? { git: { repoCloneUrl: source.git.repoCloneUrl, branch: source.git.branch }, dockerfilePath: source.git.dockerfilePath, ...(source.git.sourceDir ? { sourceDir: source.git.sourceDir } : {}) }
        : { image: source.image };

const scaling = (model: ServiceModel): Spec => {
    const a = model.autoscaling;
    if (a && a.maxReplicas > a.minReplicas) return { autoscaling: { minInstanceCount: a.minReplicas, maxInstanceCount: a.maxReplicas, metrics: { cpu: { percent: a.targetCpuPercent } } } };
    return { instanceCount: requestedInstances(model) };
};

function defined(spec: Spec): Spec {
    return Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined));
}

export function componentSpec({ component, model, envs, source, dependedOn }: ComponentSpecArgs): { kind: ComponentKind; spec: Spec } {
    const kind = componentKind(model);
    const autoscaled = !!model.autoscaling && model.autoscaling.maxReplicas > model.autoscaling.minReplicas;
    const size = appInstanceSize(model.name, model.resources, autoscaled, model.autoscaling ? model.autoscaling.minReplicas : model.replicas);
    const common: Spec = {
        name: component,
        ...sourceSpec(source),
        instanceSizeSlug: size.slug,
        runCommand: runCommand(model),
        envs,
    };
    if (kind === "jobs") {
        return { kind, spec: defined({ ...common, kind: dependedOn ? "PRE_DEPLOY" : "POST_DEPLOY", instanceCount: instancesAtLeastOne(model), termination: gracePeriod(model.stopGracePeriodSeconds) }) };
    }
    if (kind === "workers") {
        const liveness: AppHealthCheck | undefined = workerLivenessCheck(model.healthcheck);
        return { kind, spec: defined({ ...common, ...scaling(model), livenessHealthCheck: liveness, termination: gracePeriod(model.stopGracePeriodSeconds) }) };
    }
    const { httpPort, internalPorts } = servicePorts(model);
    return {
        kind,
        spec: defined({
            ...common,
            ...scaling(model),
            httpPort,
            internalPorts: internalPorts.length > 0 ? internalPorts : undefined,
            healthCheck: serviceHealthCheck(model.healthcheck, httpPort ?? internalPorts[0], httpPort === undefined),
            termination: gracePeriod(model.stopGracePeriodSeconds),
        }),
    };
}
