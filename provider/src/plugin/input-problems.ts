/**
 * How the plugin refuses a Construct's inputs: every problem at once, each naming the field's path
 * and the fix, as the `InputPropertiesError` the engine shows field by field.
 */
import { InputPropertiesError, InputPropertyErrorDetails } from "@pulumi/pulumi/errors";
import { RESERVED_KEYS } from "./input-limits";

export type InputProblem = InputPropertyErrorDetails;

/** `DefangService "app"`: how messages name the component a Construct asked for. */
export function componentTitle(token: string, name: string): string {
    return `${token.split(":")[2] ?? token} "${name}"`;
}

/** The error refusing the inputs of `title` for `problems` (one or more). */
export function inputPropertiesError(title: string, problems: InputProblem[]): InputPropertiesError {
    const count = problems.length === 1 ? "1 argument is" : `${problems.length} arguments are`;
    return new InputPropertiesError({
        message: `${title}: ${count} not valid; nothing was created:\n` + problems.map((p) => `  ${p.propertyPath}: ${p.reason}`).join("\n"),
        errors: problems,
    });
}

/** The problem with key `key` of a map (or of a value of any shape) at `path`, when it is reserved. */
export function reservedKeyProblem(key: string, path: string): InputProblem | undefined {
    if (!RESERVED_KEYS.has(key)) return undefined;
    return { propertyPath: path, reason: `is a name every JavaScript object reserves (Object.prototype.${key}), so it cannot be a key here; rename it` };
}
