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
import * as digitalocean from "@pulumi/digitalocean";
import * as pulumi from "@pulumi/pulumi";
import { shellQuote } from "../../../build/shell-quote";
import { ServiceModel } from "../../../model/types";
import { serviceHealthCheck, workerLivenessCheck } from "./health-check";
import { appInstanceSize } from "./instance-sizing";
import { ServiceSource } from "../types";
import { instancesAtLeastOne, requestedInstances } from "../../../model/replicas";

type AppSpecService = digitalocean.types.input.AppSpecService;
type AppSpecWorker = digitalocean.types.input.AppSpecWorker;
type AppSpecJob = digitalocean.types.input.AppSpecJob;

/** One compose service as an App component: its spec, in the list of the App spec that holds its kind. */
export type AppComponent = { kind: "services"; spec: AppSpecService } | { kind: "workers"; spec: AppSpecWorker } | { kind: "jobs"; spec: AppSpecJob };

export type ComponentKind = AppComponent["kind"];

/** An environment variable of an App component (the same shape for services, workers and jobs). */
export interface AppEnv extends digitalocean.types.input.AppSpecServiceEnv {
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

/** The fields every kind of component shares: name, source, size, run command, environment. */
type CommonSpec = Pick<AppSpecJob, "name" | "image" | "git" | "dockerfilePath" | "sourceDir" | "instanceSizeSlug" | "runCommand" | "envs">;

const sourceSpec = (source: ServiceSource): Pick<CommonSpec, "image" | "git" | "dockerfilePath" | "sourceDir"> =>
    "git" in source
        ? defined({ git: { repoCloneUrl: source.git.repoCloneUrl, branch: source.git.branch }, dockerfilePath: source.git.dockerfilePath, sourceDir: source.git.sourceDir || undefined })
        : { image: source.image };

const scaling = (model: ServiceModel): Pick<AppSpecService, "autoscaling" | "instanceCount"> => {
    const a = model.autoscaling;
    if (a && a.maxReplicas > a.minReplicas) return { autoscaling: { minInstanceCount: a.minReplicas, maxInstanceCount: a.maxReplicas, metrics: { cpu: { percent: a.targetCpuPercent } } } };
    return { instanceCount: requestedInstances(model) };
};

/**
 * `spec` without its undefined fields: a spec holds only what is set. Write a spec's optional fields
 * as `field: value or undefined` rather than as a conditional spread: the compiler checks the names
 * of fields written out, not of those spread in.
 */
export function defined<T extends object>(spec: T): T {
    const out = { ...spec };
    for (const key in out) if (out[key] === undefined) delete out[key];
    return out;
}

export function componentSpec({ component, model, envs, source, dependedOn }: ComponentSpecArgs): AppComponent {
    const kind = componentKind(model);
    const autoscaled = !!model.autoscaling && model.autoscaling.maxReplicas > model.autoscaling.minReplicas;
    const size = appInstanceSize(model.name, model.resources, autoscaled, model.autoscaling ? model.autoscaling.minReplicas : model.replicas);
    const common: CommonSpec = {
        name: component,
        ...sourceSpec(source),
        instanceSizeSlug: size.slug,
        runCommand: runCommand(model),
        envs,
    };
    if (kind === "jobs") {
        return { kind, spec: defined<AppSpecJob>({ ...common, kind: dependedOn ? "PRE_DEPLOY" : "POST_DEPLOY", instanceCount: instancesAtLeastOne(model), termination: gracePeriod(model.stopGracePeriodSeconds) }) };
    }
    if (kind === "workers") {
        return { kind, spec: defined<AppSpecWorker>({ ...common, ...scaling(model), livenessHealthCheck: workerLivenessCheck(model.healthcheck), termination: gracePeriod(model.stopGracePeriodSeconds) }) };
    }
    const { httpPort, internalPorts } = servicePorts(model);
    // A service has a port (`componentKind`): its HTTP port, else its first internal port.
    const checkedPort = httpPort ?? internalPorts.at(0);
    return {
        kind,
        spec: defined<AppSpecService>({
            ...common,
            ...scaling(model),
            httpPort,
            internalPorts: internalPorts.length > 0 ? internalPorts : undefined,
            healthCheck: checkedPort === undefined ? undefined : serviceHealthCheck(model.healthcheck, checkedPort, httpPort === undefined),
            termination: gracePeriod(model.stopGracePeriodSeconds),
        }),
    };
}
