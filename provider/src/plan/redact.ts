/**
 * Secrets out of recorded inputs: a value the engine marks secret, and any string that carries a
 * placeholder, become "[secret]". What a plan prints never holds a secret, real or placeholder.
 */
import { isSecretValue } from "../offline/secret-values";
import { PLACEHOLDER_SECRET } from "./engine-config";
import { REDACTED } from "./types";

export function redact(v: unknown): unknown {
    if (isSecretValue(v)) return REDACTED;
    if (typeof v === "string") return v.includes(PLACEHOLDER_SECRET) ? REDACTED : v;
    if (Array.isArray(v)) return v.map(redact);
    if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, redact(x)]));
    return v;
}
