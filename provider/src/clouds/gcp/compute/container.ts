/**
 * The one container of a Cloud Run service or worker pool, as a plain object: no resources.
 * Values only known at deployment time (the built image, secret versions, rewritten references)
 * may be outputs. Sensitive values are never here: they are references to Secret Manager secrets.
 */
import * as pulumi from "@pulumi/pulumi";
import { PortModel, ServiceModel } from "../../../model/types";
import { CloudRunSize } from "./cloud-run-sizing";
import { PlainValue } from "./environment";
import { cloudRunProbes } from "./health-check";
import { SecretEnv } from "../secrets/secret-store";

export interface CloudRunEnv {
    name: string;
    value?: pulumi.Input<string>;
    valueSource?: { secretKeyRef: { secret: pulumi.Input<string>; version: pulumi.Input<string> } };
}

export interface ContainerArgs {
    model: ServiceModel;
    image: pulumi.Input<string>;
    size: CloudRunSize;
    plain: PlainValue[];
    secrets: SecretEnv[];
    /** The port requests are sent to; undefined for a worker pool. */
    port?: PortModel;
    /** CPU only while a request is served (request-based billing); false keeps it always on. */
    cpuIdle: boolean;
}

/** Cloud Run's name of the port's protocol: `h2c` (HTTP/2 without TLS, which gRPC needs) or `http1`. */
export function portName(port: PortModel): "h2c" | "http1" {
    const p = port.appProtocol?.toLowerCase();
    return p === "grpc" || p === "http2" || p === "h2" || p === "h2c" ? "h2c" : "http1";
}

/** The environment: plain values, then the secret references. */
export function containerEnv(plain: PlainValue[], secrets: SecretEnv[]): CloudRunEnv[] {
    return [...plain.map((v) => ({ name: v.name, value: v.value })), ...secrets.map((s) => ({ name: s.name, valueSource: { secretKeyRef: { secret: s.secret, version: s.version } } }))];
}

/** The container, in the shape of the Cloud Run v2 API (`image` plus the fields it sets). */
export type ContainerSpec = { name: string; image: pulumi.Input<string> } & Record<string, unknown>;

export function container(args: ContainerArgs): ContainerSpec {
    const { model, port } = args;
    const spec: ContainerSpec = {
        name: model.name
            .toLowerCase()
            .replace(/[^a-z0-9-]/g, "-")
            .slice(0, 63),
        image: args.image,
        envs: containerEnv(args.plain, args.secrets),
        resources: { limits: { ...args.size.limits }, ...(port ? { cpuIdle: args.cpuIdle, startupCpuBoost: true } : {}) },
    };
    // Compose's entrypoint is the container's command, and compose's command its arguments.
    if (model.entrypoint) spec.commands = [...model.entrypoint];
    if (model.command) spec.args = [...model.command];
    if (model.workingDir) spec.workingDir = model.workingDir;
    if (port) {
        spec.ports = { containerPort: port.target, name: portName(port) };
        const probes = cloudRunProbes(model.healthcheck, port.target);
        if (probes.startup) spec.startupProbe = probes.startup;
        if (probes.liveness) spec.livenessProbe = probes.liveness;
    }
    return spec;
}
