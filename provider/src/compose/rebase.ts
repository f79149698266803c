/**
 * A service written in one directory and used from another (through `extends` or `include`) keeps
 * its relative paths meaning what they meant where it was written: they are made absolute here,
 * against the directory of the file that wrote them.
 */
import { isRemoteReference, resolvePathFrom } from "./canonical/context";
import { isPathLike } from "./canonical/volumes";
import { isPlainObject } from "./paths";

type Dict = Record<string, unknown>;

function abs(dir: string, p: unknown): unknown {
    return typeof p === "string" && !isRemoteReference(p) ? resolvePathFrom(dir, p) : p;
}

function rebaseBuild(build: unknown, dir: string): unknown {
    if (typeof build === "string") return abs(dir, build);
    if (!isPlainObject(build)) return build;
    const b: Dict = { ...build, context: abs(dir, build.context ?? ".") };
    if (isPlainObject(b.additional_contexts)) {
        b.additional_contexts = Object.fromEntries(Object.entries(b.additional_contexts).map(([k, v]) => [k, abs(dir, v)]));
    }
    return b;
}

function rebaseFileList(v: unknown, dir: string): unknown {
    const one = (e: unknown) => (typeof e === "string" ? abs(dir, e) : isPlainObject(e) ? { ...e, path: abs(dir, e.path) } : e);
    return Array.isArray(v) ? v.map(one) : one(v);
}

function rebaseVolume(v: unknown, dir: string): unknown {
    if (typeof v === "string") {
        const i = v.indexOf(":");
        if (i <= 0) return v;
        const source = v.slice(0, i);
        return isPathLike(source) ? `${resolvePathFrom(dir, source)}${v.slice(i)}` : v;
    }
    if (isPlainObject(v) && v.type === "bind" && typeof v.source === "string") return { ...v, source: abs(dir, v.source) };
    return v;
}

/** The service with its relative paths made absolute against `dir`. */
export function rebaseService(service: Dict, dir: string): Dict {
    const s: Dict = { ...service };
    if (s.build !== undefined && s.build !== null) s.build = rebaseBuild(s.build, dir);
    if (s.env_file !== undefined) s.env_file = rebaseFileList(s.env_file, dir);
    if (s.label_file !== undefined) s.label_file = rebaseFileList(s.label_file, dir);
    if (Array.isArray(s.volumes)) s.volumes = s.volumes.map((v) => rebaseVolume(v, dir));
    if (isPlainObject(s.extends) && typeof s.extends.file === "string") s.extends = { ...s.extends, file: abs(dir, s.extends.file) };
    return s;
}

/** A whole model (from an included file) with its relative paths made absolute against `dir`. */
export function rebaseModel(model: Dict, dir: string): Dict {
    const out: Dict = { ...model };
    if (isPlainObject(out.services)) {
        out.services = Object.fromEntries(Object.entries(out.services).map(([k, s]) => [k, isPlainObject(s) ? rebaseService(s, dir) : s]));
    }
    for (const kind of ["secrets", "configs"]) {
        const r = out[kind];
        if (!isPlainObject(r)) continue;
        out[kind] = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, isPlainObject(v) && typeof v.file === "string" ? { ...v, file: abs(dir, v.file) } : v]));
    }
    return out;
}
