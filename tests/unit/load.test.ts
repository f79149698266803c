import * as assert from "assert";
import { LoadOptions } from "../../provider/src/compose/api";
import { ComposeError } from "../../provider/src/compose/diagnostics";
import { loadProject } from "../../provider/src/compose/load";
import { memFiles, memPath } from "../support/memfs";

function load(files: Record<string, string>, options: LoadOptions = {}) {
    return loadProject({ ...memFiles(files), files: [memPath("compose.yaml")], validate: false, ...options });
}

function loadError(files: Record<string, string>, options: LoadOptions = {}): ComposeError {
    try {
        load(files, options);
    } catch (e) {
        if (e instanceof ComposeError) return e;
        throw e;
    }
    throw new Error("expected a ComposeError");
}

describe("loadProject", function () {
    describe("variables", function () {
        it("reads .env, lets the caller's env win, and ignores the process environment unless asked", function () {
            process.env.FROM_PROCESS_TEST = "process";
            try {
                const files = {
                    "compose.yaml": "services:\n  a:\n    image: x\n    environment:\n      A: ${A}\n      B: ${B}\n      P: ${FROM_PROCESS_TEST:-default}\n",
                    ".env": "A=from-dotenv\nB=from-dotenv\n",
                };
                const env = load(files, { env: { B: "from-caller" } }).project.services.a.environment;
                assert.deepStrictEqual(env, { A: "from-dotenv", B: "from-caller", P: "default" });
                assert.strictEqual(load(files, { useProcessEnv: true }).project.services.a.environment?.P, "process");
            } finally {
                delete process.env.FROM_PROCESS_TEST;
            }
        });
        it("keeps unset variables as config references, and reports where they ended up", function () {
            const r = load({ "compose.yaml": "services:\n  a:\n    image: x\n    environment:\n      - DB=postgres://u:$PW@db/x\n      - SECRET\n" });
            assert.strictEqual(r.project.services.a.environment?.DB, "postgres://u:${PW}@db/x");
            assert.strictEqual(r.project.services.a.environment?.SECRET, null);
            assert.deepStrictEqual(
                r.references.map((x) => [x.name, x.kind, x.path.join(".")]),
                [
                    ["PW", "interpolation", "services.a.environment.DB"],
                    ["SECRET", "environment", "services.a.environment.SECRET"],
                ],
            );
        });
        it("reports a required variable with the file, line and service", function () {
            const e = loadError({ "compose.yaml": "services:\n  a:\n    image: ${IMAGE:?set the image}\n" });
            const d = e.diagnostics[0];
            assert.strictEqual(d.code, "interpolation");
            assert.strictEqual(d.file, memPath("compose.yaml"));
            assert.strictEqual(d.line, 3);
            assert.strictEqual(d.service, "a");
            assert.strictEqual(d.field, "image");
            assert.match(d.message, /IMAGE is missing a value: set the image/);
        });
        it("merges env_file under the service's own values and drops env_file", function () {
            const r = load({
                "compose.yaml": "services:\n  a:\n    image: x\n    env_file: [app.env]\n    environment:\n      B: own\n",
                "app.env": "A=file\nB=file\n",
            });
            assert.deepStrictEqual(r.project.services.a.environment, { A: "file", B: "own" });
            assert.strictEqual(r.project.services.a.env_file, undefined);
        });
        it("reports a missing required env_file and accepts a missing optional one", function () {
            const e = loadError({ "compose.yaml": "services:\n  a:\n    image: x\n    env_file: [missing.env]\n" });
            assert.match(e.message, /missing\.env" does not exist/);
            assert.strictEqual(e.diagnostics[0].service, "a");
            load({ "compose.yaml": "services:\n  a:\n    image: x\n    env_file:\n      - path: missing.env\n        required: false\n" });
        });
    });

    describe("project name", function () {
        it("comes from name:, from COMPOSE_PROJECT_NAME, or from the option, and is interpolated", function () {
            const files = { "compose.yaml": "name: ${APP:-shop}\nservices:\n  a:\n    image: x\n    environment:\n      N: $COMPOSE_PROJECT_NAME\n" };
            assert.strictEqual(load(files).project.name, "shop");
            assert.strictEqual(load(files).project.services.a.environment?.N, "shop");
            assert.strictEqual(load(files, { env: { COMPOSE_PROJECT_NAME: "envname" } }).project.name, "envname");
            assert.strictEqual(load(files, { projectName: "given" }).project.name, "given");
        });
        it("defaults to the directory name, lowercased", function () {
            assert.strictEqual(load({ "compose.yaml": "services: {}\n" }).project.name, "project");
        });
        it("rejects an invalid explicit name with a hint", function () {
            const e = loadError({ "compose.yaml": "name: My App\nservices: {}\n" });
            assert.strictEqual(e.diagnostics[0].code, "project-name");
            assert.match(e.diagnostics[0].hint ?? "", /lowercase/);
            assert.strictEqual(e.diagnostics[0].line, 1);
        });
    });

    describe("several files", function () {
        it("merges override files in order, with !reset and !override", function () {
            const r = loadProject({
                ...memFiles({
                    "compose.yaml": "services:\n  a:\n    image: x\n    ports: ['80']\n    environment: {A: '1', B: '2'}\n    command: run\n",
                    "compose.prod.yaml": "services:\n  a:\n    image: y\n    ports: !override ['8080']\n    environment:\n      B: !reset\n    command: serve --prod\n",
                }),
                files: [memPath("compose.yaml"), memPath("compose.prod.yaml")],
                validate: false,
            });
            const a = r.project.services.a;
            assert.strictEqual(a.image, "y");
            assert.deepStrictEqual(
                a.ports?.map((p) => p.target),
                [8080],
            );
            assert.deepStrictEqual(a.environment, { A: "1" });
            assert.deepStrictEqual(a.command, ["serve", "--prod"]);
        });
        it("checks the values under !override and beside !reset against the schema, and accepts the markers themselves", function () {
            const files = {
                "compose.yaml": "services:\n  a:\n    image: x\n    environment: {A: '1'}\n",
                "compose.prod.yaml": "services:\n  a:\n    environment: !reset\n    ports: !override\n      - {target: 80, colour: red}\n",
            };
            const options = { ...memFiles(files), files: [memPath("compose.yaml"), memPath("compose.prod.yaml")] };
            let error: unknown;
            try {
                loadProject(options);
            } catch (e) {
                error = e;
            }
            assert.ok(error instanceof ComposeError, "the unknown attribute under !override is refused");
            assert.deepStrictEqual(
                error.diagnostics.filter((d) => d.severity === "error").map((d) => [d.code, d.field, d.line]),
                [["schema", "ports[0].colour", 5]],
            );
            files["compose.prod.yaml"] = "services:\n  a:\n    environment: !reset\n    ports: !override\n      - {target: 80}\n";
            assert.deepStrictEqual(
                loadProject({ ...memFiles(files), files: options.files }).project.services.a.ports?.map((p) => p.target),
                [80],
            );
        });
        it("extends a service of another directory, keeping its paths relative to where they were written", function () {
            const r = load({
                "compose.yaml": "services:\n  web:\n    extends:\n      file: common/base.yaml\n      service: app\n    environment: {MODE: web}\n",
                "common/base.yaml": "services:\n  app:\n    build: ./src\n    env_file: base.env\n    environment: {MODE: base, KEEP: '1'}\n",
                "common/base.env": "FROM_BASE=yes\n",
            });
            const web = r.project.services.web;
            assert.strictEqual(web.build?.context, "./common/src");
            assert.deepStrictEqual(web.environment, { FROM_BASE: "yes", KEEP: "1", MODE: "web" });
            assert.strictEqual(web.extends, undefined);
        });
        it("reports an extends cycle and a missing base by name", function () {
            const cycle = loadError({ "compose.yaml": "services:\n  a:\n    image: x\n    extends: b\n  b:\n    image: x\n    extends: a\n" });
            assert.ok(cycle.diagnostics.some((d) => d.code === "extends-cycle" && /a -> b -> a|b -> a -> b/.test(d.message)));
            const missing = loadError({ "compose.yaml": "services:\n  a:\n    extends: nope\n" });
            assert.match(missing.diagnostics[0].message, /"nope", which is not defined/);
            assert.strictEqual(missing.diagnostics[0].line, 3);
        });
        it("includes another application with its own .env and project directory", function () {
            const r = load({
                "compose.yaml": "include:\n  - lib/compose.yaml\nservices:\n  web:\n    image: x\n    depends_on: [db]\n",
                "lib/compose.yaml": "services:\n  db:\n    image: postgres:${PG:-15}\n    build: ./db\n",
                "lib/.env": "PG=17\n",
            });
            assert.strictEqual(r.project.services.db.image, "postgres:17");
            assert.strictEqual(r.project.services.db.build?.context, "./lib/db");
            assert.deepStrictEqual(Object.keys(r.project.services), ["db", "web"]);
        });
        it("rejects an include cycle and a resource defined on both sides", function () {
            const cycle = loadError({ "compose.yaml": "include: [b.yaml]\nservices: {}\n", "b.yaml": "include: [compose.yaml]\nservices: {}\n" });
            assert.ok(cycle.diagnostics.some((d) => d.code === "include-cycle"));
            const conflict = loadError({ "compose.yaml": "include: [b.yaml]\nservices:\n  a:\n    image: one\n", "b.yaml": "services:\n  a:\n    image: two\n" });
            assert.ok(conflict.diagnostics.some((d) => d.code === "include-conflict" && d.service === "a"));
        });
        it("rejects merging a list into a mapping, naming the file and field", function () {
            const e = loadError(
                { "compose.yaml": "services:\n  a:\n    image: x\n    deploy: {resources: {}}\n", "o.yaml": "services:\n  a:\n    deploy: [1]\n" },
                { files: [memPath("compose.yaml"), memPath("o.yaml")] },
            );
            assert.strictEqual(e.diagnostics[0].code, "merge");
            assert.strictEqual(e.diagnostics[0].file, memPath("o.yaml"));
            assert.strictEqual(e.diagnostics[0].service, "a");
        });
    });

    describe("profiles", function () {
        const files = { "compose.yaml": "services:\n  app:\n    image: x\n    depends_on: [debug]\n  debug:\n    image: x\n    profiles: [debug]\n  cloud:\n    image: x\n    profiles: [defang]\n" };
        it("leaves out services whose profiles are not active, keeping the defang profile active", function () {
            const r = load(files);
            assert.deepStrictEqual(Object.keys(r.project.services), ["app", "cloud"]);
            assert.ok(r.warnings.some((w) => w.code === "depends-on-disabled" && w.service === "app"));
            assert.deepStrictEqual(r.project.services.app.depends_on, {});
        });
        it("activates profiles from the option and from COMPOSE_PROFILES", function () {
            assert.deepStrictEqual(Object.keys(load(files, { profiles: ["debug"] }).project.services), ["app", "cloud", "debug"]);
            assert.deepStrictEqual(Object.keys(load(files, { env: { COMPOSE_PROFILES: "debug" } }).project.services), ["app", "cloud", "debug"]);
        });
    });

    describe("canonical output", function () {
        it("writes paths relative to the project, or absolute when asked", function () {
            const files = { "compose.yaml": "services:\n  a:\n    build: app\n    volumes: ['./data:/data', '/abs:/abs']\n" };
            const rel = load(files).project.services.a;
            assert.strictEqual(rel.build?.context, "./app");
            assert.deepStrictEqual(
                rel.volumes?.map((v) => v.source),
                ["./data", "/abs"],
            );
            assert.strictEqual(load(files, { paths: "absolute" }).project.services.a.build?.context, memPath("app"));
        });
        it("reports every invalid value at once, each with its position", function () {
            const e = loadError({ "compose.yaml": "services:\n  a:\n    image: x\n    ports: ['99999']\n    stop_grace_period: soon\n  b:\n    image: x\n    mem_limit: lots\n" });
            assert.deepStrictEqual(
                e.diagnostics.map((d) => [d.service, d.field, d.line]),
                [
                    ["a", "ports[0]", 4],
                    ["a", "stop_grace_period", 5],
                    ["b", "mem_limit", 8],
                ],
            );
        });
        it("gives the position of a canonical path through the locator", function () {
            const r = load({ "compose.yaml": "services:\n  a:\n    image: x\n    ports:\n      - '8000-8001:80-81'\n" });
            assert.deepStrictEqual(r.locator.locate(["services", "a", "ports", 0]), { file: memPath("compose.yaml"), line: 5, column: 9 });
            // The second port was expanded from the first entry's range: it points at the list.
            assert.deepStrictEqual(r.locator.locate(["services", "a", "ports", 1]), { file: memPath("compose.yaml"), line: 5, column: 7 });
        });
        it("locates an environment entry written in list form by its key", function () {
            const r = load({ "compose.yaml": "services:\n  a:\n    image: x\n    environment:\n      - A=1\n      - B=2\n" });
            assert.deepStrictEqual(r.locator.locate(["services", "a", "environment", "B"]), { file: memPath("compose.yaml"), line: 6, column: 9 });
        });
        it("is deterministic: the same input gives the same output", function () {
            const files = { "compose.yaml": "services:\n  b:\n    image: x\n    environment: {Z: '1', A: '2'}\n  a:\n    image: y\n" };
            assert.strictEqual(JSON.stringify(load(files).project), JSON.stringify(load(files).project));
            assert.deepStrictEqual(Object.keys(load(files).project.services), ["a", "b"]);
        });
    });
});
