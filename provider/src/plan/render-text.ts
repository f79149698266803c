/**
 * The plan as text for people: per cloud, a tree per compose service of the native resources with
 * the properties that matter and the monthly cost, the endpoints, then totals; with several
 * clouds, a side-by-side table. Supporting resources that cost nothing and have nothing to show
 * are counted in one line per service.
 */
import { Painter } from "../util/color";
import { CloudPlan, PlanComponent, PlanReport, PlanResource } from "./types";
import { SHARED } from "./tree";
import { cloudTitle, componentLabel, money } from "./labels";

export interface TextOptions {
    paint: Painter;
    /** Show every resource and the arithmetic of every cost. */
    verbose: boolean;
}

export function renderText(report: PlanReport, options: TextOptions): string {
    const { paint } = options;
    const lines: string[] = [];
    lines.push(paint.bold(`Offline plan of "${report.project}"`) + (report.files.length ? ` (${report.files.join(", ")})` : ""));
    lines.push(paint.dim("What a new stack would get, computed here without credentials; not a diff against a live stack. Costs are estimates."));
    for (const plan of report.clouds) {
        lines.push("");
        lines.push(...renderCloud(plan, options));
    }
    if (report.clouds.length > 1) {
        lines.push("");
        lines.push(...renderComparison(report.clouds, options));
    }
    if (report.warnings.length > 0) {
        lines.push("");
        lines.push(paint.yellow(`${report.warnings.length} warning${report.warnings.length === 1 ? "" : "s"}:`));
        for (const w of report.warnings) lines.push(`  ${w}`);
    }
    return lines.join("\n") + "\n";
}

/** One line about a cloud that was not planned. */
export function outcomeLine(plan: CloudPlan): string {
    switch (plan.status) {
        case "unavailable":
            return plan.message ?? "its backend could not be loaded";
        case "unsupported":
            return `not supported: ${plan.problems?.length ?? 0} feature${plan.problems?.length === 1 ? "" : "s"} this cloud cannot run`;
        case "invalid":
            return `invalid: ${plan.message}`;
        case "failed":
            return `failed: ${plan.message}`;
        default:
            return "";
    }
}

function renderCloud(plan: CloudPlan, options: TextOptions): string[] {
    const { paint } = options;
    const title = paint.bold(cloudTitle(plan.cloud));
    if (plan.status !== "planned") {
        const out = [`${title}: ${plan.status === "unavailable" ? paint.yellow(outcomeLine(plan)) : paint.red(outcomeLine(plan))}`];
        for (const p of plan.problems ?? []) {
            out.push(`  ${p.at ? `${p.at}: ` : ""}service "${p.service}", ${p.field}: ${p.message}`);
            out.push(paint.dim(`    fix: ${p.hint}`));
        }
        if (plan.status === "invalid" || plan.status === "failed")
            out.push(
                ...plan
                    .message!.split("\n")
                    .slice(1)
                    .map((l) => `  ${l}`),
            );
        if (plan.status === "unsupported") out.push(...approximations(plan, options));
        return out;
    }
    const notPriced = plan.notPriced ? `, ${plan.notPriced} not priced` : "";
    const out = [`${title}: ${plan.resourceCount} resources, estimated ${paint.bold(money(plan.monthly))} a month${notPriced}`];
    for (const c of plan.components) out.push("", ...renderComponent(c, options));
    const approximated = approximations(plan, options);
    if (approximated.length) out.push("", ...approximated);
    out.push("");
    out.push(...totals(plan));
    out.push(paint.dim("  assumptions:"));
    for (const a of plan.assumptions) out.push(paint.dim(`    - ${a}`));
    return out;
}

/** The attributes this cloud runs differently than Docker Compose would, each with its warning. */
function approximations(plan: CloudPlan, options: TextOptions): string[] {
    const { paint } = options;
    const rows = (plan.attributes ?? []).flatMap((s) => s.attributes.flatMap((a) => (a.disposition === "approximated" ? [{ service: s.service, a }] : [])));
    if (rows.length === 0) return [];
    const out = [paint.yellow(`  ${rows.length} attribute${rows.length === 1 ? "" : "s"} approximated on ${cloudTitle(plan.cloud)}:`)];
    for (const { service, a } of rows) {
        if (a.disposition !== "approximated") continue;
        out.push(`    ${a.at ? `${a.at}: ` : ""}service "${service}", ${a.field}: ${a.warning}`);
        if (a.hint) out.push(paint.dim(`      fix: ${a.hint}`));
    }
    return out;
}

function renderComponent(c: PlanComponent, options: TextOptions): string[] {
    const { paint, verbose } = options;
    const label = c.name === SHARED ? "shared infrastructure" : `${c.name} (${componentLabel(c.component)})`;
    const out = [`  ${paint.bold(label)}  ${money(c.monthly)}/month`];
    if (c.endpoints.length) out.push(`    endpoints: ${c.endpoints.join(", ")}`);
    for (const n of c.notes) out.push(paint.dim(`    note: ${n}`));
    const shown = verbose ? c.resources : c.resources.filter(worthShowing);
    const hidden = c.resources.filter((r) => !shown.includes(r));
    const rows = shown.map((r, i) => resourceLines(r, i === shown.length - 1 && hidden.length === 0, options));
    for (const r of rows) out.push(...r);
    if (hidden.length) out.push(`    └─ ${paint.dim(`+ ${hidden.length} supporting resource${hidden.length === 1 ? "" : "s"} at no charge: ${countKinds(hidden)}`)}`);
    return out;
}

function worthShowing(r: PlanResource): boolean {
    return r.cost.monthly > 0 || !r.cost.priced || (Object.keys(r.properties).length > 0 && !SUPPORTING.has(r.type));
}

/** Types listed only with --verbose even when they have properties. */
const SUPPORTING = new Set([
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    "aws:ec2/subnet:Subnet",
    "aws:route53/record:Record",
    "aws:lb/targetGroup:TargetGroup",
    "aws:ssm/parameter:Parameter",
    "aws:cloudwatch/logGroup:LogGroup",
]);

function resourceLines(r: PlanResource, last: boolean, options: TextOptions): string[] {
    const { paint, verbose } = options;
    const branch = last ? "└─" : "├─";
    const cont = last ? "  " : "│ ";
    const props = Object.entries(r.properties)
        .map(([k, v]) => `${k}=${v}`)
        .join(" ");
    const cost = r.cost.priced ? (r.cost.monthly > 0 ? money(r.cost.monthly) : "") : paint.yellow("not priced");
    const head = `    ${branch} ${r.kind ?? shortType(r.type)} ${paint.dim(r.name)}${props ? `  ${props}` : ""}${cost ? `  ${cost}` : ""}`;
    const out = [head];
    if (r.cost.monthly > 0 || verbose || !r.cost.priced) out.push(paint.dim(`    ${cont}    ${r.cost.basis}`));
    return out;
}

/** "aws:ec2/route:Route" -> "Route". */
function shortType(type: string): string {
    return type.split(":").pop() ?? type;
}

function countKinds(resources: PlanResource[]): string {
    const counts = new Map<string, number>();
    for (const r of resources) {
        const k = r.kind ?? shortType(r.type);
        counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return [...counts].map(([k, n]) => `${n} ${k}`).join(", ");
}

function totals(plan: CloudPlan): string[] {
    const width = Math.max(7, ...plan.components.map((c) => label(c).length)) + 2;
    const out = plan.components.map((c) => `  ${label(c).padEnd(width)}${money(c.monthly).padStart(10)}`);
    out.push(`  ${"total".padEnd(width)}${money(plan.monthly).padStart(10)}  a month`);
    return out;
}

function label(c: PlanComponent): string {
    return c.name === SHARED ? "shared" : c.name;
}

function renderComparison(plans: CloudPlan[], options: TextOptions): string[] {
    const { paint } = options;
    const names: string[] = [];
    for (const p of plans) for (const c of p.components) if (!names.includes(label(c))) names.push(label(c));
    const width = Math.max(9, ...names.map((n) => n.length)) + 2;
    const col = 16;
    const out = [paint.bold("Side by side (estimated USD a month)")];
    out.push("  " + "service".padEnd(width) + plans.map((p) => cloudTitle(p.cloud).padStart(col)).join(""));
    for (const n of names) {
        out.push(
            "  " +
                n.padEnd(width) +
                plans
                    .map((p) => {
                        if (p.status !== "planned") return "-".padStart(col);
                        const c = p.components.find((x) => label(x) === n);
                        return (c ? money(c.monthly) : "-").padStart(col);
                    })
                    .join(""),
        );
    }
    out.push("  " + "total".padEnd(width) + plans.map((p) => (p.status === "planned" ? money(p.monthly) : p.status).padStart(col)).join(""));
    for (const p of plans) if (p.status !== "planned") out.push(`  ${cloudTitle(p.cloud)}: ${outcomeLine(p)}`);
    return out;
}
