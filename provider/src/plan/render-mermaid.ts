/**
 * The plan as a Mermaid flowchart: the internet, the services, the managed databases, caches and
 * models, and how they connect (public ingress, `depends_on`, and hosts named in the environment
 * such as `postgres://...@db:5432`). With one planned cloud, each node shows its monthly cost.
 */
import { referencedHostNames } from "../model/host-references";
import { ComponentModel, ProjectModel, ServiceModel } from "../model/types";
import { CloudPlan } from "./types";
import { money } from "./labels";

/** A Mermaid node id: letters, digits and underscores only. */
function id(name: string): string {
    return "n_" + name.replace(/[^A-Za-z0-9_]/g, "_");
}

/** Text inside a Mermaid label: quotes and brackets escaped as entities. */
function text(s: string): string {
    return s.replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;");
}

function kindOf(c: ComponentModel): string {
    if (c.kind === "postgres") return `PostgreSQL${c.version ? ` ${c.version}` : ""}`;
    if (c.kind === "mongo") return `MongoDB${c.version ? ` ${c.version}` : ""}`;
    if (c.kind === "redis") return `${c.engine === "valkey" ? "Valkey" : "Redis"}${c.version ? ` ${c.version}` : ""}`;
    return c.llm ? "service + managed LLM" : (c as ServiceModel).ports.some((p) => p.mode === "ingress") ? "public service" : c.ports.length ? "private service" : "worker";
}

function node(c: ComponentModel, cost: string | undefined): string {
    const lines = [c.name, kindOf(c)];
    if (c.kind === "service" && c.domainname) lines.push(c.domainname);
    if (cost) lines.push(cost);
    const label = `"${lines.map(text).join("<br/>")}"`;
    return c.kind !== "service" ? `${id(c.name)}[(${label})]` : `${id(c.name)}[${label}]`;
}

/** Hosts of other components named in a service's environment values, by the one host grammar (`model/host-references.ts`). */
function referencedHosts(c: ComponentModel, names: ReadonlySet<string>): string[] {
    if (c.kind !== "service") return [];
    const out = new Set<string>();
    for (const e of c.environment) {
        const v = e.value.kind === "literal" ? e.value.value : e.value.kind === "template" ? e.value.template : "";
        for (const host of referencedHostNames(v, names)) if (host !== c.name) out.add(host);
    }
    return [...out];
}

export function renderMermaid(model: ProjectModel, plans: CloudPlan[]): string {
    const planned = plans.filter((p) => p.status === "planned");
    const single = planned.length === 1 ? planned[0] : undefined;
    const cost = (name: string) => {
        const c = single?.components.find((x) => x.name === name);
        return c ? `${money(c.monthly)}/month` : undefined;
    };
    const names = new Set(model.components.map((c) => c.name));
    const lines = ["flowchart LR", `  internet(("internet"))`];
    for (const c of model.components) lines.push(`  ${node(c, cost(c.name))}`);
    const edges = new Set<string>();
    for (const c of model.components) {
        if (c.kind === "service") {
            for (const p of c.ports.filter((p) => p.mode === "ingress")) edges.add(`  internet -->|"${text(c.domainname ? `https ${c.domainname}` : `port ${p.target}`)}"| ${id(c.name)}`);
        }
        const targets = new Set([...c.dependsOn, ...referencedHosts(c, names)]);
        for (const t of targets) {
            const target = model.components.find((x) => x.name === t);
            const port = target?.ports[0]?.target;
            edges.add(`  ${id(c.name)} -->${port ? `|"${port}"|` : ""} ${id(t)}`);
        }
    }
    lines.push(...edges);
    if (single) lines.push(`  %% ${single.cloud}: estimated ${money(single.monthly)} a month in total (offline plan)`);
    return lines.join("\n") + "\n";
}
