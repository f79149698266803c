/**
 * The attributes a compose service uses, each with the table entry that decides it: a walk of the
 * service's canonical value down to the deepest attribute the table has an entry for.
 */
import { ComposeService } from "../../compose/types";
import { FeatureUse } from "../types";
import { serviceEntry, serviceTableReaches } from "./table";
import { AttributeEntry } from "./types";

/** One attribute a service uses. */
export interface AttributeUse {
    /** The table path, e.g. `ports[].protocol`. */
    key: string;
    /** Where in the service, e.g. `["ports", 0, "protocol"]`. */
    field: Array<string | number>;
    entry: AttributeEntry;
}

/** A value that says something: not absent, null, false, nor an empty list or mapping. */
function used(v: unknown): boolean {
    if (v === undefined || v === null || v === false) return false;
    if (Array.isArray(v)) return v.length > 0;
    if (typeof v === "object") return Object.keys(v as object).length > 0;
    return true;
}

/** The attributes `svc` uses, in the order written, each place once (other tools' `x-*` extensions are not attributes). */
export function attributeUses(svc: ComposeService): AttributeUse[] {
    const out: AttributeUse[] = [];
    for (const [k, v] of Object.entries(svc)) {
        if (!used(v) || !serviceTableReaches(k)) continue;
        walk(k, [k], v, out);
    }
    return out;
}

/** Reports `value` at `key` (or what is below it); returns whether everything used there was reported. */
function walk(key: string, field: Array<string | number>, value: unknown, out: AttributeUse[]): boolean {
    const entry = serviceEntry(key);
    if (entry?.coversChildren) {
        out.push({ key, field, entry });
        return true;
    }
    let reported = 0;
    let missed = 0;
    for (const [childKey, childField, child] of children(key, field, value)) {
        if (!used(child)) continue;
        if (walk(childKey, childField, child, out)) reported++;
        else missed++;
    }
    if (!entry) return reported > 0 && missed === 0;
    if (reported === 0 || missed > 0) out.push({ key, field, entry });
    return true;
}

function children(key: string, field: Array<string | number>, value: unknown): Array<[string, Array<string | number>, unknown]> {
    if (Array.isArray(value)) {
        const item = `${key}[]`;
        return serviceTableReaches(item) ? value.map((v, i) => [item, [...field, i], v]) : [];
    }
    if (value === null || typeof value !== "object") return [];
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]): Array<[string, Array<string | number>, unknown]> => {
        for (const candidate of [`${key}.${k}`, `${key}.*`]) {
            if (serviceTableReaches(candidate)) return [[candidate, [...field, k], v]];
        }
        return [];
    });
}

/**
 * Refusals the table declares for a whole attribute (e.g. `cap_add`, `volumes_from`): used at all, it
 * is refused on the clouds the entry names. Entries whose refusal depends on the value (`features`)
 * leave it to the detectors in `service-features.ts`.
 */
export function tableFeatures(svc: ComposeService): FeatureUse[] {
    const out: FeatureUse[] = [];
    for (const use of attributeUses(svc)) {
        if (use.entry.features?.length) continue;
        const ids = new Set(Object.values(use.entry.dispositions).flatMap((d) => (d.kind === "refused" ? [d.feature] : [])));
        for (const feature of ids) out.push({ feature, field: use.field });
    }
    return out;
}
