/**
 * Schema validation of single compose files: one diagnostic per offending node, positioned, in plain
 * words, with a hint; and every real-world file of the corpus passes.
 */
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { Diagnostic, DiagnosticSink } from "../../provider/src/compose/diagnostics";
import { validateSchema } from "../../provider/src/compose/validate-schema";
import { closest } from "../../provider/src/util/closest-match";
import { parseYamlSource } from "../../provider/src/compose/yaml-source";
import { stripMarkers } from "../../provider/src/compose/merge";
import { CORPUS_DIR } from "../support/corpus";

const CORPUS = CORPUS_DIR;

/** Parses `text` (which must be valid YAML) and returns what schema validation reports, as the loader calls it. */
function validate(text: string, file = "/p/compose.yaml"): Diagnostic[] {
    const sink = new DiagnosticSink();
    const source = parseYamlSource(file, text, sink);
    assert.deepStrictEqual(sink.items, [], "test input must parse");
    validateSchema(file, stripMarkers(source.value), source.positions, sink);
    return sink.items;
}

/** The only diagnostic for `field`; fails when there is none or more than one. */
function only(ds: Diagnostic[], field: string): Diagnostic {
    const found = ds.filter((d) => d.field === field);
    assert.strictEqual(found.length, 1, `expected one diagnostic for ${field}, got ${JSON.stringify(ds, null, 1)}`);
    return found[0];
}

describe("validateSchema", () => {
    it("accepts a valid file, extensions, and override files without services", () => {
        const ok = `name: shop
services:
  web:
    image: nginx:1.27
    x-defang-autoscaling: true
    ports: ["8080:80", {target: 443, mode: host}]
    environment: [A=1, B]
    healthcheck: {test: ["CMD", "true"], interval: 10s}
    deploy: {replicas: 2, resources: {reservations: {memory: 512M}}}
x-common: &common {restart: always}
`;
        assert.deepStrictEqual(validate(ok), []);
        assert.deepStrictEqual(validate("networks:\n  front: {}\n"), []);
        assert.deepStrictEqual(validate(""), [], "an empty file adds nothing");
    });

    it("suggests the attribute a misspelt key was meant to be, at the key's position", () => {
        const ds = validate("services:\n  web:\n    imgae: nginx\n");
        assert.strictEqual(ds.length, 1);
        const d = ds[0];
        assert.strictEqual(d.severity, "error");
        assert.strictEqual(d.code, "schema");
        assert.strictEqual(d.message, 'unknown attribute "imgae"');
        assert.strictEqual(d.hint, 'did you mean "image"?');
        assert.strictEqual(d.service, "web");
        assert.strictEqual(d.field, "imgae");
        assert.deepStrictEqual([d.file, d.line, d.column], ["/p/compose.yaml", 3, 5]);
    });

    it("suggests top-level attributes and says where a misplaced one belongs", () => {
        const top = only(validate("servics:\n  web: {image: x}\n"), "servics");
        assert.strictEqual(top.hint, 'did you mean "services"?');
        assert.strictEqual(top.service, undefined);
        const misplaced = only(validate("services:\n  web:\n    image: x\n    replicas: 2\n"), "replicas");
        assert.match(misplaced.hint ?? "", /deploy\.replicas/);
    });

    it("tells that custom attributes need an x- prefix when nothing is close", () => {
        const d = only(validate("services:\n  web:\n    image: x\n    flavour: vanilla\n"), "flavour");
        assert.strictEqual(d.message, 'unknown attribute "flavour"');
        assert.match(d.hint ?? "", /x-flavour/);
    });

    it("reports a wrong type once, naming the types allowed and what was found", () => {
        const text = `services:
  web:
    image: x
    cpus: true
    build: [3]
    ports:
      - true
    healthcheck:
      interval: !!int 30
`;
        const ds = validate(text);
        assert.strictEqual(ds.length, 4, JSON.stringify(ds, null, 1));
        const cpus = only(ds, "cpus");
        assert.strictEqual(cpus.message, "must be a number or a string");
        assert.match(cpus.hint ?? "", /found the boolean true/);
        assert.deepStrictEqual([cpus.line, cpus.column], [4, 11]);
        assert.strictEqual(only(ds, "build").message, "must be a string or a mapping");
        const port = only(ds, "ports[0]");
        assert.strictEqual(port.message, "must be a number, a string or a mapping");
        assert.deepStrictEqual([port.line, port.column], [7, 9]);
        const interval = only(ds, "healthcheck.interval");
        assert.strictEqual(interval.message, "must be a string");
        assert.match(interval.hint ?? "", /"30s"/);
    });

    it("reports the node inside the branch whose type matched, not the oneOf", () => {
        const text = `services:
  web:
    image: x
    ports:
      - target: 80
        mode: [3]
    environment:
      A:
        nested: 1
`;
        const ds = validate(text);
        assert.strictEqual(ds.length, 2, JSON.stringify(ds, null, 1));
        const mode = only(ds, "ports[0].mode");
        assert.strictEqual(mode.message, "must be a string");
        assert.deepStrictEqual([mode.line, mode.column], [6, 15]);
        assert.match(only(ds, "environment.A").message, /^must be a string, a number/);
    });

    it("lists the allowed values of an enum and suggests the closest", () => {
        const text = `services:
  web:
    image: x
    depends_on:
      db:
        condition: service_healty
    volumes:
      - {type: folder, source: ./a, target: /a}
  db:
    image: postgres
`;
        const ds = validate(text);
        assert.strictEqual(ds.length, 2, JSON.stringify(ds, null, 1));
        const cond = only(ds, "depends_on.db.condition");
        assert.strictEqual(cond.message, 'must be one of: "service_started", "service_healthy", "service_completed_successfully"');
        assert.strictEqual(cond.hint, 'did you mean "service_healthy"?');
        assert.deepStrictEqual([cond.line, cond.column], [6, 20]);
        const vol = only(ds, "volumes[0].type");
        assert.match(vol.message, /^must be one of: "bind", "volume"/);
        assert.match(vol.hint ?? "", /found the string "folder"/);
    });

    it("names all missing required attributes in one diagnostic", () => {
        const d = only(validate("services:\n  web:\n    image: x\n    develop:\n      watch:\n        - {}\n"), "develop.watch[0]");
        assert.strictEqual(d.message, 'missing required attributes "path" and "action"');
        assert.match(d.hint ?? "", /add "path" and "action"/);
    });

    it("reports several problems of a file at once, each on its own node", () => {
        const text = `services:
  web:
    imgae: x
    restart: [no]
  "bad name":
    image: y
volumes:
  data:
    driver: [local]
`;
        const ds = validate(text);
        assert.deepStrictEqual(
            ds.map((d) => [d.service, d.field, d.line]).sort(),
            [
                ["bad name", undefined, 5],
                ["web", "imgae", 3],
                ["web", "restart", 4],
                [undefined, "volumes.data.driver", 9],
            ].sort(),
        );
        assert.match(ds.find((d) => d.service === "bad name")!.hint ?? "", /letters, digits/);
    });

    it("points a repeated list item at the repetition", () => {
        const d = only(validate('services:\n  web:\n    image: x\n    ports: ["80:80", "81:81", "80:80"]\n'), "ports[2]");
        assert.match(d.message, /repeats item 0/);
    });

    it("rejects a file that is not a mapping", () => {
        const ds = validate("- services\n- web\n");
        assert.strictEqual(ds.length, 1);
        assert.strictEqual(ds[0].message, "a compose file must be a mapping of attributes (services, networks, ...)");
        assert.deepStrictEqual([ds[0].line, ds[0].column], [1, 1]);
        assert.match(ds[0].hint ?? "", /found a list/);
    });

    it("checks what !reset and !override leave", () => {
        assert.deepStrictEqual(validate("services:\n  web:\n    image: x\n    ports: !reset []\n    build: !reset null\n"), []);
        assert.deepStrictEqual(validate("services:\n  web:\n    image: x\n    environment: !override {A: b}\n"), []);
        const d = only(validate("services:\n  web:\n    image: x\n    cpus: !override {a: 1}\n"), "cpus");
        assert.strictEqual(d.message, "must be a number or a string");
    });

    it("does nothing for a file that did not parse", () => {
        const sink = new DiagnosticSink();
        validateSchema("/p/compose.yaml", undefined, new Map(), sink);
        assert.deepStrictEqual(sink.items, []);
    });
});

describe("the schema validator", () => {
    it("is plain JavaScript compiled by the build: validating loads no ajv compiler", () => {
        const dist = path.resolve(__dirname, "../../provider/src/compose");
        const script = `
            const { validateSchema } = require(${JSON.stringify(path.join(dist, "validate-schema"))});
            const { DiagnosticSink } = require(${JSON.stringify(path.join(dist, "diagnostics"))});
            const sink = new DiagnosticSink();
            validateSchema("compose.yaml", { services: { web: { image: 1 } } }, new Map(), sink);
            const ajv = Object.keys(require.cache).map((f) => f.split(require("path").sep).join("/")).filter((f) => f.includes("/node_modules/ajv/"));
            process.stdout.write(JSON.stringify({ messages: sink.items.map((d) => d.message), ajv }));
        `;
        const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
        assert.strictEqual(r.status, 0, r.stderr);
        const out = JSON.parse(r.stdout) as { messages: string[]; ajv: string[] };
        assert.strictEqual(out.messages.length, 1, "the validator works: image 1 is refused");
        assert.deepStrictEqual(
            out.ajv.map((f) => f.slice(f.lastIndexOf("node_modules/"))),
            ["node_modules/ajv/dist/runtime/equal.js"],
            "only the runtime helper the generated code needs",
        );
    });
});

describe("closest", () => {
    it("counts a swap of two letters as one edit and bounds the distance by the length", () => {
        assert.strictEqual(closest("imgae", ["image", "init"]), "image");
        assert.strictEqual(closest("enviroment", ["entrypoint", "environment"]), "environment");
        assert.strictEqual(closest("Ports", ["ports"]), "ports");
        assert.strictEqual(closest("net", ["pid", "ipc"]), undefined);
        assert.strictEqual(closest("flavour", ["labels", "volumes"]), undefined);
    });
});

describe("validateSchema on the corpus", () => {
    const roots = ["defang-samples", "awesome-compose"].map((d) => path.join(CORPUS, d));

    function composeFiles(dir: string): string[] {
        const out: string[] = [];
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const p = path.join(dir, entry.name);
            if (entry.isDirectory()) out.push(...composeFiles(p));
            else if (/\.ya?ml$/.test(entry.name)) out.push(p);
        }
        return out;
    }

    it("accepts every compose file of defang-samples and awesome-compose", function () {
        if (!roots.every((r) => fs.existsSync(r))) {
            console.warn(`    (skipped: the corpus is not at ${CORPUS})`);
            this.skip();
        }
        const files = roots.flatMap(composeFiles);
        assert.ok(files.length >= 100, `expected the corpus to hold at least 100 compose files, found ${files.length}`);
        const problems: string[] = [];
        for (const file of files) {
            const sink = new DiagnosticSink();
            const source = parseYamlSource(file, fs.readFileSync(file, "utf8"), sink);
            validateSchema(file, source.value, source.positions, sink);
            for (const d of sink.items) problems.push(`${file}:${d.line}: ${d.message}`);
        }
        assert.deepStrictEqual(problems, []);
    });
});
