/**
 * Values keep the text the user wrote: where Compose reads a string, a plain YAML scalar is its
 * source text (`1.10`, `01234`, `0x1F`, `65e1234`, `True`), from the file down to the model; numeric
 * and boolean attributes still read as numbers and booleans; file modes alone stay octal.
 */
import * as assert from "assert";
import { plainEnvironment } from "../../provider/src/clouds/aws/compute/container-definition";
import { LoadOptions } from "../../provider/src/compose/api";
import { DiagnosticSink } from "../../provider/src/compose/diagnostics";
import { loadProject } from "../../provider/src/compose/load";
import { parseYamlSource } from "../../provider/src/compose/yaml-source";
import { projectFromCompose } from "../../provider/src/model/from-compose";
import { ServiceModel } from "../../provider/src/model/types";
import { memFiles, memPath } from "../support/memfs";

function load(files: Record<string, string>, options: LoadOptions = {}) {
    return loadProject({ ...memFiles(files), files: [memPath("compose.yaml")], ...options });
}

/** The values written in each form, and what YAML alone would have made of them. */
const WRITTEN: Array<[string, string]> = [
    ["VERSION", "1.10"], // 1.1
    ["ZIP", "01234"], // 668 (octal) or 1234
    ["MASK", "0x1F"], // 31
    ["SHA", "65e1234"], // Infinity
    ["BIG", "12345678901234567890"], // 12345678901234567000
    ["DEBUG", "True"], // true
    ["FLAG", "yes"],
    ["X", "on"],
    ["NEG", "-0"], // 0
    ["SEXA", "1:30"],
];
const EXPECTED = Object.fromEntries(WRITTEN);
const asMap = (indent: string) => WRITTEN.map(([k, v]) => `${indent}${k}: ${v}\n`).join("");
const asList = (indent: string) => WRITTEN.map(([k, v]) => `${indent}- ${k}=${v}\n`).join("");

describe("values as written", function () {
    it("keeps the text of environment values, in map and list form, and of env files", function () {
        const { project } = load({
            "compose.yaml": `services:\n  map:\n    image: x\n    environment:\n${asMap("      ")}  list:\n    image: x\n    environment:\n${asList("      ")}  files:\n    image: x\n    env_file: app.env\n`,
            "app.env": WRITTEN.map(([k, v]) => `${k}=${v}\n`).join(""),
        });
        assert.deepStrictEqual(project.services.map.environment, EXPECTED);
        assert.deepStrictEqual(project.services.list.environment, EXPECTED);
        assert.deepStrictEqual(project.services.files.environment, EXPECTED);
    });

    it("keeps the text of labels, build args, annotations, sysctls, extra_hosts, driver and logging options", function () {
        const { project } = load({
            "compose.yaml": `services:
  web:
    build:
      context: .
      args:
${asMap("        ")}      labels:
${asMap("        ")}    labels:
${asMap("      ")}    annotations:
${asMap("      ")}    sysctls:
      net.core.somaxconn: 01024
    extra_hosts:
      host: 10.0
    logging:
      driver: json-file
      options:
        max-file: 03
    deploy:
      labels:
${asList("        ")}networks:
  front:
    driver_opts:
      mtu: 0x5DC
    labels:
      v: 1.10
`,
        });
        const web = project.services.web;
        assert.deepStrictEqual(web.build?.args, EXPECTED);
        assert.deepStrictEqual((web.build as unknown as { labels: unknown }).labels, EXPECTED);
        assert.deepStrictEqual(web.labels, EXPECTED);
        assert.deepStrictEqual(web.annotations, EXPECTED);
        assert.deepStrictEqual(web.sysctls, { "net.core.somaxconn": "01024" });
        assert.deepStrictEqual(web.extra_hosts, ["host=10.0"]);
        assert.deepStrictEqual((web.logging as { options: unknown }).options, { "max-file": "03" });
        assert.deepStrictEqual(web.deploy?.labels, EXPECTED);
        const front = project.networks?.front as { driver_opts: unknown; labels: unknown };
        assert.deepStrictEqual(front.driver_opts, { mtu: "0x5DC" });
        assert.deepStrictEqual(front.labels, { v: "1.10" });
    });

    it("keeps the text of string attributes and of command words", function () {
        const { project } = load({
            "compose.yaml": "services:\n  web:\n    image: x\n    user: 1000\n    working_dir: 1.10\n    hostname: 0x1F\n    command: [sleep, 1.50, True]\n    entrypoint: [run, 01234]\n",
        });
        const web = project.services.web;
        assert.strictEqual(web.user, "1000");
        assert.strictEqual(web.working_dir, "1.10");
        assert.strictEqual((web as { hostname?: string }).hostname, "0x1F");
        assert.deepStrictEqual(web.command, ["sleep", "1.50", "True"]);
        assert.deepStrictEqual(web.entrypoint, ["run", "01234"]);
    });

    it("keeps the text of numbers in extensions, but extension numbers and booleans that print as written stay typed", function () {
        const { project } = load({
            "compose.yaml": "services:\n  web:\n    image: x\n    x-version: 1.10\n    x-count: 3\n    x-on: true\n    x-sha: 65e1234\nx-big: 12345678901234567890\n",
        });
        const web = project.services.web as unknown as Record<string, unknown>;
        assert.deepStrictEqual([web["x-version"], web["x-count"], web["x-on"], web["x-sha"]], ["1.10", 3, true, "65e1234"]);
        assert.strictEqual((project as unknown as Record<string, unknown>)["x-big"], "12345678901234567890");
    });

    it("reads anchors, merge keys and extends at the place they are used", function () {
        const { project } = load({
            "compose.yaml": `x-env: &env
  VERSION: 1.10
x-base: &base
  image: x
  environment:
    ZIP: 01234
services:
  aliased:
    image: x
    environment: *env
  merged:
    <<: *base
  extended:
    extends:
      file: base.yaml
      service: base
`,
            "base.yaml": "services:\n  base:\n    image: x\n    environment:\n      MASK: 0x1F\n",
        });
        assert.deepStrictEqual(project.services.aliased.environment, { VERSION: "1.10" });
        assert.deepStrictEqual(project.services.merged.environment, { ZIP: "01234" });
        assert.deepStrictEqual(project.services.extended.environment, { MASK: "0x1F" });
        assert.deepStrictEqual((project as unknown as Record<string, unknown>)["x-env"], { VERSION: "1.10" }, "the anchor itself is an extension: its number keeps its text there too");
    });

    it("still reads numeric and boolean attributes as numbers and booleans", function () {
        const { project } = load({
            "compose.yaml": `services:
  web:
    image: x
    cpus: 1.50
    privileged: True
    ports:
      - 0x50
      - target: 8080
        published: "9090"
    deploy:
      replicas: 02
      resources:
        reservations:
          cpus: 0.50
          memory: 512M
    healthcheck:
      test: [CMD, "true"]
      retries: 3
`,
        });
        const web = project.services.web;
        assert.strictEqual(web.cpus, 1.5);
        assert.strictEqual(web.privileged, true);
        assert.deepStrictEqual(
            web.ports?.map((p) => p.target),
            [80, 8080],
        );
        assert.strictEqual(web.deploy?.replicas, 2);
        assert.strictEqual(web.deploy?.resources?.reservations?.cpus, 0.5);
        assert.strictEqual((web.healthcheck as { retries: number }).retries, 3);
    });

    it("reads file modes as octal, written plain or as a string, and nothing else", function () {
        const { project } = load({
            "compose.yaml": `services:
  web:
    image: x
    secrets:
      - source: a
        mode: 0440
      - source: b
        mode: "0400"
    configs:
      - source: c
        mode: 0644
    environment:
      MODE: 0440
    cpu_shares: 0512
secrets:
  a: { file: ./a }
  b: { file: ./b }
configs:
  c: { file: ./c }
`,
            a: "",
            b: "",
            c: "",
        });
        const web = project.services.web;
        assert.deepStrictEqual(
            web.secrets?.map((s) => s.mode),
            ["0440", "0400"],
        );
        assert.deepStrictEqual(
            web.configs?.map((s) => s.mode),
            ["0644"],
        );
        assert.strictEqual(web.environment?.MODE, "0440");
        assert.strictEqual((web as { cpu_shares?: number }).cpu_shares, 512);
    });

    it("keys keep their text too", function () {
        const { project } = load({ "compose.yaml": "services:\n  web:\n    image: x\n    environment:\n      1.10: a\n      0x1F: b\n" });
        assert.deepStrictEqual(project.services.web.environment, { "0x1F": "b", "1.10": "a" });
    });

    it("an explicit YAML tag or quotes say what a value is; null stays unset", function () {
        const sink = new DiagnosticSink();
        const src = parseYamlSource("compose.yaml", 'services:\n  web:\n    environment:\n      A: !!float 1.10\n      B: "1.10"\n      C: null\n      D: ~\n      E:\n', sink);
        assert.deepStrictEqual(sink.items, []);
        assert.deepStrictEqual((src.value as { services: { web: unknown } }).services.web, { environment: { A: 1.1, B: "1.10", C: null, D: null, E: null } });
    });

    it("carries the text unchanged into the model's environment", function () {
        const r = load({ "compose.yaml": `services:\n  web:\n    image: x\n    environment:\n${asMap("      ")}  list:\n    image: x\n    environment:\n${asList("      ")}` });
        const m = projectFromCompose(r.project, { workingDir: r.workingDir, locator: r.locator });
        for (const name of ["web", "list"]) {
            const web = m.components.find((c) => c.name === name) as ServiceModel;
            const literals = Object.fromEntries(web.environment.map((e) => [e.name, e.value.kind === "literal" ? e.value.value : e.value.kind]));
            assert.deepStrictEqual(literals, EXPECTED, name);
            // ...and into the ECS task's environment as it is.
            assert.deepStrictEqual(Object.fromEntries(plainEnvironment(web).map((v) => [v.name, v.value])), EXPECTED, name);
        }
    });
});

describe("reference shapes", function () {
    it("keeps `count: all` of a device reservation, and a number as a number", function () {
        const { project } = load({
            "compose.yaml": `services:
  gpu:
    image: x
    deploy:
      resources:
        reservations:
          devices:
            - capabilities: [gpu]
              count: all
            - capabilities: [gpu]
              count: 2
`,
        });
        const devices = project.services.gpu.deploy?.resources?.reservations?.devices as Array<{ count: unknown }>;
        assert.deepStrictEqual(
            devices.map((d) => d.count),
            ["all", 2],
        );
    });

    it("writes provider options as lists of strings, and gives a provider service no implicit network", function () {
        const { project } = load({
            "compose.yaml": `services:
  llm:
    provider:
      type: model
      options:
        model: ai/smollm2
        context-size: 1.10
        flags: [--verbose, 3, True]
  app:
    image: x
`,
        });
        assert.deepStrictEqual(project.services.llm.provider, { type: "model", options: { model: ["ai/smollm2"], "context-size": ["1.10"], flags: ["--verbose", "3", "True"] } });
        assert.strictEqual(project.services.llm.networks, undefined);
        assert.deepStrictEqual(project.services.app.networks, { default: null });
    });

    it("gives a service with an empty networks list the default network, as the reference does", function () {
        const { project } = load({ "compose.yaml": "services:\n  web:\n    image: x\n    networks: []\n" });
        assert.deepStrictEqual(project.services.web.networks, { default: null });
        assert.ok(project.networks?.default);
    });
});
