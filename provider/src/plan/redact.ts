/**
 * Secrets out of recorded inputs. A value the engine marks secret becomes "[secret]", and so does
 * any string that carries a placeholder: what a plan prints never holds a secret, real or
 * placeholder. When a whole structure is secret because something inside it is (a DigitalOcean
 * App spec with its secret environment), its shape is kept: numbers, booleans, and the strings of
 * a few keys that never hold a secret (sizes, counts, names of components) stay readable, so that
 * the plan can still size and price it; every other string is redacted.
 */
import { isSecretValue } from "../offline/secret-values";
import { PLACEHOLDER_SECRET } from "./engine-config";
import { REDACTED } from "./types";

/** Keys whose string values are descriptions of infrastructure, never sensitive config. */
const DESCRIPTIVE_KEYS = new Set(["name", "instanceSizeSlug", "region", "size", "engine", "version", "kind", "type", "dockerfilePath"]);

export function redact(v: unknown): unknown {
    if (isSecretValue(v)) return redactInside(v.value, undefined);
    if (typeof v === "string") return v.includes(PLACEHOLDER_SECRET) ? REDACTED : v;
    if (Array.isArray(v)) return v.map(redact);
    if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, redact(x)]));
    return v;
}

/** Inside a secret: the shape, numbers and booleans, and descriptive strings; nothing else. */
function redactInside(v: unknown, key: string | undefined): unknown {
    if (isSecretValue(v)) return redactInside(v.value, key);
    if (typeof v === "number" || typeof v === "boolean" || v === null || v === undefined) return v;
    if (typeof v === "string") return key !== undefined && DESCRIPTIVE_KEYS.has(key) && !v.includes(PLACEHOLDER_SECRET) ? v : REDACTED;
    if (Array.isArray(v)) return v.map((x) => redactInside(x, key));
    if (typeof v === "object") {
        const entries = Object.entries(v as Record<string, unknown>);
        // An environment entry: its value is what is secret, whatever its key says.
        const isEnv = entries.some(([k]) => k === "value") && entries.some(([k]) => k === "key" || k === "name");
        return Object.fromEntries(entries.map(([k, x]) => [k, isEnv && k === "value" ? REDACTED : redactInside(x, k)]));
    }
    return REDACTED;
}
