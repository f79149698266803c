/**
 * A compose healthcheck as App Platform's component health check. App Platform probes over the
 * network: an HTTP probe of localhost (`curl -f http://localhost:8080/health`) becomes an HTTP
 * check of that path and port; any other test becomes a TCP check of the service's port. Workers
 * take HTTP liveness checks only. Values are kept within App Platform's limits.
 */
import { HealthcheckModel } from "../../../model/types";

export interface AppHealthCheck {
    httpPath?: string;
    port?: number;
    periodSeconds: number;
    timeoutSeconds: number;
    failureThreshold: number;
    initialDelaySeconds: number;
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(v)));

function timings(h: HealthcheckModel): Omit<AppHealthCheck, "httpPath" | "port"> {
    return {
        periodSeconds: clamp(h.intervalSeconds, 1, 300),
        timeoutSeconds: clamp(h.timeoutSeconds, 1, 120),
        failureThreshold: clamp(h.retries, 1, 50),
        initialDelaySeconds: clamp(h.startPeriodSeconds, 0, 3600),
    };
}

/**
 * The health check of a service listening on `mainPort` (its HTTP port, else its first internal
 * port); undefined keeps App Platform's default (TCP on the HTTP port). A service without an HTTP
 * port (`internalOnly`) names the port it is checked on.
 */
export function serviceHealthCheck(h: HealthcheckModel | undefined, mainPort: number, internalOnly = false): AppHealthCheck | undefined {
    if (!h) return internalOnly ? { ...timings(DEFAULT_TIMINGS), port: mainPort } : undefined;
    const check: AppHealthCheck = timings(h);
    if (h.http) {
        check.httpPath = h.http.path || "/";
        if (h.http.port !== undefined && h.http.port !== mainPort) check.port = h.http.port;
    }
    if (internalOnly && check.port === undefined) check.port = mainPort;
    return check;
}

/** The timings of a TCP check when the service has no healthcheck: Docker's defaults (30 s apart, 30 s timeout, 3 retries). */
const DEFAULT_TIMINGS: HealthcheckModel = { test: [], intervalSeconds: 30, timeoutSeconds: 30, retries: 3, startPeriodSeconds: 0 };

/** A worker's liveness check: only an HTTP probe with a port can be one. */
export function workerLivenessCheck(h: HealthcheckModel | undefined): AppHealthCheck | undefined {
    if (!h?.http?.port) return undefined;
    return { ...timings(h), httpPath: h.http.path || "/", port: h.http.port };
}
