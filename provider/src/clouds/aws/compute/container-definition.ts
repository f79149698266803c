/**
 * The ECS container definition of a service, as a plain object: no resources. Values that are only
 * known at deployment time (the image of a build, parameter ARNs, the region) may be outputs; the
 * caller turns the whole definition into JSON with `pulumi.jsonStringify`. Sensitive values are never
 * here: they are `secrets` that name SSM parameters, which ECS reads when it starts the task.
 */
import * as pulumi from "@pulumi/pulumi";
import { HealthcheckModel, ServiceModel } from "../../../model/types";
import { EcsSecret } from "../secrets/secret-store";

/** The limits ECS puts on a container health check, in seconds (retries: a count). Values outside are clamped. */
export const HEALTHCHECK_LIMITS = {
    intervalSeconds: { min: 5, max: 300 },
    timeoutSeconds: { min: 2, max: 60 },
    retries: { min: 1, max: 10 },
    startPeriodSeconds: { min: 0, max: 300 },
} as const;

/** The longest Fargate waits between SIGTERM and SIGKILL when a task stops; longer grace periods are cut to it. */
export const MAX_STOP_TIMEOUT_SECONDS = 120;

export interface EcsHealthCheck {
    command: string[];
    interval: number;
    timeout: number;
    retries: number;
    startPeriod: number;
}

export interface EcsEnvironmentVariable {
    name: string;
    value: pulumi.Input<string>;
}

export interface ContainerDefinitionArgs {
    model: ServiceModel;
    image: pulumi.Input<string>;
    /** Parameters that ECS puts in the environment (sensitive values). */
    secrets: EcsSecret[];
    /** Plain variables added after the service's own literal ones (e.g. `AWS_REGION`); a name the service sets itself is not added. */
    extraEnvironment?: EcsEnvironmentVariable[];
    logGroupName: pulumi.Input<string>;
    region: pulumi.Input<string>;
}

function clamp(value: number, limits: { min: number; max: number }): number {
    return Math.min(limits.max, Math.max(limits.min, Math.round(value)));
}

/** The ECS health check of a compose health check; undefined when there is none (or it is `NONE`). */
export function containerHealthCheck(healthcheck: HealthcheckModel | undefined): EcsHealthCheck | undefined {
    const test = healthcheck?.test ?? [];
    if (!healthcheck || test.length === 0 || test[0] === "NONE") return undefined;
    // ECS takes the compose forms as they are: ["CMD", exe, args...] or ["CMD-SHELL", "command line"].
    const command = test[0] === "CMD" || test[0] === "CMD-SHELL" ? [...test] : ["CMD-SHELL", test.join(" ")];
    return {
        command,
        interval: clamp(healthcheck.intervalSeconds, HEALTHCHECK_LIMITS.intervalSeconds),
        timeout: clamp(healthcheck.timeoutSeconds, HEALTHCHECK_LIMITS.timeoutSeconds),
        retries: clamp(healthcheck.retries, HEALTHCHECK_LIMITS.retries),
        startPeriod: clamp(healthcheck.startPeriodSeconds, HEALTHCHECK_LIMITS.startPeriodSeconds),
    };
}

/** The container's port mappings: each target port and protocol once (awsvpc: the host port is the container port). */
export function portMappings(model: ServiceModel): Array<{ containerPort: number; protocol: "tcp" | "udp" }> {
    const seen = new Set<string>();
    const mappings: Array<{ containerPort: number; protocol: "tcp" | "udp" }> = [];
    for (const port of model.ports) {
        const key = `${port.target}/${port.protocol}`;
        if (seen.has(key)) continue;
        seen.add(key);
        mappings.push({ containerPort: port.target, protocol: port.protocol });
    }
    return mappings;
}

/** The plain environment: the service's literal values, then `extra` variables it does not set itself. */
export function plainEnvironment(model: ServiceModel, extra: EcsEnvironmentVariable[] = []): EcsEnvironmentVariable[] {
    const literal: EcsEnvironmentVariable[] = [];
    for (const v of model.environment) if (v.value.kind === "literal") literal.push({ name: v.name, value: v.value.value });
    const names = new Set(model.environment.map((v) => v.name));
    return [...literal, ...extra.filter((v) => !names.has(v.name))];
}

/** The one container of a service's task. */
export function containerDefinition(args: ContainerDefinitionArgs): Record<string, unknown> {
    const { model } = args;
    const definition: Record<string, unknown> = {
        name: model.name,
        image: args.image,
        essential: true,
        // Compose containers may write anywhere in their file system; a read-only root would break most images.
        readonlyRootFilesystem: false,
        portMappings: portMappings(model),
        environment: plainEnvironment(model, args.extraEnvironment),
        secrets: args.secrets.map((s) => ({ name: s.name, valueFrom: s.valueFrom })),
        logConfiguration: {
            logDriver: "awslogs",
            options: { "awslogs-group": args.logGroupName, "awslogs-region": args.region, "awslogs-stream-prefix": model.name },
        },
    };
    if (model.command) definition.command = [...model.command];
    if (model.entrypoint) definition.entryPoint = [...model.entrypoint];
    if (model.workingDir) definition.workingDirectory = model.workingDir;
    if (model.user) definition.user = model.user;
    const healthCheck = containerHealthCheck(model.healthcheck);
    if (healthCheck) definition.healthCheck = healthCheck;
    if (model.stopGracePeriodSeconds !== undefined) definition.stopTimeout = Math.min(MAX_STOP_TIMEOUT_SECONDS, Math.max(0, Math.round(model.stopGracePeriodSeconds)));
    return definition;
}
