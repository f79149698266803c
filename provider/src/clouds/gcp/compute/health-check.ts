/**
 * A compose health check as Cloud Run probes: pure, no resources. Cloud Run cannot run a command in
 * the container, so an HTTP check of localhost (curl/wget) becomes HTTP startup and liveness probes
 * of its path, and any other check becomes a TCP startup probe of the service's port with the same
 * timing (Cloud Run has no TCP liveness probe).
 */
import { HealthcheckModel } from "../../../model/types";

/** Limits Cloud Run puts on startup probes, in seconds (failure threshold: a count). */
export const STARTUP_PROBE_LIMITS = { periodSeconds: { min: 1, max: 240 }, initialDelaySeconds: { min: 0, max: 240 }, failureThreshold: { min: 1, max: 100 } } as const;
/** Limits of liveness probes. */
export const LIVENESS_PROBE_LIMITS = { periodSeconds: { min: 1, max: 3600 }, failureThreshold: { min: 1, max: 100 } } as const;

export interface Probe {
    initialDelaySeconds?: number;
    periodSeconds: number;
    timeoutSeconds: number;
    failureThreshold: number;
    httpGet?: { path: string; port: number };
    tcpSocket?: { port: number };
}

export interface Probes {
    startup?: Probe;
    liveness?: Probe;
}

function clamp(value: number, limits: { min: number; max: number }): number {
    return Math.min(limits.max, Math.max(limits.min, Math.round(value)));
}

/** The probes of a service listening on `port`; none when it has no health check (Cloud Run's default TCP startup probe applies) or no port. */
export function cloudRunProbes(healthcheck: HealthcheckModel | undefined, port: number | undefined): Probes {
    const test = healthcheck?.test ?? [];
    if (!healthcheck || port === undefined || test.length === 0 || test[0] === "NONE") return {};
    const period = clamp(healthcheck.intervalSeconds, STARTUP_PROBE_LIMITS.periodSeconds);
    // A probe's timeout may not exceed its period.
    const timeout = Math.min(period, Math.max(1, Math.round(healthcheck.timeoutSeconds)));
    const failureThreshold = clamp(healthcheck.retries, STARTUP_PROBE_LIMITS.failureThreshold);
    const check = healthcheck.http ? { httpGet: { path: healthcheck.http.path || "/", port } } : { tcpSocket: { port } };
    const startup: Probe = {
        initialDelaySeconds: clamp(healthcheck.startPeriodSeconds, STARTUP_PROBE_LIMITS.initialDelaySeconds),
        periodSeconds: period,
        timeoutSeconds: timeout,
        failureThreshold,
        ...check,
    };
    if (!healthcheck.http) return { startup };
    const livenessPeriod = clamp(healthcheck.intervalSeconds, LIVENESS_PROBE_LIMITS.periodSeconds);
    const liveness: Probe = { periodSeconds: livenessPeriod, timeoutSeconds: Math.min(livenessPeriod, timeout), failureThreshold, httpGet: { path: healthcheck.http.path || "/", port } };
    return { startup, liveness };
}
