/**
 * Top-level `models`: Docker Model Runner options that a cloud deployment does not use.
 */
import { Rule } from "./report";

const RUNNER_OPTIONS = ["context_size", "runtime_flags"] as const;

/** `context_size` and `runtime_flags` of top-level models. */
export const checkModels: Rule = (project, report) => {
    for (const [name, model] of Object.entries(project.models ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (!model) continue;
        for (const option of RUNNER_OPTIONS) {
            if (model[option] === undefined) continue;
            report.project(["models", name, option], {
                severity: "warning",
                code: "model-runner-option",
                message: `a Docker Model Runner option of model "${name}"; cloud model endpoints ignore it`,
                hint: `remove ${option}, or keep it in a local override file`,
            });
        }
    }
};
