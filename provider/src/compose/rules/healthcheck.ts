/**
 * Healthcheck timings a cloud runtime accepts: a check may not last longer than the interval
 * between two checks. (Equal is accepted: Docker's defaults are 30s for both.)
 */
import { ComposeHealthcheck, ComposeService } from "../types";
import { Rule, services } from "./report";

/** Docker's default healthcheck interval and timeout. */
const DEFAULT_INTERVAL_MS = 30_000;

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, "μs": 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Parses a Go duration (`1m30s`, `500ms`, `1.5h`, `0`) into milliseconds; undefined when it is not one.
 */
export function parseGoDuration(text: string): number | undefined {
    const s = text.trim();
    if (s === "0") return 0;
    const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
    let total = 0;
    let matched = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s)) !== null) {
        total += parseFloat(m[1]) * UNIT_MS[m[2]];
        matched = re.lastIndex;
    }
    return matched === s.length && matched > 0 ? total : undefined;
}

/** Whether the service has a healthcheck that runs (not absent, not `disable: true`, not `test: ["NONE"]`). */
export function hasHealthcheck(service: ComposeService): boolean {
    const hc: ComposeHealthcheck | undefined = service.healthcheck;
    if (!hc || hc.disable === true) return false;
    if (hc.test && (hc.test.length === 0 || hc.test[0] === "NONE")) return false;
    return true;
}

/** `healthcheck.timeout` may not exceed `healthcheck.interval` (30s when not set). */
export const checkHealthcheck: Rule = (project, report) => {
    for (const [name, svc] of services(project)) {
        const hc = svc.healthcheck;
        if (!hc || !hasHealthcheck(svc) || hc.timeout === undefined) continue;
        const timeout = parseGoDuration(hc.timeout);
        const interval = hc.interval === undefined ? DEFAULT_INTERVAL_MS : parseGoDuration(hc.interval);
        if (timeout === undefined || interval === undefined || timeout <= interval) continue;
        const intervalText = hc.interval === undefined ? "the default interval of 30s" : `interval (${hc.interval})`;
        report.service(name, ["healthcheck", "timeout"], {
            severity: "error",
            code: "healthcheck-timeout-exceeds-interval",
            message: `healthcheck timeout (${hc.timeout}) is longer than ${intervalText}: cloud health checks reject a check that may outlast the next one`,
            hint:
                hc.interval === undefined
                    ? "lower healthcheck.timeout to 30s or less, or set a longer healthcheck.interval"
                    : "lower healthcheck.timeout or raise healthcheck.interval so that timeout <= interval",
        });
    }
};
