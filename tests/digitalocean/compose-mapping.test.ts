/**
 * Compose features on DigitalOcean, from a compose file: one-shot services as jobs, names that are
 * not DNS labels, git build contexts, volumes refused by name and line.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DefangProject } from "../../provider/src/components/defang-project";
import { UnsupportedFeaturesError } from "../../provider/src/model/errors";
import { MockRecorder, useMocks } from "../support/pulumi-mocks";
import { component, env, specOf } from "../support/do-app-spec";

const COMPOSE = `name: jobs
services:
  migrate:
    image: my/app:1
    command: ["npm", "run", "migrate"]
    restart: "no"
  app_a:
    image: ghcr.io/me/app:2
    ports: [{ target: 8000, mode: ingress, published: 80 }]
    environment:
      PEER: http://app_b:9000
    depends_on:
      migrate: { condition: service_completed_successfully }
  app_b:
    build:
      context: https://github.com/me/b.git#release:svc
      dockerfile: Dockerfile.prod
    ports: [{ target: 9000, mode: host }]
`;

describe("compose on DigitalOcean", function () {
    let recorder: MockRecorder;
    let dir: string;

    before(async function () {
        recorder = await useMocks({ "defang:provider": "digitalocean" });
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "do-compose-"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("runs a one-shot service others depend on as a pre-deploy job, renames app_a to app-a everywhere, builds a git context in App Platform", async function () {
        fs.writeFileSync(path.join(dir, "compose.yaml"), COMPOSE);
        recorder.reset();
        new DefangProject("jobs", { composeFile: path.join(dir, "compose.yaml") });
        await recorder.settle();
        const spec = specOf(recorder.one("digitalocean:index/app:App"));
        assert.deepEqual(
            spec.jobs.map((j) => [j.name, j.kind, j.runCommand]),
            [["migrate", "PRE_DEPLOY", "npm run migrate"]],
        );
        assert.deepEqual(spec.services.map((s) => s.name).sort(), ["app-a", "app-b"]);
        assert.equal(env(component(spec, "app-a"), "PEER").value, "http://app-b:9000");
        const b = component(spec, "app-b");
        assert.deepEqual([b.git, b.dockerfilePath, b.sourceDir, b.image], [{ repoCloneUrl: "https://github.com/me/b.git", branch: "release" }, "svc/Dockerfile.prod", "svc", undefined]);
        assert.deepEqual(
            spec.ingress.rules.map((r) => [r.component.name, r.match.path.prefix]),
            [["app-a", "/"]],
        );
        assert.equal(recorder.ofType("pulumi-nodejs:dynamic:Resource").length, 0, "nothing is built on the deploying machine");
    });

    it("refuses volumes and bind mounts before creating anything, with file and line", async function () {
        fs.writeFileSync(path.join(dir, "compose.yaml"), `name: vols\nservices:\n  db:\n    image: mysql:8\n    volumes:\n      - data:/var/lib/mysql\n      - ./conf:/etc/mysql/conf.d\nvolumes:\n  data: {}\n`);
        recorder.reset();
        assert.throws(
            () => new DefangProject("vols", { composeFile: path.join(dir, "compose.yaml") }),
            (e: Error) => {
                assert.ok(e instanceof UnsupportedFeaturesError);
                assert.deepEqual(
                    e.features.map((f) => `${f.service}.${f.field}:${f.location?.line}`),
                    ["db.volumes[0]:6", "db.volumes[1]:7"],
                );
                assert.match(e.message, /volumes\[0\]: App Platform has no volumes/);
                assert.match(e.message, /volumes\[1\]: a bind mount shares a directory of the deploying machine/);
                return true;
            },
        );
        await recorder.settle();
        assert.equal(recorder.registrations.length, 0);
    });
});

describe("build args of a git build on DigitalOcean", function () {
    let recorder: MockRecorder;
    let dir: string;
    const compose = (environment: string) => `name: gitargs
services:
  web:
    build:
      context: https://github.com/me/web.git
      args:
        NODE_ENV: production
        NPM_TOKEN: \${NPM_TOKEN}
    ports: [{ target: 3000, mode: ingress }]
${environment}`;

    before(async function () {
        recorder = await useMocks({ "defang:provider": "digitalocean", NPM_TOKEN: "npm-token-value" }, ["NPM_TOKEN"]);
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "do-gitargs-"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("become the component's build-time variables (the one read from config a SECRET); a runtime variable of the same value gets both scopes", async function () {
        fs.writeFileSync(path.join(dir, "compose.yaml"), compose("    environment:\n      NODE_ENV: production\n"));
        recorder.reset();
        new DefangProject("gitargs", { composeFile: path.join(dir, "compose.yaml") });
        await recorder.settle();
        const web = component(specOf(recorder.one("digitalocean:index/app:App")), "web");
        assert.deepEqual((web.envs ?? []).map((e) => [e.key, e.type, e.scope]).sort(), [
            ["NODE_ENV", "GENERAL", "RUN_AND_BUILD_TIME"],
            ["NPM_TOKEN", "SECRET", "BUILD_TIME"],
        ]);
        assert.equal(env(web, "NPM_TOKEN").value, "npm-token-value");
    });

    it("refuses a build arg that is also an environment variable with another value, naming both, before creating anything", async function () {
        fs.writeFileSync(path.join(dir, "compose.yaml"), compose("    environment:\n      NODE_ENV: development\n"));
        recorder.reset();
        assert.throws(
            () => new DefangProject("gitargs", { composeFile: path.join(dir, "compose.yaml") }),
            (e: Error) => /argument `build\.args\.NODE_ENV` is also an environment variable with another value/.test(e.message) && /service "web"/.test(e.message),
        );
        await recorder.settle();
        assert.equal(recorder.ofType("digitalocean:index/app:App").length, 0);
    });

    it("refuses a build target of a git build by name and position (App Platform builds the last stage), before creating anything", async function () {
        fs.writeFileSync(
            path.join(dir, "compose.yaml"),
            `name: gittarget\nservices:\n  web:\n    build:\n      context: https://github.com/me/web.git\n      target: prod\n    ports: [{ target: 3000, mode: ingress }]\n`,
        );
        recorder.reset();
        assert.throws(
            () => new DefangProject("gittarget", { composeFile: path.join(dir, "compose.yaml") }),
            (e: Error) => e instanceof UnsupportedFeaturesError && /compose\.yaml:6:15/.test(e.message) && /build\.target: .*App Platform builds a git context's Dockerfile to its last stage/.test(e.message),
        );
        await recorder.settle();
        assert.equal(recorder.registrations.length, 0);
    });

    it("refuses a local build context before creating anything when the stack has no Spaces keys for the remote builder", async function () {
        const local = fs.mkdtempSync(path.join(dir, "app-"));
        fs.writeFileSync(path.join(local, "Dockerfile"), "FROM scratch\n");
        fs.writeFileSync(path.join(dir, "compose.yaml"), `name: nokeys\nservices:\n  web:\n    build: ${path.basename(local)}\n    ports: [{ target: 3000, mode: ingress }]\n`);
        const saved = ["SPACES_ACCESS_KEY_ID", "SPACES_SECRET_ACCESS_KEY"].map((k) => [k, process.env[k]] as const);
        for (const [k] of saved) delete process.env[k];
        try {
            recorder.reset();
            assert.throws(
                () => new DefangProject("nokeys", { composeFile: path.join(dir, "compose.yaml") }),
                (e: Error) => e instanceof UnsupportedFeaturesError && /build\.context: .*which needs .*a Spaces access key id \(digitalocean:spacesAccessId, or SPACES_ACCESS_KEY_ID\)/.test(e.message),
            );
            await recorder.settle();
            assert.equal(recorder.registrations.length, 0);
        } finally {
            for (const [k, v] of saved) if (v !== undefined) process.env[k] = v;
        }
    });
});
