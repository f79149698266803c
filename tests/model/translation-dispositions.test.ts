/**
 * What each cloud does with the attributes a service uses: the table's entry, overridden by the
 * value-dependent features (a UDP port, a port that is not HTTP, a health check command, a variable
 * Cloud Run sets itself).
 */
import { strict as assert } from "assert";
import { loadProject } from "../../provider/src/compose/load";
import { projectFromCompose } from "../../provider/src/model/from-compose";
import { AttributeVerdict, projectDispositions } from "../../provider/src/model/translation/dispositions";
import { tableWarnings } from "../../provider/src/model/translation/warnings";
import { CloudName } from "../../provider/src/model/types";
import { memFiles, memPath } from "../support/memfs";

function load(yaml: string) {
    const r = loadProject({ ...memFiles({ "compose.yaml": yaml }), files: [memPath("compose.yaml")] });
    return { project: r.project, model: projectFromCompose(r.project, { locator: r.locator }) };
}

function verdicts(yaml: string, cloud: CloudName, service = "app"): Record<string, AttributeVerdict> {
    const { project, model } = load(yaml);
    const s = projectDispositions(project, model, cloud).find((x) => x.service === service)!;
    return Object.fromEntries(s.attributes.map((a) => [a.attribute, a]));
}

const APP = `
services:
  app:
    image: app:1
    restart: "no"
    environment: { PORT: "9000", MODE: prod }
    ports:
      - { target: 8080, mode: ingress }
      - { target: 5353, protocol: udp, mode: host }
    healthcheck: { test: ["CMD", "/bin/check"] }
    tty: true
    x-traefik: { rule: "Host(x)" }
`;

describe("translation dispositions", () => {
    it('AWS: the attributes mapped (restart "no" with a port: a server, the loader warns), tty approximated, the UDP port carried', () => {
        const v = verdicts(APP, "aws");
        assert.equal(v.image.disposition, "mapped");
        assert.equal(v["ports[].protocol"].disposition, "mapped");
        assert.equal(v.restart.disposition, "mapped");
        assert.equal(v.tty.disposition, "approximated");
        assert.equal(v["healthcheck.test"].disposition, "mapped", "ECS runs the command");
        assert.equal(v.environment.disposition, "mapped");
        assert.ok(!Object.keys(v).some((k) => k.startsWith("x-traefik")), "other tools' extensions are not attributes");
    });

    it("Google Cloud: the command health check and PORT approximated, the UDP port refused at its field", () => {
        const v = verdicts(APP, "gcp");
        assert.equal(v["healthcheck.test"].disposition, "approximated");
        assert.deepEqual(v.environment, {
            attribute: "environment",
            field: "environment.PORT",
            disposition: "approximated",
            warning: "Cloud Run sets this variable itself (PORT to the container port); the value in the environment is not used (PORT)",
            hint: "remove it from `environment`, or read the value Cloud Run gives",
        });
        const { project, model } = load(APP);
        assert.ok(tableWarnings(project, model, ["gcp"]).some((w) => w.field === "environment.PORT" && w.line === 6));
    });

    it('DigitalOcean: the UDP port refused as `udp-port` at ports[1], restart "no" mapped (a job)', () => {
        const v = verdicts(APP, "digitalocean");
        assert.equal(v["ports[].protocol"].disposition, "refused");
        assert.equal(v["ports[].protocol"].field, "ports[1]", "the field the refusal names");
        assert.equal((v["ports[].protocol"] as { feature: string }).feature, "udp-port");
        assert.equal(v.restart.disposition, "mapped");
    });

    it("a port bound to 127.0.0.1 is mapped to a private port on every cloud, never public", () => {
        const yaml = `services:\n  app:\n    image: app:1\n    ports: ["127.0.0.1:9000:80"]\n`;
        for (const cloud of ["aws", "gcp", "digitalocean"] as const) {
            const v = verdicts(yaml, cloud)["ports[].host_ip"];
            assert.equal(v.disposition, "mapped", cloud);
            assert.equal(v.field, "ports[0].host_ip");
        }
        const { model } = load(yaml);
        assert.deepEqual(
            model.components[0].ports.map((p) => [p.target, p.mode]),
            [[80, "host"]],
        );
    });

    it("a managed database reports its extension only: its container attributes describe the local stand-in", () => {
        const yaml = `services:\n  db:\n    image: postgres:16\n    tty: true\n    x-defang-postgres: true\n    environment: { POSTGRES_PASSWORD: }\n`;
        const v = verdicts(yaml, "aws", "db");
        assert.deepEqual(Object.keys(v), ["x-defang-postgres"]);
    });

    it("an unknown x-defang-* extension names the closest known one first", () => {
        const { project, model } = load(`services:\n  app:\n    image: app:1\n    x-defang-redi: true\n`);
        const w = tableWarnings(project, model, ["aws"]).find((d) => d.code === "unknown-extension")!;
        assert.equal(w.message, "x-defang-redi is not a Defang extension; it is not applied");
        assert.match(w.hint ?? "", /^did you mean x-defang-redis\? the known ones are x-defang-redis, x-defang-postgres, x-defang-llm/);
        assert.equal(w.line, 4);
    });
});

describe("the older size attributes", () => {
    it("cpus, mem_limit and scale size the service when deploy does not", () => {
        const { model } = load(`services:\n  app:\n    image: app:1\n    cpus: 1.5\n    mem_limit: 1g\n    scale: 3\n`);
        const app = model.components[0];
        assert.equal(app.kind, "service");
        assert.deepEqual(app.resources, { cpus: 1.5, memoryMiB: 1024 });
        assert.equal(app.kind === "service" && app.replicas, 3);
        const { model: both } = load(`services:\n  app:\n    image: app:1\n    mem_limit: 1g\n    deploy: { replicas: 2, resources: { reservations: { memory: 256M } } }\n`);
        assert.deepEqual(both.components[0].resources, { memoryMiB: 256 }, "deploy.resources first");
        assert.equal(both.components[0].kind === "service" && both.components[0].replicas, 2);
    });
});
