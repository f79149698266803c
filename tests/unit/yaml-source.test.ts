import * as assert from "assert";
import { DiagnosticSink } from "../../provider/src/compose/diagnostics";
import { pathKey } from "../../provider/src/compose/paths";
import { Override, parseYamlSource, RESET } from "../../provider/src/compose/yaml-source";

function parse(text: string) {
    const sink = new DiagnosticSink();
    const src = parseYamlSource("compose.yaml", text, sink);
    return { src, sink };
}

describe("reading YAML with positions", function () {
    it("records line and column of every path: the value's, and the key's for map entries", function () {
        const { src } = parse("services:\n  web:\n    image: nginx\n    ports:\n      - 80\n");
        assert.deepStrictEqual(src.positions.get(pathKey(["services", "web", "image"])), { line: 3, column: 12, keyLine: 3, keyColumn: 5 });
        assert.strictEqual(src.positions.get(pathKey(["services", "web", "ports", 0]))?.line, 5);
        assert.strictEqual(src.positions.get(pathKey(["services", "web", "ports", 0]))?.column, 9);
    });
    it("understands !reset and !override", function () {
        const { src, sink } = parse("a: !reset\nb: !reset []\nc: !override\n  - x\n");
        assert.deepStrictEqual(sink.items, []);
        const v = src.value as Record<string, unknown>;
        assert.strictEqual(v.a, RESET);
        assert.strictEqual(v.b, RESET);
        assert.ok(v.c instanceof Override);
        assert.deepStrictEqual((v.c as Override).value, ["x"]);
    });
    it("applies merge keys, explicit keys winning", function () {
        const { src } = parse("x-base: &base\n  image: a\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: b\n");
        assert.deepStrictEqual((src.value as { services: unknown }).services, { web: { image: "b", restart: "always" } });
    });
    it("reads leading-zero integers as octal in file modes only", function () {
        const { src } = parse("services:\n  web:\n    secrets:\n      - source: s\n        mode: 0440\n    x-mode: 0440\n    cpu_shares: 0440\n");
        assert.deepStrictEqual((src.value as { services: unknown }).services, { web: { secrets: [{ source: "s", mode: 288 }], "x-mode": "0440", cpu_shares: 440 } });
    });
    it("reports a syntax error with its position and a hint", function () {
        const { src, sink } = parse("services:\n  web: [1,\n");
        assert.strictEqual(src.value, undefined);
        assert.strictEqual(sink.errors.length > 0, true);
        assert.strictEqual(sink.errors[0].file, "compose.yaml");
        assert.ok((sink.errors[0].line ?? 0) >= 2);
    });
    it("reports duplicate keys", function () {
        const { sink } = parse("services:\n  web:\n    image: a\n    image: b\n");
        assert.ok(sink.errors.some((e) => /unique/i.test(e.message) && e.line === 4));
    });
    it("stops a billion-laughs expansion with an error, quickly", function () {
        const levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
        for (let i = 1; i < 9; i++) {
            const prev = String.fromCharCode(96 + i);
            const cur = String.fromCharCode(97 + i);
            levels.push(
                `${cur}: &${cur} [${Array(10)
                    .fill("*" + prev)
                    .join(", ")}]`,
            );
        }
        const { src, sink } = parse(levels.join("\n") + "\n");
        assert.strictEqual(src.value, undefined);
        assert.ok(sink.errors.some((e) => e.code === "yaml-limit" && /aliases/.test(e.message)));
    });
    it("rejects several documents in one file", function () {
        const { sink } = parse("services: {}\n---\nservices: {}\n");
        assert.ok(sink.errors.some((e) => e.code === "yaml-multiple-documents" && e.line === 2));
    });
    it("does not let a __proto__ key reach the prototype", function () {
        const { src } = parse("__proto__:\n  polluted: true\n");
        assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
        assert.deepStrictEqual(Object.keys(src.value as object), ["__proto__"]);
    });
});
