/**
 * The merged raw model of a list of files: each file read (with its `extends` and `include`
 * resolved), then merged in order by the override rules, then lists folded by key.
 *
 * `include` loads another compose application as a unit: its files relative to its own project
 * directory, its own `.env`, and its resources added to the including file's (a resource defined
 * on both sides is an error).
 */
import * as path from "path";
import { parseDotenv } from "./dotenv";
import { resolveExtends } from "./extends";
import { Dict, FileReader, ReadFile } from "./file-reader";
import { mergeValues, MergeError, stripMarkers } from "./merge";
import { isPlainObject, serviceAndField } from "./paths";
import { rebaseModel } from "./rebase";
import { Lookup } from "./template";
import { enforceUnicity } from "./unicity";
import { containsMarkers } from "./yaml-markers";
import { positionOf } from "./yaml-source";

const RESOURCE_KINDS = ["services", "networks", "volumes", "secrets", "configs", "models"];

/** Merges `files` (absolute paths) into one raw model. `stack` holds the files being included, for cycles. */
export function loadRawModel(files: string[], reader: FileReader, lookup: Lookup, stack: string[] = []): Dict {
    // Until a file is read there is nothing to merge into: the first file's model is the merge (the
    // merge would copy it whole; merging never modifies its base). The model returned is a new
    // mapping (the caller removes `name` and `version` from it); below it, parts may be shared
    // with the files' models, which nothing modifies.
    let merged: Dict | undefined;
    // Markers come only from the files' own models (extends and include strip theirs).
    let markers = false;
    for (const file of files) {
        // The files the user named must say something; an included file may be empty.
        const read = reader.read(file, lookup, undefined, stack.length > 0);
        if (!read) continue;
        reader.options.sources.add(read.source);
        const model = fileModel(read, reader, lookup, [...stack, file]);
        markers ||= read.markers;
        if (merged === undefined) {
            merged = read.markers && containsMarkers(model) ? stripMarkers(model) : model;
            continue;
        }
        try {
            merged = mergeValues(merged, model, []) as Dict;
        } catch (e) {
            if (!(e instanceof MergeError)) throw e;
            reader.options.sink.error({
                code: "merge",
                message: e.message,
                hint: "write the attribute in the same form (list or mapping) in every file",
                file,
                ...positionOf(read.source.positions, e.path),
                ...serviceAndField(e.path),
            });
        }
    }
    // Strip the markers first only when there are any.
    if (merged === undefined) return {};
    return enforceUnicity(markers && containsMarkers(merged) ? stripMarkers(merged) : merged) as Dict;
}

/** One file's model with `extends` and `include` resolved. */
function fileModel(read: ReadFile, reader: FileReader, lookup: Lookup, stack: string[]): Dict {
    const model: Dict = { ...read.model };
    if (isPlainObject(model.services)) model.services = resolveExtends(read, reader, lookup);
    const include = model.include;
    delete model.include;
    if (include === undefined || include === null) return model;
    const entries = Array.isArray(include) ? include : [include];
    entries.forEach((entry, i) => addIncluded(model, entry, i, read, reader, lookup, stack));
    return model;
}

function addIncluded(model: Dict, entry: unknown, index: number, read: ReadFile, reader: FileReader, lookup: Lookup, stack: string[]): void {
    const { sink, access } = reader.options;
    const file = read.source.file;
    const at = { file, ...positionOf(read.source.positions, ["include", index]) };
    const dir = path.dirname(file);
    const spec = typeof entry === "string" ? { path: entry } : isPlainObject(entry) ? entry : undefined;
    const paths = spec ? (Array.isArray(spec.path) ? spec.path : [spec.path]).filter((p): p is string => typeof p === "string") : [];
    if (!spec || paths.length === 0) {
        sink.error({ code: "include", message: "an include entry must be a path or a mapping with `path`", field: `include[${index}]`, ...at });
        return;
    }
    const files = paths.map((p) => path.resolve(dir, p));
    const [firstFile = dir] = files;
    const cycle = files.find((f) => stack.includes(f));
    if (cycle) {
        sink.error({
            code: "include-cycle",
            message: `include forms a cycle: ${[...stack, cycle].map((f) => path.basename(f)).join(" -> ")}`,
            hint: "a file cannot include itself, directly or through others",
            field: `include[${index}]`,
            ...at,
        });
        return;
    }
    const projectDir = typeof spec.project_directory === "string" ? path.resolve(dir, spec.project_directory) : path.dirname(firstFile);
    const envFiles = spec.env_file === undefined ? [path.join(projectDir, ".env")] : (Array.isArray(spec.env_file) ? spec.env_file : [spec.env_file]).map((f) => path.resolve(dir, String(f)));
    const envValues: Record<string, string> = {};
    for (const f of envFiles) {
        if (!access.exists(f)) {
            if (spec.env_file !== undefined) sink.error({ code: "include", message: `env_file ${f} does not exist`, field: `include[${index}].env_file`, ...at });
            continue;
        }
        Object.assign(envValues, parseDotenv(access.read(f), lookup).values);
    }
    // The including project's variables win over the included project's .env.
    const includedLookup: Lookup = (name) => lookup(name) ?? envValues[name];
    for (const f of files) {
        if (!access.exists(f)) {
            sink.error({ code: "file-not-found", message: `included file ${f} does not exist`, hint: "check the path; it is relative to the including file", field: `include[${index}]`, ...at });
            return;
        }
    }
    const included = rebaseModel(loadRawModel(files, reader, includedLookup, stack), projectDir);
    for (const kind of RESOURCE_KINDS) {
        const theirs = included[kind];
        if (!isPlainObject(theirs)) continue;
        const ours: Dict = isPlainObject(model[kind]) ? { ...(model[kind] as Dict) } : {};
        for (const [name, value] of Object.entries(theirs)) {
            if (name in ours && JSON.stringify(ours[name]) !== JSON.stringify(value)) {
                sink.error({
                    code: "include-conflict",
                    message: `${kind} "${name}" is defined both here and in the included ${path.basename(firstFile)}`,
                    hint: "rename one of them, or use an override file (-f) to change an included resource",
                    ...(kind === "services" ? { service: name } : {}),
                    ...at,
                });
                continue;
            }
            ours[name] = value;
        }
        model[kind] = ours;
    }
}
