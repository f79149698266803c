/**
 * The order and the unicity of the diagnostics a load reports: by file, line, column, then
 * message; a diagnostic reported twice (same code, message, service, field and place) once.
 */
import * as assert from "assert";
import { Diagnostic, sortDiagnostics } from "../../provider/src/compose/diagnostics";

const at = (file: string, line: number, column: number, message: string, more: Partial<Diagnostic> = {}): Diagnostic => ({
    severity: "warning",
    code: "missing-memory-reservation",
    message,
    hint: "set deploy.resources.reservations.memory",
    service: "web",
    field: "deploy.resources.reservations.memory",
    file,
    line,
    column,
    ...more,
});

const summary = (ds: Diagnostic[]) => ds.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.service} ${d.message}`);

describe("sortDiagnostics", function () {
    it("orders by file, line, column, then message", function () {
        const sorted = sortDiagnostics([at("b.yaml", 1, 1, "m"), at("a.yaml", 9, 1, "m"), at("a.yaml", 2, 7, "z"), at("a.yaml", 2, 7, "a"), at("a.yaml", 2, 3, "m")]);
        assert.deepStrictEqual(summary(sorted), [
            "a.yaml:2:3 missing-memory-reservation web m",
            "a.yaml:2:7 missing-memory-reservation web a",
            "a.yaml:2:7 missing-memory-reservation web z",
            "a.yaml:9:1 missing-memory-reservation web m",
            "b.yaml:1:1 missing-memory-reservation web m",
        ]);
    });

    it("keeps one of identical diagnostics, and each one that differs in code, message, service, field or place", function () {
        const first = at("a.yaml", 3, 5, "m");
        const sorted = sortDiagnostics([
            first,
            at("a.yaml", 3, 5, "m", { hint: "another hint is no other problem" }),
            at("a.yaml", 3, 5, "m", { code: "other-code" }),
            at("a.yaml", 3, 5, "other message"),
            at("a.yaml", 3, 5, "m", { service: "api" }),
            at("a.yaml", 3, 5, "m", { field: "deploy" }),
            at("b.yaml", 3, 5, "m"),
            at("a.yaml", 4, 5, "m"),
            at("a.yaml", 3, 6, "m"),
            at("a.yaml", 3, 5, "m"),
        ]);
        assert.strictEqual(sorted[0], first, "the first of identical diagnostics is the one kept");
        assert.deepStrictEqual(summary(sorted), [
            "a.yaml:3:5 missing-memory-reservation web m",
            "a.yaml:3:5 other-code web m",
            "a.yaml:3:5 missing-memory-reservation api m",
            "a.yaml:3:5 missing-memory-reservation web m",
            "a.yaml:3:5 missing-memory-reservation web other message",
            "a.yaml:3:6 missing-memory-reservation web m",
            "a.yaml:4:5 missing-memory-reservation web m",
            "b.yaml:3:5 missing-memory-reservation web m",
        ]);
        assert.strictEqual(sorted.filter((d) => d.field === "deploy").length, 1, "a diagnostic on another field is kept");
    });

    it("keeps the first of identical diagnostics reported apart, and leaves the given list as it was", function () {
        const given = [at("a.yaml", 3, 5, "m"), at("a.yaml", 1, 1, "m"), at("a.yaml", 3, 5, "m", { service: "api" }), at("a.yaml", 3, 5, "m"), at("a.yaml", 3, 5, "m", { service: "api" })];
        const copy = [...given];
        const sorted = sortDiagnostics(given);
        assert.deepStrictEqual(given, copy);
        assert.ok(given.every((d, i) => d === copy[i]));
        assert.deepStrictEqual(sorted, [given[1], given[0], given[2]]);
        assert.ok(sorted[1] === given[0] && sorted[2] === given[2]);
    });
});
