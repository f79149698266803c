/**
 * Interpolation over a whole file: every string value goes through `substitute`, and the variables
 * left unresolved are reported with the path where they stand.
 */
import { DiagnosticSink } from "./diagnostics";
import { mapStrings } from "./map-strings";
import { Path, serviceAndField } from "./paths";
import { Lookup, substitute, TemplateError } from "./template";
import { PositionIndex } from "./node-position";
import { positionOf } from "./yaml-source";

export interface RawReference {
    name: string;
    path: Path;
}

export interface InterpolationContext {
    file: string;
    lookup: Lookup;
    positions: PositionIndex;
    sink: DiagnosticSink;
    references: RawReference[];
}

/** Returns a copy of `value` with every string interpolated. */
export function interpolateTree(value: unknown, ctx: InterpolationContext): unknown {
    return mapStrings(value, (s, path) => interpolateString(s, ctx, path));
}

/** `s` interpolated; `path` (where it stands) is read, not kept. */
export function interpolateString(s: string, ctx: InterpolationContext, path: Path): string {
    if (!s.includes("$")) return s;
    try {
        const r = substitute(s, ctx.lookup);
        if (r.references.length > 0) {
            const at = [...path];
            for (const name of r.references) ctx.references.push({ name, path: at });
        }
        return r.value;
    } catch (e) {
        if (!(e instanceof TemplateError)) throw e;
        const pos = positionOf(ctx.positions, path);
        ctx.sink.error({
            code: "interpolation",
            message: e.message,
            hint: e.hint,
            file: ctx.file,
            ...pos,
            ...serviceAndField(path),
        });
        return s;
    }
}
