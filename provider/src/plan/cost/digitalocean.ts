/**
 * Monthly cost of DigitalOcean resources: App Platform containers by size and count, managed
 * database nodes by size and count.
 */
import { DO_PRICES, DO_USAGE, appSizePrice, databaseNodePrice } from "../prices/digitalocean";
import type { DigitalOceanResourceInputs } from "../../clouds/digitalocean/resource-inputs";
import { AppComponent, DigitalOceanRecorded, appComponents } from "../properties/digitalocean";
import { num, str } from "../properties/read";
import { Plain } from "../properties/recorded";
import { CostFunction, CostTable, free, freeTypes, notPriced, priced, rate } from "./estimate";
import { HOURS_PER_MONTH, JOB_MINUTES_PER_MONTH, Price, lookupPrice } from "../prices/price";
import { CostEstimate } from "../types";

/** The cost function of DigitalOcean resources of type `K`. */
type DigitalOceanCost<K extends keyof DigitalOceanResourceInputs> = CostFunction<Plain<DigitalOceanResourceInputs[K]>>;

/** What a job's time costs of a month's price: App Platform bills jobs only while they run. */
const JOB_SHARE = JOB_MINUTES_PER_MONTH / (HOURS_PER_MONTH * 60);

/** The cost of one container component: a month of each instance, or a job's minutes. */
function componentCost(c: AppComponent, p: Price): { usd: number; basis: string } {
    if (c.kind !== "jobs") return { usd: c.count * p.usd, basis: `${c.count} x ${c.size} ${rate(p)}` };
    const when = c.runs === "PRE_DEPLOY" ? "before" : "after";
    return { usd: c.count * p.usd * JOB_SHARE, basis: `job, runs only ${when} deployments (~nothing a month): ${c.count} x ${c.size} ${rate(p)} x ${JOB_MINUTES_PER_MONTH} min of ${HOURS_PER_MONTH * 60}` };
}

/** Every service, worker and job container of the App (jobs for the minutes they run). */
const app: DigitalOceanCost<"digitalocean:index/app:App"> = (r) => {
    const components = appComponents(r.inputs);
    if (components.length === 0) return priced(0, "no containers", []);
    const used: Price[] = [];
    const parts: string[] = [];
    let total = 0;
    const unknown: string[] = [];
    for (const c of components) {
        const p = appSizePrice(c.size);
        if (!p) {
            unknown.push(c.size);
            continue;
        }
        const cost = componentCost(c, p);
        total += cost.usd;
        used.push(p);
        parts.push(`${c.name}: ${cost.basis}`);
    }
    if (str(r.inputs, "spec.egresses.0.type") === "DEDICATED_IP") {
        const ip = DO_PRICES["do.app.dedicated-egress-ip"];
        total += ip.usd;
        used.push(ip);
        parts.push(`dedicated egress IP ${rate(ip)}`);
    }
    if (used.length === 0) return notPriced(`sizes ${unknown.join(", ")} not in the price table`);
    return priced(total, parts.join(" + ") + (unknown.length ? ` (not priced: ${unknown.join(", ")})` : ""), used);
};

const databaseCluster: DigitalOceanCost<"digitalocean:index/databaseCluster:DatabaseCluster"> = (r) => {
    const size = str(r.inputs, "size") ?? "";
    const p = databaseNodePrice(size);
    if (!p) return notPriced(`size ${size || "?"} not in the price table`);
    const nodes = num(r.inputs, "nodeCount") ?? 1;
    return priced(nodes * p.usd, `${nodes} node${nodes === 1 ? "" : "s"} x ${size} ${rate(p)}`, [p]);
};

const registry: DigitalOceanCost<"digitalocean:index/containerRegistry:ContainerRegistry"> = (r) => {
    const tier = str(r.inputs, "subscriptionTierSlug") ?? "starter";
    const p = lookupPrice(DO_PRICES, `do.registry.${tier}`);
    if (!p) return notPriced(`tier ${tier} not in the price table`);
    return priced(p.usd, `${tier} tier ${rate(p)}`, [p]);
};

/** An image build: the remote builder's job minutes, or nothing on the deploying machine (`defang:doBuilder local`). */
const buildRun: DigitalOceanCost<"pulumi-nodejs:dynamic:Resource"> = (r) => {
    if (str(r.inputs, "appRegion") === undefined) return free("built on the deploying machine (defang:doBuilder local): no charge");
    const p = DO_PRICES["do.app.build-job-minute"];
    return priced(DO_USAGE.buildMinutes * p.usd, `${DO_USAGE.buildMinutes} build minutes x ${rate(p)}`, [p]);
};

const spacesBucket: DigitalOceanCost<"digitalocean:index/spacesBucket:SpacesBucket"> = () => {
    const p = DO_PRICES["do.spaces.subscription"];
    return priced(p.usd, `Spaces subscription ${rate(p)} (per account; nothing more if it has Spaces already)`, [p]);
};

const loadBalancer: DigitalOceanCost<"digitalocean:index/loadBalancer:LoadBalancer"> = (r) => {
    const p = DO_PRICES["do.lb.node"];
    const nodes = num(r.inputs, "sizeUnit") ?? 1;
    return priced(nodes * p.usd, `${nodes} node x ${rate(p)}`, [p]);
};

export const DO_COSTS = {
    "digitalocean:index/app:App": app,
    "digitalocean:index/databaseCluster:DatabaseCluster": databaseCluster,
    "digitalocean:index/containerRegistry:ContainerRegistry": registry,
    "digitalocean:index/loadBalancer:LoadBalancer": loadBalancer,
    ...freeTypes([
        "digitalocean:index/databaseFirewall:DatabaseFirewall",
        "digitalocean:index/databaseDb:DatabaseDb",
        "digitalocean:index/databaseUser:DatabaseUser",
        "digitalocean:index/databaseConnectionPool:DatabaseConnectionPool",
        "digitalocean:index/domain:Domain",
        "digitalocean:index/dnsRecord:DnsRecord",
        "digitalocean:index/vpc:Vpc",
        "digitalocean:index/project:Project",
        "digitalocean:index/projectResources:ProjectResources",
        "digitalocean:index/certificate:Certificate",
        "random:index/randomPassword:RandomPassword",
        "random:index/randomId:RandomId",
        "random:index/randomString:RandomString",
    ]),
    "pulumi-nodejs:dynamic:Resource": buildRun,
    "digitalocean:index/spacesBucket:SpacesBucket": spacesBucket,
    ...freeTypes(["digitalocean:index/genaiOpenaiApiKey:GenaiOpenaiApiKey", "digitalocean:index/genaiAgent:GenaiAgent"], "billed per token: not included"),
} satisfies CostTable<DigitalOceanResourceInputs>;

export const DO_ASSUMPTIONS = [
    "region nyc; DigitalOcean lists the same prices in every region; a full month of each container and node",
    "App Platform: each service and worker at its size times its instance count (autoscaling: its minimum)",
    `jobs: ${JOB_MINUTES_PER_MONTH} minutes a month of their instances (they run only at deployments), prorated from the monthly price`,
    "bandwidth within the App's allowance; the database's included storage only",
    `builds: ${DO_USAGE.buildMinutes} minutes a month per service built from source (remote builder); the build bucket's Spaces subscription counted once per project`,
    "GenAI serverless inference is billed per token and is not included",
    "App Platform sizes are marked estimate in provider/src/plan/prices/digitalocean.ts: recalled list prices not confirmed from a published page",
];

/** One App container component's share of the App's cost, for the tree of the service it runs. */
export interface AppShare {
    component: string;
    kind: string;
    properties: Record<string, string | number | boolean>;
    cost: CostEstimate;
}

/** The App's cost split by container component (a share per service, worker and job). */
export function appShares(inputs: DigitalOceanRecorded<"digitalocean:index/app:App">): AppShare[] {
    return appComponents(inputs).map((c) => {
        const p = appSizePrice(c.size);
        const kind = c.kind === "jobs" ? "App Platform job (one-off, at deploy)" : `App Platform ${c.kind.slice(0, -1)}`;
        const runs = c.runs === "PRE_DEPLOY" ? "before each deployment" : c.runs === "POST_DEPLOY" ? "after each deployment" : undefined;
        const properties = { size: c.size, instances: c.count, ...(c.maxCount ? { maxInstances: c.maxCount } : {}), ...(c.httpPort ? { port: c.httpPort } : {}), ...(runs ? { runs } : {}) };
        const cost = p ? componentCost(c, p) : undefined;
        return { component: c.name, kind, properties, cost: cost ? priced(cost.usd, cost.basis, [p!]) : notPriced(`size ${c.size} not in the price table`) };
    });
}
