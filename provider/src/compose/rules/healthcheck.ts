/**
 * Healthcheck timings a cloud runtime accepts: a check may not last longer than the interval
 * between two checks, and a load balancer's check must end before the next one starts.
 */
import { parseDuration } from "../canonical/units";
import { ComposeHealthcheck, ComposeService } from "../types";
import { Rule } from "./report";

/** Docker's default healthcheck interval, in nanoseconds. */
const DEFAULT_INTERVAL_NS = 30e9;

/** Nanoseconds of a canonical duration; undefined when it is not one. */
function nanoseconds(text: string): number | undefined {
    try {
        return parseDuration(text);
    } catch {
        return undefined;
    }
}

/** Whether the service has a healthcheck that runs (not absent, not `disable: true`, not `test: ["NONE"]`). */
export function hasHealthcheck(service: ComposeService): boolean {
    const hc: ComposeHealthcheck | undefined = service.healthcheck;
    if (!hc || hc.disable === true) return false;
    if (hc.test && (hc.test.length === 0 || hc.test[0] === "NONE")) return false;
    return true;
}

/**
 * `healthcheck.timeout` longer than `healthcheck.interval` (30s when not set) is an error; equal is
 * accepted by container runtimes but not by load balancers, so it is a warning.
 */
export const checkHealthcheck: Rule = (project, report, _ctx, services) => {
    for (const [name, svc] of services) {
        const hc = svc.healthcheck;
        if (!hc || !hasHealthcheck(svc) || hc.timeout === undefined) continue;
        const timeout = nanoseconds(hc.timeout);
        const interval = hc.interval === undefined ? DEFAULT_INTERVAL_NS : nanoseconds(hc.interval);
        if (timeout === undefined || interval === undefined || timeout < interval) continue;
        const intervalText = hc.interval === undefined ? "the default interval of 30s" : `interval (${hc.interval})`;
        if (timeout === interval) {
            report.service(name, ["healthcheck", "timeout"], {
                severity: "warning",
                code: "healthcheck-timeout-equals-interval",
                message: `healthcheck timeout (${hc.timeout}) equals ${intervalText}: a load balancer needs each check to end before the next one, so the cloud will use a slightly shorter timeout`,
                hint: "set healthcheck.timeout below healthcheck.interval",
            });
            continue;
        }
        report.service(name, ["healthcheck", "timeout"], {
            severity: "error",
            code: "healthcheck-timeout-exceeds-interval",
            message: `healthcheck timeout (${hc.timeout}) is longer than ${intervalText}: cloud health checks reject a check that may outlast the next one`,
            hint: hc.interval === undefined ? "lower healthcheck.timeout to less than 30s, or set a longer healthcheck.interval" : "lower healthcheck.timeout or raise healthcheck.interval so that timeout < interval",
        });
    }
};
