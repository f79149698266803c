/**
 * The translation table, assembled: every attribute of a compose service and every top-level
 * element, with what each cloud does with it, and the lookups the checks use.
 */
import { EXTENSIONS } from "./extensions";
import { PROJECT } from "./project";
import { SERVICE_DEPLOY } from "./service-deploy";
import { SERVICE_HOST } from "./service-host";
import { SERVICE_IMAGE } from "./service-image";
import { SERVICE_NETWORK } from "./service-network";
import { SERVICE_STORAGE } from "./service-storage";
import { AttributeEntry } from "./types";

/** The entries of a service's attributes (paths relative to the service). */
export const SERVICE_TABLE: readonly AttributeEntry[] = [...SERVICE_IMAGE, ...SERVICE_HOST, ...SERVICE_DEPLOY, ...SERVICE_NETWORK, ...SERVICE_STORAGE, ...EXTENSIONS];
/** The entries of the top-level elements (paths from the top of the file). */
export const PROJECT_TABLE: readonly AttributeEntry[] = PROJECT;

const SERVICE_BY_PATH = new Map(SERVICE_TABLE.map((e) => [e.path, e]));
const PROJECT_BY_PATH = new Map(PROJECT_TABLE.map((e) => [e.path, e]));

/** Every entry path and every path above one (`ports[]`, `networks.*`): where a walk may go on. */
const SERVICE_PREFIXES = new Set(SERVICE_TABLE.flatMap((e) => prefixesOf(e.path)));

function prefixesOf(path: string): string[] {
    const out: string[] = [];
    for (let i = 1; i <= path.length; i++) if (i === path.length || path[i] === "." || path[i] === "[") out.push(path.slice(0, i));
    return out;
}

/** The entry of a service attribute, by its table path (`deploy.resources.limits.cpus`, `ports[].protocol`). */
export function serviceEntry(path: string): AttributeEntry | undefined {
    return SERVICE_BY_PATH.get(path);
}

/** The entry of a top-level element, by its table path (`networks.*.driver`). */
export function projectEntry(path: string): AttributeEntry | undefined {
    return PROJECT_BY_PATH.get(path);
}

/** Whether the table has entries at or below `path` of a service. */
export function serviceTableReaches(path: string): boolean {
    return SERVICE_PREFIXES.has(path);
}

/** The entry that covers `path` of a service: its own, else the nearest ancestor's that says it covers its children. */
export function coveringEntry(path: string, byPath: (p: string) => AttributeEntry | undefined = serviceEntry): AttributeEntry | undefined {
    const own = byPath(path);
    if (own) return own;
    const ancestors = prefixesOf(path).slice(0, -1).reverse();
    for (const a of ancestors) {
        const e = byPath(a.replace(/\[\]$/, ""));
        if (e?.coversChildren) return e;
    }
    return undefined;
}
