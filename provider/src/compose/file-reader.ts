/**
 * Reading one compose file into a raw model: parse (with positions), interpolate, cast typed
 * attributes, check it against the Compose schema, then resolve its `extends` and `include`.
 * Files are cached so a base file used by many services is read once.
 */
import * as path from "path";
import { castString } from "./cast";
import { DiagnosticSink } from "./diagnostics";
import { FileAccess, readComposeFile } from "./files";
import { interpolateString, RawReference } from "./interpolate";
import { mapStrings, MarkersSeen } from "./map-strings";
import { ProjectSources } from "./locator";
import { stripMarkers } from "./merge";
import { isPlainObject } from "./paths";
import { Lookup } from "./template";
import { validateSchema } from "./validate-schema";
import { containsMarkers } from "./yaml-markers";
import { parseYamlSource, YamlSource } from "./yaml-source";

export type Dict = Record<string, unknown>;

export interface ReadFile {
    source: YamlSource;
    /** The interpolated model, `!reset`/`!override` markers kept for merging. */
    model: Dict;
    /** Whether `model` may hold markers: false when it surely holds none. */
    markers: boolean;
}

export interface FileReaderOptions {
    access: FileAccess;
    sink: DiagnosticSink;
    sources: ProjectSources;
    references: RawReference[];
    validate: boolean;
}

export class FileReader {
    private readonly parsed = new Map<string, YamlSource | null>();
    private readonly cache = new Map<string, ReadFile | null>();

    constructor(readonly options: FileReaderOptions) {}

    /** Reads and parses `file` (once), before interpolation. Null when it cannot be read or parsed. */
    parse(file: string, from?: { file: string; line?: number; column?: number }): YamlSource | null {
        if (this.parsed.has(file)) return this.parsed.get(file) ?? null;
        const { sink, access } = this.options;
        const text = readComposeFile(file, access, sink, from);
        const source = text === undefined ? undefined : parseYamlSource(file, text, sink);
        const result = source && source.value !== undefined ? source : null;
        this.parsed.set(file, result);
        return result;
    }

    /** Parses and interpolates `file` with `lookup`. Null when it cannot be read or parsed. */
    read(file: string, lookup: Lookup, from?: { file: string; line?: number; column?: number }, allowEmpty = true): ReadFile | null {
        if (this.cache.has(file)) return this.cache.get(file) ?? null;
        const result = this.interpolated(file, lookup, from, allowEmpty);
        this.cache.set(file, result);
        return result;
    }

    private interpolated(file: string, lookup: Lookup, from: { file: string; line?: number; column?: number } | undefined, allowEmpty: boolean): ReadFile | null {
        const { sink } = this.options;
        const source = this.parse(file, from);
        if (!source) return null;
        if (source.value === null && !allowEmpty) {
            sink.error({ code: "empty-file", message: "the compose file is empty", hint: "define at least one service under `services:`", file, line: 1, column: 1 });
            return null;
        }
        let value: unknown = source.value ?? {};
        if (!isPlainObject(value)) {
            sink.error({
                code: "not-a-mapping",
                message: "a compose file must be a mapping of attributes (services, networks, volumes...)",
                hint: "start the file with `services:`",
                file,
                line: 1,
                column: 1,
            });
            return null;
        }
        // Interpolation, then casting, string by string in one walk.
        const refs: RawReference[] = [];
        const interpolation = { file, lookup, positions: source.positions, sink, references: refs };
        const casting = { file, positions: source.positions, sink };
        // The same walk tells whether the file holds markers.
        const seen: MarkersSeen = { found: false };
        value = mapStrings(value, (s, p) => castString(interpolateString(s, interpolation, p), p, casting), seen);
        this.options.references.push(...refs);
        // Without markers the value is validated as it is, not copied first.
        if (this.options.validate) validateSchema(file, seen.found && containsMarkers(value) ? stripMarkers(value) : value, source.positions, sink);
        return { source: { ...source, value }, model: value as Dict, markers: seen.found };
    }

    dirOf(file: string): string {
        return path.dirname(file);
    }
}
