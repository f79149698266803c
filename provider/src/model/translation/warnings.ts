/**
 * The warnings the table prints: each approximation once per service and attribute, with where it
 * was written, and unknown `x-defang-*` extensions. `validate`, `plan` and `DefangProject` print
 * the same ones.
 */
import { Diagnostic, sortDiagnostics } from "../../compose/diagnostics";
import { ComposeProject } from "../../compose/types";
import { closest } from "../../util/closest-match";
import { cloudTitle } from "../errors";
import { fieldPath } from "../field-path";
import { CLOUD_NAMES, CloudName, ProjectModel } from "../types";
import { projectDispositions } from "./dispositions";
import { KNOWN_EXTENSIONS } from "./extensions";

/** "AWS and Google Cloud", "every cloud". */
export function cloudList(clouds: readonly CloudName[]): string {
    if (clouds.length === CLOUD_NAMES.length) return "every cloud";
    const names = clouds.map(cloudTitle);
    const last = names.at(-1) ?? "no cloud";
    return names.length <= 1 ? last : `${names.slice(0, -1).join(", ")} and ${last}`;
}

/**
 * The approximations of `clouds` as warnings, one per service, field and message; with several
 * clouds, each says where it applies ("(on AWS and Google Cloud)").
 */
export function approximationWarnings(project: ComposeProject, model: ProjectModel, clouds: readonly CloudName[]): Diagnostic[] {
    const found = new Map<string, { d: Diagnostic; clouds: CloudName[] }>();
    for (const cloud of clouds) {
        for (const s of projectDispositions(project, model, cloud)) {
            const seen = new Set<string>();
            for (const v of s.attributes) {
                if (v.disposition !== "approximated" || seen.has(v.attribute)) continue;
                seen.add(v.attribute);
                const key = JSON.stringify([s.service, v.field, v.warning]);
                const had = found.get(key);
                if (had) {
                    had.clouds.push(cloud);
                    continue;
                }
                const at = model.locate?.(s.service, fieldPath(v.field)) ?? model.locate?.(s.service, []);
                const d: Diagnostic = { severity: "warning", code: "approximated", service: s.service, field: v.field, message: v.warning, ...(v.hint ? { hint: v.hint } : {}) };
                if (at?.file) Object.assign(d, { file: at.file, line: at.line, column: at.column });
                found.set(key, { d, clouds: [cloud] });
            }
        }
    }
    return [...found.values()].map(({ d, clouds: where }) => (clouds.length > 1 ? { ...d, message: `${d.message} (on ${cloudList(where)})` } : d));
}

/** Each `x-defang-*` extension the table does not know, naming the known ones (the closest first). */
export function unknownExtensionWarnings(project: ComposeProject, model: ProjectModel): Diagnostic[] {
    const out: Diagnostic[] = [];
    const warn = (key: string, service: string | undefined) => {
        const near = closest(key, KNOWN_EXTENSIONS);
        const known = near ? [near, ...KNOWN_EXTENSIONS.filter((k) => k !== near)] : [...KNOWN_EXTENSIONS];
        const at = service ? model.locate?.(service, [key]) : undefined;
        out.push({
            severity: "warning",
            code: "unknown-extension",
            ...(service ? { service } : {}),
            field: key,
            message: `${key} is not a Defang extension; it is not applied`,
            hint: `${near ? `did you mean ${near}? ` : ""}the known ones are ${known.join(", ")}`,
            ...(at?.file ? { file: at.file, line: at.line, column: at.column } : {}),
        });
    };
    for (const key of Object.keys(project)) if (key.startsWith("x-defang-")) warn(key, undefined);
    for (const [name, svc] of Object.entries(project.services)) {
        for (const key of Object.keys(svc)) if (key.startsWith("x-defang-") && !KNOWN_EXTENSIONS.includes(key)) warn(key, name);
    }
    return out;
}

/** Every warning of the table for `clouds` (approximations, unknown extensions), in the order they were written. */
export function tableWarnings(project: ComposeProject, model: ProjectModel, clouds: readonly CloudName[]): Diagnostic[] {
    return sortDiagnostics([...approximationWarnings(project, model, clouds), ...unknownExtensionWarnings(project, model)]);
}
