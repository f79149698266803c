/**
 * Dependency order: every component after the ones it depends on (compose `depends_on`), managed
 * services (databases, caches) before the services that use them, ties broken by name so that the
 * same project always gives the same order.
 */
import { cycleText, findDependencyCycles } from "../compose/dependency-cycles";
import { ComponentModel } from "./types";

const RANK: Record<ComponentModel["kind"], number> = { postgres: 0, redis: 0, mongo: 0, service: 1 };

/**
 * `components` in the order to create them. The compose loader refuses dependency cycles where they
 * are written; one that reaches here (a project loaded without validation) is refused with the same words.
 */
export function dependencyOrder<T extends ComponentModel>(components: T[]): T[] {
    const byName = new Map(components.map((c) => [c.name, c]));
    const cycles = findDependencyCycles(new Map(components.map((c) => [c.name, c.dependsOn])));
    if (cycles.length > 0) {
        throw new Error(`services depend on each other in a cycle: ${cycles.map(cycleText).join("; ")}; remove one of these depends_on entries`);
    }
    const sorted = [...components].sort((a, b) => RANK[a.kind] - RANK[b.kind] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const out: T[] = [];
    const done = new Set<string>();
    const visit = (c: T) => {
        if (done.has(c.name)) return;
        done.add(c.name);
        for (const d of [...c.dependsOn].sort()) {
            const dep = byName.get(d);
            if (dep) visit(dep);
        }
        out.push(c);
    };
    for (const c of sorted) visit(c);
    return out;
}
