/**
 * The plan as JSON: the whole `PlanReport`, 2-space indented. Secret values never reach it (the
 * engine redacts them), and every figure is in USD a month.
 */
import { PlanReport } from "./types";

export function renderJson(report: PlanReport): string {
    return JSON.stringify(report, null, 2) + "\n";
}
