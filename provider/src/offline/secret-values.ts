/**
 * Secrets as the SDK's mock monitor hands them over: wrapped in objects marked with Pulumi's
 * secret signature. Shared by the offline plan and the test mocks.
 */

/** The key of the wrapper objects that mark secrets in recorded inputs. */
export const SECRET_SIG = "4dabf18193072939515e22adb298388d";

export function isSecretValue(v: unknown): v is { value: unknown } {
    return typeof v === "object" && v !== null && (v as Record<string, unknown>)[SECRET_SIG] === "1b47061264138c4ac30d75fd1eb44270";
}

/** `v` marked secret, as a provider marks the outputs it declares secret. */
export function asSecretValue(v: unknown): Record<string, unknown> {
    return { [SECRET_SIG]: "1b47061264138c4ac30d75fd1eb44270", value: v };
}

/** `v` with every secret wrapper replaced by its value. */
export function unwrapSecrets(v: unknown): unknown {
    if (isSecretValue(v)) return unwrapSecrets(v.value);
    if (Array.isArray(v)) return v.map(unwrapSecrets);
    if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrapSecrets(x)]));
    return v;
}
