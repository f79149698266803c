/**
 * From what the engine recorded to the plan of one cloud: every native resource under the compose
 * service it belongs to (its nearest Defang component), or under the project's shared
 * infrastructure, with its properties and its monthly cost. Totals are summed in cents, so that
 * the total is exactly the sum of the lines.
 */
import { CloudName } from "../model/types";
import { ASSUMPTIONS, costOf } from "./cost";
import { frontDoorComparison } from "./cost/aws-front-door";
import { appShares } from "./cost/digitalocean";
import { propertiesOf } from "./properties";
import { digitalOceanInputs } from "./properties/digitalocean";
import { Recorded } from "./properties/recorded";
import { CloudPlan, EngineResult, PlanComponent, PlanResource, RecordedResource } from "./types";

/** The name of the pseudo-component that holds the project's shared infrastructure. */
export const SHARED = "(shared)";

const COMPONENT_PREFIX = "defang:index:";

/** Notes for components by type: what the plan cannot price. */
const COMPONENT_NOTES: Record<string, string> = {
    "defang:index:DefangLLM": "model use is billed per token and is not included",
};

/** Sums amounts in whole cents. */
export function sumCents(amounts: number[]): number {
    return amounts.reduce((total, n) => total + Math.round(n * 100), 0) / 100;
}

/** The plan of a cloud that was planned; or the outcome of one that was not. */
export function cloudPlan(result: EngineResult): CloudPlan {
    const cloud = result.cloud;
    const assumptions = ASSUMPTIONS[cloud];
    if (result.status !== "planned") {
        return {
            cloud,
            status: result.status,
            message: result.message,
            ...(result.status === "unsupported" ? { problems: result.features } : {}),
            components: [],
            monthly: 0,
            resourceCount: 0,
            notPriced: 0,
            assumptions,
        };
    }
    const components = buildComponents(cloud, result.resources, result.endpoints);
    const all = components.flatMap((c) => c.resources);
    const compared = cloud === "aws" ? [...assumptions, ...frontDoorComparison(components)] : assumptions;
    return {
        cloud,
        status: "planned",
        components,
        monthly: sumCents(components.map((c) => c.monthly)),
        resourceCount: all.length,
        notPriced: all.filter((r) => !r.cost.priced).length,
        assumptions: compared,
        elapsedMs: result.elapsedMs,
    };
}

function buildComponents(cloud: CloudName, resources: RecordedResource[], endpoints: Record<string, string[]>): PlanComponent[] {
    const byName = new Map<string, RecordedResource>();
    for (const r of resources) if (!byName.has(r.name)) byName.set(r.name, r);
    const root = resources.find((r) => r.type === "defang:index:DefangProject" && r.parent === undefined);
    const members = resources.filter((r) => r.type.startsWith(COMPONENT_PREFIX) && root && r.parent === root.name);
    const serviceOf = (member: RecordedResource) => (root && member.name.startsWith(`${root.name}-`) ? member.name.slice(root.name.length + 1) : member.name);

    /** The project member a resource belongs to, walking up its parents; undefined for shared infrastructure. */
    const memberOf = (r: RecordedResource): RecordedResource | undefined => {
        let current: RecordedResource | undefined = r;
        for (let depth = 0; current && depth < 50; depth++) {
            if (current !== r && current.type.startsWith(COMPONENT_PREFIX) && root && current.parent === root.name) return current;
            current = current.parent ? byName.get(current.parent) : undefined;
        }
        return undefined;
    };

    const groups = new Map<string, RecordedResource[]>([[SHARED, []], ...members.map((m): [string, RecordedResource[]] => [m.name, []])]);
    for (const r of resources) {
        if (!r.custom) continue;
        const member = memberOf(r);
        groups.get(member ? member.name : SHARED)!.push(r);
    }

    const out: PlanComponent[] = [];
    for (const member of members) out.push(component(cloud, serviceOf(member), member.type, groups.get(member.name)!, byName, endpoints[serviceOf(member)] ?? []));
    const shared = groups.get(SHARED)!;
    if (shared.length > 0) out.push(component(cloud, SHARED, root?.type ?? "defang:index:DefangProject", shared, byName, []));
    splitApps(out);
    return out.filter((c) => c.name !== SHARED || c.resources.length > 0);
}

const APP = "digitalocean:index/app:App";

/**
 * A DigitalOcean App holds every service of the project: each service's container component is
 * moved to that service's tree, as its share of the App's cost; the App keeps the rest.
 */
function splitApps(components: PlanComponent[]): void {
    // App component names are the service names as DNS labels.
    const label = (n: string) =>
        n
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, "-")
            .replace(/^-+|-+$/g, "");
    const byService = new Map(components.map((c) => [label(c.name), c]));
    for (const holder of components) {
        for (const app of holder.resources.filter((r) => r.type === APP && r.cost.priced)) {
            const recorded = (app as PlanResource & { inputs?: Recorded<unknown> }).inputs;
            const inputs = recorded && digitalOceanInputs({ type: app.type, inputs: recorded }, APP);
            if (!inputs) continue;
            let moved = 0;
            for (const share of appShares(inputs)) {
                const target = byService.get(label(share.component));
                if (!target || target === holder) continue;
                target.resources.unshift({ type: APP, name: `${app.name}/${share.component}`, kind: share.kind, properties: share.properties, cost: share.cost });
                target.monthly = sumCents(target.resources.map((r) => r.cost.monthly));
                moved += Math.round(share.cost.monthly * 100);
            }
            if (moved > 0) {
                app.cost = { ...app.cost, monthly: (Math.round(app.cost.monthly * 100) - moved) / 100, basis: `${app.cost.basis} (each service's share is listed under it)` };
                holder.monthly = sumCents(holder.resources.map((r) => r.cost.monthly));
            }
        }
    }
    for (const c of components) for (const r of c.resources) delete (r as PlanResource & { inputs?: unknown }).inputs;
}

function component(cloud: CloudName, name: string, type: string, members: RecordedResource[], byName: Map<string, RecordedResource>, endpoints: string[]): PlanComponent {
    const resources: PlanResource[] = members.map((r) => {
        const { kind, properties } = propertiesOf(r.type, r.inputs);
        const out: PlanResource & { inputs?: Recorded<unknown> } = { type: r.type, name: r.name, ...(kind ? { kind } : {}), properties, cost: costOf(cloud, r, { byName, siblings: members }) };
        // Kept until the App is split among the services (see splitApps), then dropped.
        if (r.type === APP) out.inputs = r.inputs;
        return out;
    });
    resources.sort((a, b) => b.cost.monthly - a.cost.monthly);
    const note = COMPONENT_NOTES[type];
    return { name, component: type, endpoints, resources, notes: note ? [note] : [], monthly: sumCents(resources.map((r) => r.cost.monthly)) };
}
