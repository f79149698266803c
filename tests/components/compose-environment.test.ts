/**
 * `COMPOSE_FILE`, `COMPOSE_PATH_SEPARATOR`, `COMPOSE_ENV_FILES`, `COMPOSE_PROFILES` and
 * `COMPOSE_PROJECT_NAME` choose what `DefangProject` loads, as they do for the command line and
 * `docker compose`; the component's arguments win over them.
 */
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { withComposeEnvironment } from "../../provider/src/compose/environment-options";
import { DefangProject } from "../../provider/src/components/defang-project";
import { ServiceModel } from "../../provider/src/model/types";
import { MockRecorder, useMocks } from "../support/pulumi-mocks";

const VARIABLES = ["COMPOSE_FILE", "COMPOSE_PATH_SEPARATOR", "COMPOSE_ENV_FILES", "COMPOSE_PROFILES", "COMPOSE_PROJECT_NAME"] as const;

describe("COMPOSE_* variables", function () {
    let dir: string;
    let recorder: MockRecorder;
    const saved = Object.fromEntries(VARIABLES.map((v) => [v, process.env[v]]));
    const warn = pulumi.log.warn;

    before(async function () {
        recorder = await useMocks({ "defang:provider": "aws" });
        pulumi.log.warn = async () => undefined; // the files' advice (no healthcheck, no memory) is not what is tested here
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "compose-env-"));
        fs.writeFileSync(path.join(dir, "compose.yaml"), "services:\n  default:\n    image: nginx:1.27\n");
        fs.writeFileSync(path.join(dir, "base.yaml"), "services:\n  web:\n    image: nginx:${WEB_TAG:-1.25}\n    ports: ['80']\n");
        fs.writeFileSync(path.join(dir, "jobs.yaml"), "services:\n  worker:\n    image: busybox:1.36\n    command: ['true']\n    profiles: [jobs]\n");
        fs.writeFileSync(path.join(dir, "tags.env"), "WEB_TAG=1.27\n");
    });
    afterEach(function () {
        for (const v of VARIABLES) {
            if (saved[v] === undefined) delete process.env[v];
            else process.env[v] = saved[v];
        }
    });
    after(function () {
        pulumi.log.warn = warn;
        fs.rmSync(dir, { recursive: true, force: true });
    });

    const load = (args: ConstructorParameters<typeof DefangProject>[1] = {}) => new DefangProject(`p${recorder.registrations.length}`, { workingDir: dir, ...args }, recorder.opts()).model;
    const images = (model: { components: Array<{ name: string }> }) => Object.fromEntries(model.components.map((c) => [c.name, (c as ServiceModel).image]));

    describe("in DefangProject", function () {
        it("COMPOSE_FILE and COMPOSE_PATH_SEPARATOR: the files to load", function () {
            process.env.COMPOSE_FILE = [path.join(dir, "base.yaml"), path.join(dir, "jobs.yaml")].join(path.delimiter);
            assert.deepEqual(Object.keys(images(load())), ["web"]);
            process.env.COMPOSE_PATH_SEPARATOR = ",";
            process.env.COMPOSE_FILE = `${path.join(dir, "base.yaml")},${path.join(dir, "compose.yaml")}`;
            assert.deepEqual(Object.keys(images(load())).sort(), ["default", "web"]);
        });

        it("COMPOSE_PROFILES: the active profiles", function () {
            process.env.COMPOSE_FILE = [path.join(dir, "base.yaml"), path.join(dir, "jobs.yaml")].join(path.delimiter);
            process.env.COMPOSE_PROFILES = "other, jobs";
            assert.deepEqual(Object.keys(images(load())).sort(), ["web", "worker"]);
        });

        it("COMPOSE_ENV_FILES: the env files for interpolation", function () {
            process.env.COMPOSE_FILE = path.join(dir, "base.yaml");
            assert.deepEqual(images(load()), { web: "nginx:1.25" });
            process.env.COMPOSE_ENV_FILES = path.join(dir, "tags.env");
            assert.deepEqual(images(load()), { web: "nginx:1.27" });
        });

        it("COMPOSE_PROJECT_NAME: the project name", function () {
            process.env.COMPOSE_PROJECT_NAME = "storefront";
            assert.equal(load().name, "storefront");
        });

        it("the arguments win: composeFile, profiles and env over COMPOSE_FILE, COMPOSE_PROFILES and COMPOSE_ENV_FILES", function () {
            process.env.COMPOSE_FILE = path.join(dir, "base.yaml");
            process.env.COMPOSE_PROFILES = "jobs";
            process.env.COMPOSE_ENV_FILES = path.join(dir, "tags.env");
            assert.deepEqual(images(load({ composeFile: path.join(dir, "compose.yaml") })), { default: "nginx:1.27" });
            assert.deepEqual(Object.keys(images(load({ composeFiles: [path.join(dir, "base.yaml"), path.join(dir, "jobs.yaml")], profiles: ["defang"] }))), ["web"]);
        });

        it("without the variables, loads compose.yaml of the working directory", function () {
            for (const v of VARIABLES) delete process.env[v];
            assert.deepEqual(images(load()), { default: "nginx:1.27" });
        });
    });

    describe("withComposeEnvironment (shared with the command line)", function () {
        it("reads each variable, relative paths from the current directory, empty variables as unset", function () {
            assert.deepEqual(
                withComposeEnvironment({}, { COMPOSE_FILE: "a.yaml;b/c.yaml", COMPOSE_PATH_SEPARATOR: ";", COMPOSE_ENV_FILES: "x.env, y.env", COMPOSE_PROFILES: "p1,,p2 ", COMPOSE_PROJECT_NAME: "shop" }, "/work"),
                { files: ["/work/a.yaml", "/work/b/c.yaml"], envFiles: ["/work/x.env", "/work/y.env"], profiles: ["p1", "p2"], projectName: "shop" },
            );
            assert.deepEqual(withComposeEnvironment({}, { COMPOSE_FILE: "", COMPOSE_PROFILES: "", COMPOSE_PROJECT_NAME: "" }, "/work"), {});
        });

        it("keeps explicit options over the environment", function () {
            const explicit = { files: ["/x/compose.yaml"], envFiles: ["/x/.env"], profiles: ["a"], projectName: "mine" };
            assert.deepEqual(withComposeEnvironment(explicit, { COMPOSE_FILE: "a.yaml", COMPOSE_ENV_FILES: "b.env", COMPOSE_PROFILES: "c", COMPOSE_PROJECT_NAME: "d" }, "/work"), explicit);
        });
    });
});
