/**
 * Checks of a `plan --format json` report that hold for every cloud and every project: its shape,
 * totals that equal the sum of their lines, and no secret placeholder anywhere.
 */
import * as assert from "assert";
import { PLACEHOLDER_SECRET } from "../../provider/src/plan/engine-config";
import { CloudPlan, PlanReport } from "../../provider/src/plan/types";

const cents = (n: number) => Math.round(n * 100);

export function assertReportShape(report: PlanReport): void {
    assert.strictEqual(report.kind, "offline");
    assert.strictEqual(report.currency, "USD");
    assert.ok(Array.isArray(report.clouds) && report.clouds.length > 0);
    assert.ok(Array.isArray(report.warnings));
    assert.ok(!JSON.stringify(report).includes(PLACEHOLDER_SECRET), "no placeholder secret in the report");
    for (const plan of report.clouds) assertCloudShape(plan, report);
}

export function assertCloudShape(plan: CloudPlan, report: PlanReport): void {
    assert.ok(["aws", "gcp", "digitalocean"].includes(plan.cloud));
    assert.ok(plan.assumptions.length > 0, "assumptions are stated");
    if (plan.status !== "planned") {
        assert.ok(plan.message, `${plan.cloud}: a reason`);
        assert.strictEqual(plan.components.length, 0);
        return;
    }
    let resources = 0;
    let notPriced = 0;
    for (const c of plan.components) {
        assert.ok(c.name && c.component.startsWith("defang:index:"), `component ${c.name}`);
        assert.ok(Array.isArray(c.endpoints) && Array.isArray(c.notes));
        for (const r of c.resources) {
            assert.match(r.type, /^[a-z0-9-]+:[^:]*:[A-Za-z0-9]+$/, `type token ${r.type}`);
            assert.ok(r.name.length > 0);
            assert.strictEqual(typeof r.cost.monthly, "number");
            assert.ok(r.cost.monthly >= 0);
            assert.strictEqual(cents(r.cost.monthly), cents(r.cost.monthly) | 0, "whole cents");
            assert.ok(r.cost.basis.length > 0);
            if (!r.cost.priced) assert.strictEqual(r.cost.monthly, 0, "a resource not priced counts 0");
            for (const id of r.cost.prices ?? []) assert.ok(report.prices[id], `price ${id} is listed with its source`);
            if (!r.cost.priced) notPriced++;
            resources++;
        }
        assert.strictEqual(
            cents(c.monthly),
            c.resources.reduce((t, r) => t + cents(r.cost.monthly), 0),
            `${plan.cloud} ${c.name}: total = sum of its resources`,
        );
    }
    assert.strictEqual(
        cents(plan.monthly),
        plan.components.reduce((t, c) => t + cents(c.monthly), 0),
        `${plan.cloud}: total = sum of its components`,
    );
    assert.strictEqual(plan.resourceCount, resources);
    assert.strictEqual(plan.notPriced, notPriced);
    for (const p of Object.values(report.prices)) {
        assert.match(p.source, /^https:\/\//, `${p.id} has a source`);
        assert.match(p.read, /^\d{4}-\d{2}-\d{2}$/, `${p.id} has a date`);
    }
}
