/**
 * References from one service to another: `depends_on`, `links`, `volumes_from` and
 * `network_mode` (or `ipc`, `pid`, `uts`, `cgroup`) `service:x`. As with the reference loader, each
 * must name a service of the project, and together they must not go round in a cycle: a service
 * starts after the ones it refers to.
 */
import { closest } from "../../util/closest-match";
import { cycleText, findDependencyCycles } from "../dependency-cycles";
import { Path } from "../paths";
import { ComposeService } from "../types";
import { Rule, RuleContext } from "./report";

/** Attributes that share a namespace of another service when written `service:<name>`. */
type SharedNamespace = "network_mode" | "ipc" | "pid" | "uts" | "cgroup";

/** One place where a service names another. */
export interface ServiceReference {
    /** The service named. */
    target: string;
    /** Where, below the service: `["depends_on", "db"]`, `["links", 0]`, `["network_mode"]`. */
    field: Path;
    /** What the reference does, for messages: `depends on`, `links to`, `takes volumes from`, `shares the network of`. */
    verb: string;
}

/**
 * The references of `service`, in the order written. A `depends_on` entry that normalization added
 * for a link, `volumes_from` or `service:` namespace is not listed twice: it is reported where it
 * was written, unless it was also written under `depends_on`.
 */
export function serviceReferences(name: string, service: ComposeService, ctx: Pick<RuleContext, "locate">): ServiceReference[] {
    const implied: ServiceReference[] = [];
    const links = service.links as unknown[] | undefined;
    if (links) {
        for (let i = 0; i < links.length; i++) {
            const l = links[i];
            if (typeof l === "string") implied.push({ target: beforeColon(l), field: ["links", i], verb: "links to" });
        }
    }
    const volumesFrom = service.volumes_from as unknown[] | undefined;
    if (volumesFrom) {
        for (let i = 0; i < volumesFrom.length; i++) {
            const v = volumesFrom[i];
            if (typeof v === "string" && !v.startsWith("container:")) implied.push({ target: beforeColon(v), field: ["volumes_from", i], verb: "takes volumes from" });
        }
    }
    // Read one by one: most services have none of them.
    sharedNamespace("network_mode", service.network_mode, implied);
    sharedNamespace("ipc", service.ipc, implied);
    sharedNamespace("pid", service.pid, implied);
    sharedNamespace("uts", service.uts, implied);
    sharedNamespace("cgroup", service.cgroup, implied);
    const dependsOn = service.depends_on;
    if (!dependsOn) return implied;
    const explicit: ServiceReference[] = [];
    for (const dep of Object.keys(dependsOn)) {
        const field = ["depends_on", dep];
        if (implied.some((r) => r.target === dep) && !writtenAt(name, field, ctx)) continue;
        explicit.push({ target: dep, field, verb: "depends on" });
    }
    return implied.length === 0 ? explicit : [...explicit, ...implied];
}

/** What comes before the first `:` (all of `s` when there is none). */
function beforeColon(s: string): string {
    const colon = s.indexOf(":");
    return colon < 0 ? s : s.slice(0, colon);
}

/** `attr: service:<name>` names a service. */
function sharedNamespace(attr: SharedNamespace, value: unknown, implied: ServiceReference[]): void {
    if (typeof value !== "string" || !value.startsWith("service:")) return;
    implied.push({ target: value.slice("service:".length), field: [attr], verb: attr === "network_mode" ? "shares the network of" : `shares the ${attr} namespace of` });
}

/** Whether `field` of `service` has a position of its own (and is not only found through its parent). */
function writtenAt(service: string, field: Path, ctx: Pick<RuleContext, "locate">): boolean {
    const at = ctx.locate(["services", service, ...field]);
    const parent = ctx.locate(["services", service, ...field.slice(0, -1)]);
    if (!at) return false;
    return !parent || at.file !== parent.file || at.line !== parent.line || at.column !== parent.column;
}

/** Every reference names a service of the project (or one left out by profiles, already warned about); no service refers to itself; no cycle. */
export const checkReferences: Rule = (project, report, ctx, services) => {
    const names = new Set(Object.keys(project.services ?? {}));
    const disabled = ctx.disabledServices ?? new Set<string>();
    const graph = new Map<string, string[]>();
    /** Where each edge of the graph was first written: `a\0b` -> the reference. */
    const sites = new Map<string, ServiceReference>();
    for (const [name, svc] of services) {
        const edges: string[] = [];
        for (const ref of serviceReferences(name, svc, ctx)) {
            if (ref.target === name) {
                report.service(name, ref.field, {
                    severity: "error",
                    code: "depends-on-itself",
                    message: `${ref.verb} itself: a service cannot wait for its own start`,
                    hint: "remove this entry",
                });
            } else if (!names.has(ref.target)) {
                if (disabled.has(ref.target)) continue;
                const guess = closest(ref.target, [...names]);
                const known = [...names].sort().join(", ");
                report.service(name, ref.field, {
                    severity: "error",
                    code: "undefined-service",
                    message: `${ref.verb} "${ref.target}", which is not a service of this project`,
                    hint: guess ? `did you mean "${guess}"?` : `write one of ${known}, or define a service "${ref.target}"`,
                });
            } else {
                const key = `${name}\u0000${ref.target}`;
                if (!sites.has(key)) sites.set(key, ref);
                if (!edges.includes(ref.target)) edges.push(ref.target);
            }
        }
        graph.set(name, edges);
    }
    for (const cycle of findDependencyCycles(graph)) {
        const [from, to] = cycle;
        // A cycle names at least a service and the one it depends on.
        if (from === undefined || to === undefined) continue;
        const site = sites.get(`${from}\u0000${to}`);
        report.service(from, site?.field ?? ["depends_on"], {
            severity: "error",
            code: "dependency-cycle",
            message: `services depend on each other in a cycle: ${cycleText(cycle)}, so none of them can start first`,
            hint: "remove one of the references that make the cycle: a `depends_on`, `links`, `volumes_from` or `service:` entry",
        });
    }
};
