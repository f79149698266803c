import { strict as assert } from "assert";
import { loadProject } from "../../provider/src/compose/load";
import { projectFromCompose } from "../../provider/src/model/from-compose";
import { PostgresModel, RedisModel, ServiceModel } from "../../provider/src/model/types";
import { memFiles, memPath, MEM_ROOT } from "../support/memfs";

function model(yaml: string) {
    const r = loadProject({ ...memFiles({ "compose.yaml": yaml }), files: [memPath("compose.yaml")], validate: false });
    return projectFromCompose(r.project, { workingDir: r.workingDir, locator: r.locator });
}
const byName = (m: ReturnType<typeof model>, n: string) => m.components.find((c) => c.name === n)!;

describe("model from compose", function () {
    it("classifies services by their x-defang extensions and orders managed services first, then by depends_on", function () {
        const m = model(`
services:
  web: { image: nginx, depends_on: [api] }
  api: { image: api, depends_on: [db, cache] }
  db: { image: "postgres:16.4-alpine", x-defang-postgres: true, environment: { POSTGRES_USER: app, POSTGRES_PASSWORD: null } }
  cache: { image: "valkey/valkey:8", x-defang-redis: }
  assistant: { image: litellm, x-defang-llm: true }
`);
        assert.deepEqual(
            m.components.map((c) => `${c.name}:${c.kind}`),
            ["cache:redis", "db:postgres", "api:service", "assistant:service", "web:service"],
        );
        const db = byName(m, "db") as PostgresModel;
        assert.equal(db.version, "16.4");
        assert.equal(db.user, "app");
        assert.equal(db.database, "app");
        assert.deepEqual(db.password, { kind: "config", key: "POSTGRES_PASSWORD" });
        const cache = byName(m, "cache") as RedisModel;
        assert.equal(cache.engine, "valkey");
        assert.equal(cache.version, "8");
        assert.deepEqual((byName(m, "assistant") as ServiceModel).llm, { models: [] });
        assert.deepEqual(m.configKeys, ["POSTGRES_PASSWORD"]);
    });

    it("splits the environment into plain values, config and templates over config", function () {
        const m = model(`
services:
  api:
    image: api
    environment:
      NODE_ENV: production
      API_KEY:
      DATABASE_URL: postgres://u:\${DB_PASSWORD}@db:5432/app?sslmode=\${SSL_MODE}
`);
        const api = byName(m, "api") as ServiceModel;
        assert.deepEqual(api.environment, [
            { name: "API_KEY", value: { kind: "config", key: "API_KEY" } },
            { name: "DATABASE_URL", value: { kind: "template", template: "postgres://u:${DB_PASSWORD}@db:5432/app?sslmode=${SSL_MODE}", keys: ["DB_PASSWORD", "SSL_MODE"] } },
            { name: "NODE_ENV", value: { kind: "literal", value: "production" } },
        ]);
        assert.deepEqual(m.configKeys, ["API_KEY", "DB_PASSWORD", "SSL_MODE"]);
    });

    it("reads ports, resources, healthcheck, platform, aliases, autoscaling and build", function () {
        const m = model(`
services:
  web:
    build: { context: ./web, args: { V: "1" }, target: prod }
    platform: linux/arm64
    ports: ["8080:3000", { target: 9000, mode: host }]
    deploy: { replicas: 2, resources: { reservations: { cpus: "0.5", memory: 1G } } }
    healthcheck: { test: ["CMD", "curl", "-f", "http://localhost:3000/healthz"], interval: 1m, timeout: 5s }
    networks: { default: { aliases: [www, site] } }
    stop_grace_period: 1m30s
    x-defang-autoscaling: true
`);
        const web = byName(m, "web") as ServiceModel;
        assert.deepEqual(web.ports, [
            { target: 3000, mode: "ingress", protocol: "tcp", published: 8080, field: ["ports", 0] },
            { target: 9000, mode: "host", protocol: "tcp", field: ["ports", 1] },
        ]);
        assert.deepEqual(web.resources, { cpus: 0.5, memoryMiB: 1024 });
        assert.equal(web.replicas, 2);
        assert.equal(web.architecture, "arm64");
        assert.deepEqual(web.healthcheck, {
            test: ["CMD", "curl", "-f", "http://localhost:3000/healthz"],
            intervalSeconds: 60,
            timeoutSeconds: 5,
            retries: 3,
            startPeriodSeconds: 0,
            http: { path: "/healthz", port: 3000 },
        });
        assert.deepEqual(web.aliases, ["site", "www"]);
        assert.equal(web.stopGracePeriodSeconds, 90);
        assert.deepEqual(web.autoscaling, { minReplicas: 2, maxReplicas: 10, targetCpuPercent: 70 });
        assert.deepEqual(web.build, { context: `${MEM_ROOT}/web`, dockerfile: "Dockerfile", args: { V: "1" }, target: "prod" });
    });

    it("records features a cloud may refuse, with the field they are written in", function () {
        const m = model(`
services:
  tool:
    image: tool
    network_mode: host
    privileged: true
    volumes: ["/var/run/docker.sock:/var/run/docker.sock"]
    deploy: { resources: { reservations: { devices: [{ capabilities: [gpu], count: 2 }] } } }
  dns: { image: dns, ports: ["53:53/udp"] }
`);
        assert.deepEqual(
            byName(m, "tool")
                .features.map((f) => f.feature)
                .sort(),
            ["docker-socket", "gpu", "gpu-cloud-run", "gpu-fargate", "network-mode-host", "privileged"],
        );
        assert.deepEqual(byName(m, "dns").features, []);
        assert.deepEqual(byName(m, "dns").ports, [{ target: 53, mode: "ingress", protocol: "udp", published: 53, field: ["ports", 0] }], "a UDP port is public, as written (each cloud carries or refuses it)");
        assert.deepEqual(m.locate?.("tool", ["privileged"])?.line, 6);
    });

    it("refuses a dependency cycle with the cycle in the message", function () {
        const r = loadProject({ ...memFiles({ "compose.yaml": "services:\n  a: { image: a }\n  b: { image: b }\n" }), files: [memPath("compose.yaml")], validate: false });
        r.project.services.a.depends_on = { b: { condition: "service_started" } };
        r.project.services.b.depends_on = { a: { condition: "service_started" } };
        assert.throws(() => projectFromCompose(r.project), /cycle: a -> b -> a/);
    });
});
