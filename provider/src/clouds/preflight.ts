/**
 * Runs a backend's pure checks (sizing tables, engine versions, routing plans) over a project and
 * collects every refusal instead of stopping at the first, so that a project hears of all its
 * problems on a cloud at once, before anything is created.
 */
import { InvalidArgumentError, UnsupportedFeature, UnsupportedFeaturesError } from "../model/errors";

/** A check of one component: throws `UnsupportedFeaturesError` or `InvalidArgumentError` when the cloud refuses. */
export type ComponentCheck = [service: string, check: () => unknown];

/** Every problem the checks raise, in order; any other exception is a bug and propagates. */
export function collectProblems(checks: ComponentCheck[]): UnsupportedFeature[] {
    const out: UnsupportedFeature[] = [];
    for (const [service, check] of checks) {
        try {
            check();
        } catch (e) {
            if (e instanceof UnsupportedFeaturesError) out.push(...e.features);
            else if (e instanceof InvalidArgumentError) out.push({ service, field: e.argument, message: e.problem, hint: e.hint });
            else throw e;
        }
    }
    return out;
}
