/**
 * Service volumes in long form. The short syntax is `[SOURCE:]TARGET[:OPTIONS]`: a source that is a
 * path (`/`, `.`, `~`) is a bind mount, any other source names a volume, and no source makes an
 * anonymous volume. Options: `ro`/`rw`, `z`/`Z` (SELinux), `nocopy`, propagation and consistency.
 */
import { isPlainObject } from "../paths";
import { ComposeServiceVolume } from "../types";
import { canonicalBytes } from "./units";

export class VolumeError extends Error {}

const PROPAGATION = new Set(["shared", "rshared", "slave", "rslave", "private", "rprivate"]);
const CONSISTENCY = new Set(["consistent", "cached", "delegated"]);

export function isPathLike(source: string): boolean {
    return source.startsWith("/") || source.startsWith(".") || source.startsWith("~") || /^[A-Za-z]:[\\/]/.test(source);
}

export function canonicalVolume(entry: unknown, resolvePath: (p: string) => string): ComposeServiceVolume {
    if (typeof entry === "string") return parseShortVolume(entry, resolvePath);
    if (!isPlainObject(entry)) throw new VolumeError(`a volume must be a string such as "data:/var/lib/data" or a mapping with "type" and "target"`);
    const out: Record<string, unknown> = { ...entry };
    if (out.type === undefined) out.type = typeof out.source === "string" && isPathLike(out.source) ? "bind" : "volume";
    if (out.type === "bind" && typeof out.source === "string") out.source = resolvePath(out.source);
    if (isPlainObject(out.tmpfs) && out.tmpfs.size !== undefined) out.tmpfs = { ...out.tmpfs, size: canonicalBytes(out.tmpfs.size) };
    return out as ComposeServiceVolume;
}

export function parseShortVolume(spec: string, resolvePath: (p: string) => string): ComposeServiceVolume {
    const parts = splitVolume(spec);
    if (parts.length === 0 || parts.length > 3 || parts.some((p) => p === "")) {
        throw new VolumeError(`volume "${spec}" is not of the form [SOURCE:]TARGET[:ro]`);
    }
    const [source = "", target = "", options = ""] = parts;
    if (parts.length === 1) return { type: "volume", target: source, volume: {} };
    const opts = options ? options.split(",") : [];
    const bind = isPathLike(source);
    const out: Record<string, unknown> = { type: bind ? "bind" : "volume", source: bind ? resolvePath(source) : source, target };
    const extra: Record<string, unknown> = {};
    for (const o of opts) {
        if (o === "ro") out.read_only = true;
        else if (o === "rw") continue;
        else if (o === "z" || o === "Z") extra.selinux = o;
        else if (o === "nocopy") extra.nocopy = true;
        else if (PROPAGATION.has(o)) extra.propagation = o;
        else if (CONSISTENCY.has(o)) out.consistency = o;
        else throw new VolumeError(`volume "${spec}" has an unknown option "${o}"; use ro, rw, z, Z or nocopy`);
    }
    if (bind) out.bind = pick(extra, ["propagation", "selinux"]);
    else out.volume = pick(extra, ["nocopy"]);
    return out as ComposeServiceVolume;
}

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
    return out;
}

/** Splits on ":" but keeps a Windows drive letter (`C:\data:/data`) with its path. */
function splitVolume(spec: string): string[] {
    const parts = spec.split(":");
    const [drive = "", path = ""] = parts;
    if (parts.length > 1 && /^[A-Za-z]$/.test(drive) && /^[\\/]/.test(path)) {
        return [`${drive}:${path}`, ...parts.slice(2)];
    }
    return parts;
}
