/**
 * What an exception from a component means for a plan: a feature the cloud cannot run, an input
 * the program refuses (a user error), or a bug. Judged by the error's class name, so that this
 * file loads no component code.
 */
import { CloudName } from "../model/types";
import { EngineResult, PlanProblem } from "./types";

/** Errors that mean "the input is wrong", with a message meant for the user. */
const USER_ERRORS = new Set(["InvalidArgumentError", "BuildInputsError", "MissingConfigError", "CloudSelectionError", "BuildContextError", "DockerignoreSyntaxError", "ComposeError"]);

export function classifyError(cloud: CloudName, e: unknown): EngineResult {
    const err = e instanceof Error ? e : new Error(String(e));
    const name = (err as { name?: string }).name ?? err.constructor.name;
    if (name === "UnsupportedFeaturesError") {
        const features = ((err as unknown as { features?: Array<Omit<PlanProblem, "at"> & { location?: { file?: string; line?: number; column?: number } }> }).features ?? []).map((f): PlanProblem => ({
            service: f.service,
            field: f.field,
            message: f.message,
            hint: f.hint,
            ...(f.location?.file ? { at: `${f.location.file}:${f.location.line ?? 1}:${f.location.column ?? 1}` } : {}),
        }));
        return { status: "unsupported", cloud, message: err.message, features };
    }
    if (USER_ERRORS.has(name) || USER_ERRORS.has(err.constructor.name)) return { status: "invalid", cloud, message: err.message };
    return { status: "failed", cloud, message: err.message.split("\n")[0] + (process.env.PULUMI_DEFANG_DEBUG && err.stack ? `\n${err.stack}` : "") };
}
