/**
 * What one cloud does with each attribute a project's services use, read from the table: mapped
 * (to which native setting), approximated (the warning), or refused (the feature's message and
 * fix). Value-dependent features (a UDP port, `restart: "no"`) override their attribute's entry.
 */
import { ComposeProject } from "../../compose/types";
import { featureUses } from "../capabilities";
import { CloudName, ComponentModel, FeatureId, FeatureUse, ProjectModel } from "../types";
import { featureEntry } from "./features";
import { AttributeUse, attributeUses } from "./uses";

interface VerdictBase {
    /** The table path, e.g. `ports[].protocol`; `(service)` for the service as a whole. */
    attribute: string;
    /** Where it is used, e.g. `ports[1].protocol`. */
    field: string;
}

/** One attribute of one service on one cloud. */
export type AttributeVerdict =
    | (VerdictBase & { disposition: "mapped"; mappedTo: string })
    | (VerdictBase & { disposition: "approximated"; warning: string; hint?: string })
    | (VerdictBase & { disposition: "refused"; feature: FeatureId; message: string; hint: string });

/** The attributes one service uses and what the cloud does with each. */
export interface ServiceDispositions {
    service: string;
    attributes: AttributeVerdict[];
}

const STRENGTH = { mapped: 0, approximated: 1, refused: 2 } as const;

/** `ports[0].protocol`, as problems name a field. */
export function fieldText(field: ReadonlyArray<string | number>): string {
    return field.length === 0 ? "(service)" : field.map((f, i) => (typeof f === "number" ? `[${f}]` : i === 0 ? f : `.${f}`)).join("");
}

/** Whether a feature found at `feature` is about the attribute used at `use` (one is a prefix of the other). */
function sameAttribute(feature: ReadonlyArray<string | number>, use: ReadonlyArray<string | number>): boolean {
    if (feature.length === 0) return false;
    const n = Math.min(feature.length, use.length);
    for (let i = 0; i < n; i++) if (feature[i] !== use[i]) return false;
    return true;
}

function verdictOfUse(use: AttributeUse, cloud: CloudName): AttributeVerdict {
    const base = { attribute: use.key, field: fieldText(use.field) };
    const d = use.entry.dispositions[cloud];
    if (d.kind === "mapped") return { ...base, disposition: "mapped", mappedTo: d.to };
    if (d.kind === "approximated") return { ...base, disposition: "approximated", warning: d.warning };
    const f = featureEntry(d.feature);
    return { ...base, disposition: "refused", feature: d.feature, message: f.message, hint: f.hint };
}

/** The verdict of a value-dependent feature on `cloud`, when it changes anything there. */
function verdictOfFeature(f: FeatureUse, attribute: string, field: string, cloud: CloudName): AttributeVerdict | undefined {
    const entry = featureEntry(f.feature);
    const message = f.detail ? `${entry.message} (${f.detail})` : entry.message;
    if (entry.refusedOn.includes(cloud)) return { attribute, field, disposition: "refused", feature: f.feature, message, hint: entry.hint };
    if (entry.approximatedOn?.includes(cloud)) return { attribute, field, disposition: "approximated", warning: message, hint: entry.hint };
    return undefined;
}

/** What `cloud` does with each attribute `component` (written as `svc`) uses: one verdict per table path, the strongest. */
export function componentDispositions(component: ComponentModel, svc: ComposeService, cloud: CloudName): AttributeVerdict[] {
    // A managed database or cache replaces the container: its container attributes describe the local stand-in.
    const uses = attributeUses(svc).filter((u) => component.kind === "service" || u.key.startsWith("x-defang-"));
    const verdicts = uses.map((u) => verdictOfUse(u, cloud));
    for (const f of featureUses(component)) {
        const own = uses.findIndex((u) => sameAttribute(f.field, u.field) && !!u.entry.features?.includes(f.feature));
        const i = own >= 0 ? own : uses.findIndex((u) => sameAttribute(f.field, u.field));
        const use = uses[i];
        const v = verdictOfFeature(f, use ? use.key : fieldText(f.field), fieldText(f.field), cloud);
        if (!v) continue;
        const had = verdicts[i];
        if (!had) verdicts.push(v);
        else if (STRENGTH[v.disposition] >= STRENGTH[had.disposition]) verdicts[i] = v;
    }
    const byAttribute = new Map<string, AttributeVerdict>();
    for (const v of verdicts) {
        const had = byAttribute.get(v.attribute);
        if (!had || STRENGTH[v.disposition] > STRENGTH[had.disposition]) byAttribute.set(v.attribute, v);
    }
    return [...byAttribute.values()];
}

type ComposeService = ComposeProject["services"][string];

/** Per service of `model` (in its order), what `cloud` does with each attribute it uses. */
export function projectDispositions(project: ComposeProject, model: ProjectModel, cloud: CloudName): ServiceDispositions[] {
    return model.components.flatMap((c) => {
        const svc = project.services[c.name];
        return svc ? [{ service: c.name, attributes: componentDispositions(c, svc, cloud) }] : [];
    });
}
