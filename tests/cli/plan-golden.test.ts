/**
 * The golden plan: `pulumi-defang plan --format json --provider all` of the bundled example
 * (examples/helpdesk) compared exactly with the report committed under tests/fixtures/golden, after
 * taking out what depends on the machine (timings, the repository's absolute path). A change to
 * what any cloud registers, prices or notes for the example shows here as a diff.
 *
 * After an intended change, rewrite the golden file and review its diff:
 *   UPDATE_GOLDEN=1 npx mocha --no-config --timeout 600000 dist/tests/cli/plan-golden.test.js
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { ROOT, SHOWCASE, assertClean, cli } from "./run-cli";

const GOLDEN = path.join(ROOT, "tests/fixtures/golden/helpdesk-plan.json");
const UPDATE_COMMAND = "UPDATE_GOLDEN=1 npx mocha --no-config --timeout 600000 dist/tests/cli/plan-golden.test.js";

/** Keys whose values are timings: they differ on every run. */
const TIMING_KEYS: ReadonlySet<string> = new Set(["elapsedMs"]);

/** The report without timings, with the repository's absolute path written as `<root>`. */
export function normalizeReport(value: unknown, root: string = ROOT): unknown {
    if (typeof value === "string") return value.split(root).join("<root>");
    if (Array.isArray(value)) return value.map((v) => normalizeReport(v, root));
    if (value && typeof value === "object") {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) if (!TIMING_KEYS.has(k)) out[k] = normalizeReport(v, root);
        return out;
    }
    return value;
}

/** The first line where two texts differ, with a few lines of context, for the failure message. */
function firstDifference(expected: string, actual: string): string {
    const e = expected.split("\n");
    const a = actual.split("\n");
    let i = 0;
    while (i < e.length && i < a.length && e[i] === a[i]) i++;
    const from = Math.max(0, i - 3);
    const show = (lines: string[]) =>
        lines
            .slice(from, i + 4)
            .map((l, j) => `  ${from + j + 1}: ${l}`)
            .join("\n");
    return `first difference at line ${i + 1}\n--- golden\n${show(e)}\n+++ now\n${show(a)}`;
}

describe("plan golden: the bundled example", function () {
    it("plan --format json --provider all equals tests/fixtures/golden/helpdesk-plan.json (timings excluded)", () => {
        const r = cli(["plan", path.relative(ROOT, SHOWCASE), "--provider", "all", "--format", "json"]);
        assertClean(r, 0);
        const actual = JSON.stringify(normalizeReport(JSON.parse(r.stdout)), null, 2) + "\n";
        if (process.env.UPDATE_GOLDEN === "1") {
            fs.mkdirSync(path.dirname(GOLDEN), { recursive: true });
            fs.writeFileSync(GOLDEN, actual);
            return;
        }
        assert.ok(fs.existsSync(GOLDEN), `golden file missing: ${path.relative(ROOT, GOLDEN)}; create it with: ${UPDATE_COMMAND}`);
        const expected = fs.readFileSync(GOLDEN, "utf8");
        if (actual !== expected) {
            assert.fail(
                `the plan of examples/helpdesk differs from ${path.relative(ROOT, GOLDEN)}; ${firstDifference(expected, actual)}\n` +
                    `If the change is intended, rewrite the golden file and review its diff: ${UPDATE_COMMAND}`,
            );
        }
    });

    it("normalizeReport drops timings at any depth and writes the repository's path as <root>", () => {
        const report = { elapsedMs: 12, clouds: [{ elapsedMs: 3, file: "/repo/x/compose.yaml", n: 1 }] };
        assert.deepStrictEqual(normalizeReport(report, "/repo"), { clouds: [{ file: "<root>/x/compose.yaml", n: 1 }] });
    });
});
