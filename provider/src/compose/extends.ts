/**
 * `extends`: a service starts from another one (in the same file or another) and overrides it with
 * the merge rules. Bases may extend further; cycles and missing bases are errors.
 */
import * as path from "path";
import { Dict, FileReader, ReadFile } from "./file-reader";
import { mergeValues, MergeError, stripMarkers } from "./merge";
import { isPlainObject, pathToString, setOwn } from "./paths";
import { rebaseService } from "./rebase";
import { Lookup } from "./template";
import { positionOf } from "./yaml-source";

interface Frame {
    file: ReadFile;
    services: Dict;
}

/** Returns the model's services with every `extends` resolved. */
export function resolveExtends(file: ReadFile, reader: FileReader, lookup: Lookup): Dict {
    const services = isPlainObject(file.model.services) ? file.model.services : {};
    const out: Dict = {};
    for (const name of Object.keys(services)) {
        const resolved = resolveService(name, { file, services }, reader, lookup, [], name);
        setOwn(out, name, resolved);
    }
    return out;
}

function resolveService(name: string, frame: Frame, reader: FileReader, lookup: Lookup, chain: string[], topName: string): unknown {
    const service = frame.services[name];
    if (!isPlainObject(service) || service.extends === undefined) return service;
    const { sink, sources } = reader.options;
    const at = { file: frame.file.source.file, ...positionOf(frame.file.source.positions, ["services", name, "extends"]) };
    const spec = typeof service.extends === "string" ? { service: service.extends } : service.extends;
    if (!isPlainObject(spec) || typeof spec.service !== "string") {
        sink.error({ code: "extends", message: "extends must name a service, or be a mapping with `service` (and `file`)", service: name, field: "extends", ...at });
        return withoutExtends(service);
    }
    const key = `${frame.file.source.file}#${name}`;
    if (chain.includes(key)) {
        sink.error({
            code: "extends-cycle",
            message: `extends forms a cycle: ${[...chain, key].map((k) => k.split("#")[1]).join(" -> ")}`,
            hint: "a service cannot extend itself, directly or through others",
            service: name,
            field: "extends",
            ...at,
        });
        return withoutExtends(service);
    }
    let baseFrame: Frame = frame;
    if (typeof spec.file === "string") {
        const baseFile = path.resolve(reader.dirOf(frame.file.source.file), spec.file);
        const read = reader.read(baseFile, lookup, at);
        if (!read) return withoutExtends(service);
        baseFrame = { file: read, services: isPlainObject(read.model.services) ? read.model.services : {} };
    }
    if (!isPlainObject(baseFrame.services[spec.service])) {
        sink.error({
            code: "extends-missing",
            message: `extends service "${spec.service}", which is not defined in ${baseFrame.file.source.file}`,
            hint: `define "${spec.service}" there, or fix the name (services there: ${Object.keys(baseFrame.services).join(", ") || "none"})`,
            service: name,
            field: "extends",
            ...at,
        });
        return withoutExtends(service);
    }
    let base = resolveService(spec.service, baseFrame, reader, lookup, [...chain, key], topName) as Dict;
    const baseDir = reader.dirOf(baseFrame.file.source.file);
    if (baseFrame !== frame && baseDir !== reader.dirOf(frame.file.source.file)) base = rebaseService(base, baseDir);
    sources.addServiceOrigin(topName, { source: baseFrame.file.source, service: spec.service });
    try {
        return mergeValues(stripMarkers(withoutExtends(base)), withoutExtends(service), ["services", name]);
    } catch (e) {
        if (!(e instanceof MergeError)) throw e;
        sink.error({ code: "merge", message: `${pathToString(e.path.slice(2))}: ${e.message}`, service: name, ...at, hint: "write the attribute in the same form (list or mapping) as the service it extends" });
        return withoutExtends(service);
    }
}

function withoutExtends(s: Dict): Dict {
    const { extends: _ignored, ...rest } = s;
    return rest;
}
