/**
 * The properties that matter of DigitalOcean resources, by type token, from the input shapes of
 * @pulumi/digitalocean. The App's spec lists every service, worker and job of the project.
 */
import type { DigitalOceanResourceInputs } from "../../clouds/digitalocean/resource-inputs";
import { PropertyTable } from "./extractor";
import { defined, list, num, str } from "./read";
import { Recorded, RecordedByType } from "./recorded";

/** The recorded inputs of a DigitalOcean resource of type `K`. */
export type DigitalOceanRecorded<K extends keyof DigitalOceanResourceInputs> = RecordedByType<DigitalOceanResourceInputs>[K];

/** The inputs of `r` typed as those of `type`, when `r` is of that type. */
export function digitalOceanInputs<K extends keyof DigitalOceanResourceInputs>(r: { type: string; inputs: Recorded<unknown> } | undefined, type: K): DigitalOceanRecorded<K> | undefined {
    return r?.type === type ? (r.inputs as DigitalOceanRecorded<K>) : undefined;
}

/** The kinds of App Platform components that run containers, as the spec names them. */
export const APP_COMPONENT_KINDS = ["services", "workers", "jobs"] as const;

/** One container component of an App spec. */
export interface AppComponent {
    kind: (typeof APP_COMPONENT_KINDS)[number];
    name: string;
    size: string;
    /** Instances kept running (autoscaling: its minimum). */
    count: number;
    maxCount?: number;
    httpPort?: number;
    /** A job's moment: `PRE_DEPLOY` (before each deployment) or `POST_DEPLOY`. */
    runs?: string;
}

/** The container components of an App's spec. */
export function appComponents(inputs: DigitalOceanRecorded<"digitalocean:index/app:App">): AppComponent[] {
    const out: AppComponent[] = [];
    for (const kind of APP_COMPONENT_KINDS) {
        for (const c of list(inputs, `spec.${kind}`)) {
            out.push({
                kind,
                name: str(c, "name") ?? "?",
                size: str(c, "instanceSizeSlug") ?? "apps-s-1vcpu-0.5gb",
                count: num(c, "autoscaling.minInstanceCount") ?? num(c, "instanceCount") ?? 1,
                maxCount: num(c, "autoscaling.maxInstanceCount"),
                httpPort: num(c, "httpPort"),
                runs: kind === "jobs" ? str(c, "kind") : undefined,
            });
        }
    }
    return out;
}

export const DO_PROPERTIES = {
    "digitalocean:index/spacesBucket:SpacesBucket": { kind: "Spaces bucket (build contexts)", read: (i) => defined({ region: str(i, "region"), acl: str(i, "acl") }) },
    "digitalocean:index/app:App": {
        kind: "App Platform app",
        read: (i) => {
            const props: Record<string, string | number | boolean | undefined> = { region: str(i, "spec.region") };
            const components = appComponents(i);
            for (const kind of APP_COMPONENT_KINDS) {
                const names = components.filter((c) => c.kind === kind).map((c) => c.name);
                if (names.length) props[kind] = names.join(", ");
            }
            const domains = list(i, "spec.domainNames")
                .map((d) => str(d, "name"))
                .filter(Boolean);
            if (domains.length) props.domains = domains.join(", ");
            return defined(props);
        },
    },
    "digitalocean:index/databaseCluster:DatabaseCluster": {
        kind: "managed database cluster",
        read: (i) => defined({ engine: str(i, "engine"), version: str(i, "version"), size: str(i, "size"), nodes: num(i, "nodeCount"), region: str(i, "region") }),
    },
    "digitalocean:index/databaseFirewall:DatabaseFirewall": { kind: "database trusted sources", read: (i) => defined({ rules: list(i, "rules").length }) },
    "digitalocean:index/databaseDb:DatabaseDb": { kind: "database", read: (i) => defined({ name: str(i, "name") }) },
    "digitalocean:index/databaseUser:DatabaseUser": { kind: "database user", read: () => ({}) },
    "digitalocean:index/containerRegistry:ContainerRegistry": { kind: "container registry", read: (i) => defined({ tier: str(i, "subscriptionTierSlug") }) },
    "digitalocean:index/domain:Domain": { kind: "domain", read: (i) => defined({ name: str(i, "name") }) },
    "digitalocean:index/vpc:Vpc": { kind: "VPC", read: (i) => defined({ region: str(i, "region"), cidr: str(i, "ipRange") }) },
    "digitalocean:index/project:Project": { kind: "project", read: () => ({}) },
    "digitalocean:index/genaiOpenaiApiKey:GenaiOpenaiApiKey": { kind: "GenAI API key", read: () => ({}) },
    "digitalocean:index/genaiAgent:GenaiAgent": { kind: "GenAI agent", read: (i) => defined({ model: str(i, "modelUuid") }) },
} satisfies PropertyTable<DigitalOceanResourceInputs>;
