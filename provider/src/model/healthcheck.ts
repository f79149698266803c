/**
 * Healthchecks: compose durations to seconds, with Docker's defaults, and the HTTP path and port
 * when the test probes localhost with curl or wget (load balancers check the same path).
 */
import { parseDuration } from "../compose/canonical/units";
import { ComposeHealthcheck } from "../compose/types";
import { HealthcheckModel } from "./types";

/** Docker's defaults: 30s interval, 30s timeout, 3 retries, no start period. */
const DEFAULT_INTERVAL_SECONDS = 30;
const DEFAULT_TIMEOUT_SECONDS = 30;
const DEFAULT_RETRIES = 3;

const seconds = (d: string | undefined, fallback: number): number => (d === undefined ? fallback : Math.max(0, Math.round(parseDuration(d) / 1e9)));

/** The healthcheck of a service, or undefined when it has none or it is disabled. */
export function healthcheckFromCompose(h: ComposeHealthcheck | undefined): HealthcheckModel | undefined {
    if (!h || h.disable === true || !h.test || h.test.length === 0 || h.test[0] === "NONE") return undefined;
    const test = h.test[0] === "CMD" || h.test[0] === "CMD-SHELL" ? h.test : ["CMD", ...h.test];
    const model: HealthcheckModel = {
        test,
        intervalSeconds: seconds(h.interval, DEFAULT_INTERVAL_SECONDS),
        timeoutSeconds: seconds(h.timeout, DEFAULT_TIMEOUT_SECONDS),
        retries: h.retries ?? DEFAULT_RETRIES,
        startPeriodSeconds: seconds(h.start_period, 0),
    };
    const http = httpProbe(test);
    if (http) model.http = http;
    return model;
}

/** `curl -f http://localhost:8080/health` -> `{ path: "/health", port: 8080 }`. */
export function httpProbe(test: string[]): { path: string; port?: number } | undefined {
    const words = test[0] === "CMD-SHELL" ? test.slice(1).join(" ").split(/\s+/) : test.slice(1);
    if (!words.some((w) => /(^|\/)(curl|wget)$/.test(w))) return undefined;
    for (const w of words) {
        const m = /^["']?https?:\/\/(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::(\d+))?(\/[^\s"'|;&]*)?/.exec(w);
        if (m) return m[2] ? { path: m[3] ?? "/", port: Number(m[2]) } : { path: m[3] ?? "/" };
    }
    return undefined;
}
