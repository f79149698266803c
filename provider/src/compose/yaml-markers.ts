/**
 * The markers a compose file's YAML tags leave in the read value (`!reset`, `!override`), and a
 * deep copy that keeps them.
 */
import { setOwn } from "./paths";

/** The value of a `!reset` node: the attribute is removed from what it would have inherited. */
export const RESET: unique symbol = Symbol.for("compose.reset");
export type Reset = typeof RESET;

/** A `!override` node: the value replaces the inherited one instead of being merged into it. */
export class Override {
    constructor(readonly value: unknown) {}
}

/** A deep copy of a plain value (maps, lists, scalars, markers). */
export function structuredCloneValue<T>(v: T): T {
    if (Array.isArray(v)) return v.map((x) => structuredCloneValue(x)) as unknown as T;
    if (v instanceof Override) return new Override(structuredCloneValue(v.value)) as unknown as T;
    if (v && typeof v === "object") {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) {
            setOwn(out, k, structuredCloneValue(x));
        }
        return out as T;
    }
    return v;
}

/** Whether a `!reset` or `!override` marker occurs anywhere in `v` (most files have none). */
export function containsMarkers(v: unknown): boolean {
    if (v === RESET || v instanceof Override) return true;
    if (Array.isArray(v)) return v.some(containsMarkers);
    if (v && typeof v === "object") return Object.values(v).some(containsMarkers);
    return false;
}
