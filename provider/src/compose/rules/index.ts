/**
 * The checks a managed cloud deployment needs, run on the canonical project after loading.
 * Each rule lives in its own file; this runs them all.
 */
import { DiagnosticSink } from "../diagnostics";
import { ComposeProject } from "../types";
import { checkConfigKeys, checkConfigReferences } from "./config-refs";
import { checkHealthcheck } from "./healthcheck";
import { checkHostFeatures } from "./host-features";
import { checkJobs } from "./jobs";
import { checkManagedServices } from "./managed-services";
import { checkModels } from "./models";
import { checkNames } from "./names";
import { checkPlatforms } from "./platforms";
import { checkPorts } from "./ports";
import { checkReferences } from "./references";
import { Reporter, Rule, RuleContext, services } from "./report";
import { checkResources } from "./resources";
import { checkSecrets } from "./secrets";

export { RuleContext } from "./report";

/** Every rule, in the order they run. */
export const RULES: ReadonlyArray<Rule> = [
    checkNames,
    checkReferences,
    checkPorts,
    checkHealthcheck,
    checkResources,
    checkHostFeatures,
    checkPlatforms,
    checkConfigReferences,
    checkConfigKeys,
    checkManagedServices,
    checkSecrets,
    checkModels,
    checkJobs,
];

/**
 * Checks `project` (canonical form) against what a managed cloud deployment supports. Errors and
 * warnings go to `sink`, each with a stable code, the service and field, a position found with
 * `ctx.locate`, and a hint saying what to do.
 */
export function checkProject(project: ComposeProject, ctx: RuleContext, sink: DiagnosticSink): void {
    const report = new Reporter(ctx, sink);
    const list = services(project);
    for (const rule of RULES) rule(project, report, ctx, list);
}
