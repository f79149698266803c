import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadProject } from "../../provider/src/compose/load";
import { InvalidArgumentError } from "../../provider/src/model/errors";
import { postgresFromArgs, redisFromArgs, serviceFromArgs } from "../../provider/src/components/model-from-args";
import { componentFromCompose } from "../../provider/src/model/from-compose";
import { memFiles, memPath, MEM_ROOT } from "../support/memfs";

describe("model from component arguments", function () {
    it("gives the same model as the same service written in compose", function () {
        const fromArgs = serviceFromArgs(
            "app",
            {
                image: "my/app:1",
                command: "node server.js --port 8080",
                ports: [{ mode: "ingress", target: 8080 }],
                environment: [{ name: "NODE_ENV", value: "production" }, { name: "API_KEY" }],
                deploy: { replicas: 2, resources: { reservations: { cpu: "0.5", memory: "512M" } } },
                healthcheck: { test: "curl -f http://localhost:8080/", interval: "10s" },
            },
            "DefangService",
            MEM_ROOT,
        );
        const yaml = `
services:
  app:
    image: my/app:1
    command: node server.js --port 8080
    ports: [{ mode: ingress, target: 8080 }]
    environment: [NODE_ENV=production, API_KEY]
    deploy: { replicas: 2, resources: { reservations: { cpus: "0.5", memory: 512M } } }
    healthcheck: { test: curl -f http://localhost:8080/, interval: 10s }
`;
        const r = loadProject({ ...memFiles({ "compose.yaml": yaml }), files: [memPath("compose.yaml")], validate: false, normalize: false });
        const fromCompose = componentFromCompose("app", r.project.services.app, MEM_ROOT);
        assert.deepEqual(fromArgs, fromCompose);
        assert.deepEqual(fromArgs.resources, { cpus: 0.5, memoryMiB: 512 });
        assert.deepEqual(fromArgs.command, ["node", "server.js", "--port", "8080"]);
    });

    it("keeps program outputs as input values, and turns an entry without value into config", function () {
        const output = Promise.resolve("postgres://...");
        const m = serviceFromArgs("app", { image: "x", environment: [{ name: "DATABASE_URL", value: output }, { name: "TOKEN" }] }, "DefangService");
        assert.deepEqual(m.environment, [
            { name: "DATABASE_URL", value: { kind: "input", value: output } },
            { name: "TOKEN", value: { kind: "config", key: "TOKEN" } },
        ]);
    });

    it("takes a Dockerfile path written from the program when it is inside the context", function () {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "defang-args-"));
        fs.mkdirSync(path.join(dir, "app"));
        fs.writeFileSync(path.join(dir, "app", "Dockerfile"), "FROM scratch\n");
        const m = serviceFromArgs("app", { build: { context: "./app", dockerfile: "./app/Dockerfile" } }, "DefangService", dir);
        assert.equal(m.build?.dockerfile, "Dockerfile");
        assert.equal(m.build?.context, path.join(dir, "app"));
    });

    it("names the component and the argument when an argument is wrong", function () {
        assert.throws(
            () => serviceFromArgs("app", {}, "DefangService"),
            (e: unknown) => e instanceof InvalidArgumentError && /DefangService "app": argument `image` is missing/.test(e.message),
        );
        assert.throws(
            () => serviceFromArgs("app", { image: "x", deploy: { resources: { reservations: { memory: "lots" } } } }, "DefangService"),
            (e: unknown) => e instanceof InvalidArgumentError && /argument `deploy.resources.reservations.memory`|argument `deploy/.test(e.message),
        );
        assert.throws(() => serviceFromArgs("app", { image: "x", environment: [{ name: "A B" }] }, "DefangService"), /environment\[0\]\.name/);
    });

    it("reads managed database and cache arguments like their compose services", function () {
        const db = postgresFromArgs("database", { image: "postgres:18", environment: [{ name: "POSTGRES_PASSWORD" }] });
        assert.equal(db.version, "18");
        assert.deepEqual(db.password, { kind: "config", key: "POSTGRES_PASSWORD" });
        assert.deepEqual(postgresFromArgs("db", {}).password, { kind: "generated" });
        assert.equal(postgresFromArgs("db", {}).version, "17");
        const cache = redisFromArgs("cache", { image: "valkey/valkey:8.1" });
        assert.deepEqual([cache.engine, cache.version], ["valkey", "8.1"]);
    });
});
