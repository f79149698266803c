/**
 * Which compose services are one-off jobs, and what the loader says of them: a job's ports and
 * domain name are not published (warnings with positions), `restart: "no"` on a server is not kept
 * (a warning), waiting for a long-running service to complete and autoscaling a job are refused
 * (errors with positions, all at once). The model of a job has no ports and no domain name.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ComposeError, Diagnostic } from "../../provider/src/compose/diagnostics";
import { restartPolicy, serviceLifecycle } from "../../provider/src/compose/lifecycle";
import { loadProject } from "../../provider/src/compose/load";
import { ComposeService } from "../../provider/src/compose/types";
import { projectFromCompose } from "../../provider/src/model/from-compose";
import { ServiceModel } from "../../provider/src/model/types";

let dir: string;
function load(yaml: string) {
    const file = path.join(dir, "compose.yaml");
    fs.writeFileSync(file, yaml);
    return loadProject({ files: [file], workingDir: dir });
}
function loadError(yaml: string): ComposeError {
    try {
        load(yaml);
    } catch (e) {
        if (e instanceof ComposeError) return e;
        throw e;
    }
    assert.fail("the project loaded");
}
const brief = (d: Diagnostic) => [d.code, d.service, d.field, d.line];

describe("one-off jobs in compose", () => {
    before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-"))));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("reads the restart policy from restart, else deploy.restart_policy.condition", () => {
        const cases: Array<[ComposeService, ReturnType<typeof restartPolicy>]> = [
            [{ restart: "no" }, "no"],
            [{ restart: "always" }, "always"],
            [{ restart: "unless-stopped" }, "unless-stopped"],
            [{ restart: "on-failure:3" }, "on-failure"],
            [{ deploy: { restart_policy: { condition: "none" } } }, "no"],
            [{ deploy: { restart_policy: { condition: "any" } } }, "always"],
            [{ deploy: { restart_policy: { condition: "on-failure", max_attempts: 3 } } }, "on-failure"],
            [{}, undefined],
        ];
        for (const [svc, policy] of cases) assert.equal(restartPolicy(svc), policy, JSON.stringify(svc));
    });

    it("makes a job of a run-once service without ports, or of one others wait for to complete; a service of the rest", () => {
        const port = { ports: [{ mode: "ingress", target: 80, protocol: "tcp" }] };
        assert.equal(serviceLifecycle({ restart: "no" }, false), "job");
        assert.equal(serviceLifecycle({ deploy: { restart_policy: { condition: "none" } } }, false), "job");
        assert.equal(serviceLifecycle({ restart: "no", ...port }, false), "service", "a server that Docker would not restart");
        assert.equal(serviceLifecycle({ restart: "no", ...port }, true), "job");
        assert.equal(serviceLifecycle({}, true), "job", "compose's default restart policy is no");
        assert.equal(serviceLifecycle({}, false), "service");
        assert.equal(serviceLifecycle({ restart: "on-failure" }, false), "service");
        assert.equal(serviceLifecycle({ restart: "always" }, true), "service");
        assert.equal(serviceLifecycle({ restart: "no", "x-defang-postgres": true }, false), "service");
    });

    it("gives a job's model no ports and no domain name, and warns of both with their positions", () => {
        const loaded = load(`services:
  seed:
    image: acme/seed:1
    restart: "no"
    domainname: seed.example.com
    ports:
      - "8080:8080"
  app:
    image: acme/app:1
    ports: ["80:80"]
    depends_on:
      seed: { condition: service_completed_successfully }
`);
        assert.deepEqual(loaded.warnings.filter((w) => w.code.startsWith("job-")).map(brief), [
            ["job-domainname-ignored", "seed", "domainname", 5],
            ["job-ports-ignored", "seed", "ports", 7],
        ]);
        assert.match(loaded.warnings.find((w) => w.code === "job-ports-ignored")!.message, /runs once at deploy as a one-off job \(restart: no\): its ports are not published/);
        const model = projectFromCompose(loaded.project, { workingDir: dir });
        const seed = model.components.find((c) => c.name === "seed") as ServiceModel;
        const app = model.components.find((c) => c.name === "app") as ServiceModel;
        assert.deepEqual([seed.lifecycle, seed.ports, seed.domainname], ["job", [], undefined]);
        assert.deepEqual([app.lifecycle, app.ports.length], [undefined, 1]);
        assert.deepEqual(
            model.components.map((c) => c.name),
            ["seed", "app"],
            "the job comes first",
        );
    });

    it("names the restart policy as it was written, in deploy.restart_policy too", () => {
        const loaded = load(`services:
  seed:
    image: acme/seed:1
    ports: ["9000:9000"]
    deploy:
      restart_policy: { condition: none }
  once:
    image: acme/once:1
    ports: ["9001:9001"]
    deploy:
      restart_policy: { condition: none }
  app:
    image: acme/app:1
    depends_on:
      once: { condition: service_completed_successfully }
`);
        const kept = loaded.warnings.find((d) => d.code === "restart-no-not-kept");
        assert.deepEqual([kept?.service, kept?.field], ["seed", "deploy.restart_policy.condition"]);
        const ignored = loaded.warnings.find((d) => d.code === "job-ports-ignored");
        assert.equal(ignored?.service, "once");
        assert.match(ignored!.message, /one-off job \(deploy\.restart_policy\.condition: none\)/);
    });

    it("makes a job of a service without restart that another waits for, without a warning", () => {
        const loaded = load(`services:
  migrate:
    image: acme/app:1
    command: ["migrate"]
  app:
    image: acme/app:1
    ports: ["80:80"]
    depends_on:
      migrate: { condition: service_completed_successfully }
`);
        assert.deepEqual(
            loaded.warnings.filter((w) => /job|restart/.test(w.code)),
            [],
        );
        const model = projectFromCompose(loaded.project, { workingDir: dir });
        assert.equal((model.components.find((c) => c.name === "migrate") as ServiceModel).lifecycle, "job");
    });

    it('warns that restart: "no" is not kept on a server that nothing waits for, and keeps it a service', () => {
        const loaded = load(`services:
  web:
    image: acme/web:1
    ports: ["8000:8000"]
    restart: "no"
`);
        const w = loaded.warnings.find((d) => d.code === "restart-no-not-kept");
        assert.deepEqual(w && brief(w), ["restart-no-not-kept", "web", "restart", 5]);
        assert.match(w!.hint!, /remove `restart: "no"`/);
        assert.equal((projectFromCompose(loaded.project, { workingDir: dir }).components[0] as ServiceModel).lifecycle, undefined);
    });

    it("refuses, all at once and with positions, waiting for a long-running service or a database to complete, and autoscaling a job", () => {
        const e = loadError(`services:
  worker:
    image: acme/worker:1
    restart: always
  db:
    image: postgres:17
    x-defang-postgres: true
  once:
    image: acme/once:1
    restart: "no"
    x-defang-autoscaling: true
  app:
    image: acme/app:1
    depends_on:
      worker: { condition: service_completed_successfully }
      db: { condition: service_completed_successfully }
`);
        assert.deepEqual(e.diagnostics.map(brief), [
            ["job-autoscaling", "once", "x-defang-autoscaling", 11],
            ["completion-of-long-running-service", "app", "depends_on.worker.condition", 15],
            ["completion-of-long-running-service", "app", "depends_on.db.condition", 16],
        ]);
        const [, worker, db] = e.diagnostics;
        assert.equal(worker.message, 'waits for "worker" to complete, but "worker" keeps running (restart: always): "app" would never start');
        assert.match(worker.hint!, /set `restart: "no"` on "worker" to run it once at deploy, or wait for it with `condition: service_healthy`/);
        assert.match(db.message, /"db" is a managed database or cache/);
    });
});
