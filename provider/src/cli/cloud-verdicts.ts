/**
 * What `validate` reports of the translation table: the features a cloud refuses and the attributes
 * it approximates, as diagnostics with positions. They are the verdicts `plan` and a deployment
 * give, from the same functions.
 */
import { Diagnostic } from "../compose/diagnostics";
import { ComposeProject } from "../compose/types";
import { unsupportedFeatures } from "../model/capabilities";
import { cloudList, tableWarnings } from "../model/translation/warnings";
import { CLOUD_NAMES, CloudName, ProjectModel } from "../model/types";

export interface CloudVerdicts {
    /** The clouds checked. */
    clouds: CloudName[];
    /** What the clouds asked for refuse. */
    errors: Diagnostic[];
    /** What they approximate; without a cloud asked for, also what some cloud refuses. */
    warnings: Diagnostic[];
}

/**
 * The verdicts of `asked` on a project; with no cloud asked for, those of every cloud, refusals
 * being warnings then (the loader's own warning about the same field is enough).
 */
export function cloudVerdicts(project: ComposeProject, model: ProjectModel, asked: CloudName[] | undefined, loaderDiagnostics: Diagnostic[]): CloudVerdicts {
    const clouds = asked ?? [...CLOUD_NAMES];
    const refusals = new Map<string, { d: Diagnostic; clouds: CloudName[] }>();
    for (const cloud of clouds) {
        for (const f of unsupportedFeatures(model.components, cloud, model.locate)) {
            const key = JSON.stringify([f.service, f.field, f.message]);
            const had = refusals.get(key);
            if (had) {
                had.clouds.push(cloud);
                continue;
            }
            const at = f.location?.file ? { file: f.location.file, line: f.location.line, column: f.location.column } : {};
            refusals.set(key, { d: { severity: asked ? "error" : "warning", code: "unsupported", service: f.service, field: f.field, message: f.message, hint: f.hint, ...at }, clouds: [cloud] });
        }
    }
    const known = new Set(loaderDiagnostics.map((d) => `${d.service}\u0000${d.field}`));
    const refused = [...refusals.values()]
        .filter(({ d }) => asked || !known.has(`${d.service}\u0000${d.field}`))
        .map(({ d, clouds: where }) => (clouds.length > 1 ? { ...d, message: `${d.message} (refused on ${cloudList(where)})` } : d));
    const warnings = tableWarnings(project, model, clouds);
    return asked ? { clouds, errors: refused, warnings } : { clouds, errors: [], warnings: [...refused, ...warnings] };
}
