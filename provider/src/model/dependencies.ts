/**
 * Dependency order: every component after the ones it depends on (compose `depends_on`), managed
 * services (databases, caches) before the services that use them, ties broken by name so that the
 * same project always gives the same order.
 */
import { ComponentModel } from "./types";

const RANK: Record<ComponentModel["kind"], number> = { postgres: 0, redis: 0, service: 1 };

export function dependencyOrder<T extends ComponentModel>(components: T[]): T[] {
    const byName = new Map(components.map((c) => [c.name, c]));
    const sorted = [...components].sort((a, b) => RANK[a.kind] - RANK[b.kind] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const out: T[] = [];
    const state = new Map<string, "visiting" | "done">();
    const visit = (c: T, path: string[]) => {
        const s = state.get(c.name);
        if (s === "done") return;
        if (s === "visiting") throw new Error(`services depend on each other in a cycle: ${[...path, c.name].join(" -> ")}; remove one of these depends_on entries`);
        state.set(c.name, "visiting");
        for (const d of [...c.dependsOn].sort()) {
            const dep = byName.get(d);
            if (dep) visit(dep, [...path, c.name]);
        }
        state.set(c.name, "done");
        out.push(c);
    };
    for (const c of sorted) visit(c, []);
    return out;
}
