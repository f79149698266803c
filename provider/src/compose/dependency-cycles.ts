/**
 * Cycles in a dependency graph (service -> the services it needs started first). Shared by the
 * loader, which refuses a cycle where it was written, and by the deployment order, which must never
 * loop. Pure: names in, cycles out, in a stable order.
 */

/** For each node, the nodes it depends on. Edges to unknown nodes are ignored. */
export type DependencyGraph = ReadonlyMap<string, readonly string[]>;

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The cycles a depth-first walk in name order meets (at least one in every group of nodes that
 * depend on each other), each once, written from its smallest name and closed on it:
 * `["a", "b", "a"]`. A node that depends on itself is `["a", "a"]`.
 */
export function findDependencyCycles(graph: DependencyGraph): string[][] {
    // Most projects have few dependencies, and many none: without an edge there is no cycle to look for.
    if (!hasEdges(graph)) return [];
    const seen = new Set<string>();
    const out: string[][] = [];
    const state = new Map<string, "visiting" | "done">();
    const stack: string[] = [];
    const record = (cycle: string[]) => {
        // Rotate so that the smallest name comes first: the same cycle found from another node is the same text.
        const ring = cycle.slice(0, -1);
        const [first] = ring;
        if (first === undefined) return;
        let start = 0;
        let smallest = first;
        ring.forEach((n, i) => {
            if (n < smallest) [start, smallest] = [i, n];
        });
        const closed = [...ring.slice(start), ...ring.slice(0, start), smallest];
        const key = closed.join("\u0000");
        if (seen.has(key)) return;
        seen.add(key);
        out.push(closed);
    };
    const visit = (node: string) => {
        state.set(node, "visiting");
        stack.push(node);
        for (const next of [...(graph.get(node) ?? [])].sort(byName)) {
            if (!graph.has(next)) continue;
            const s = state.get(next);
            if (s === "visiting") record([...stack.slice(stack.indexOf(next)), next]);
            else if (s === undefined) visit(next);
        }
        stack.pop();
        state.set(node, "done");
    };
    for (const node of [...graph.keys()].sort(byName)) if (!state.has(node)) visit(node);
    return out.sort((a, b) => byName(a.join(" "), b.join(" ")));
}

function hasEdges(graph: DependencyGraph): boolean {
    for (const next of graph.values()) if (next.length > 0) return true;
    return false;
}

/** `a -> b -> a` */
export function cycleText(cycle: readonly string[]): string {
    return cycle.join(" -> ");
}
