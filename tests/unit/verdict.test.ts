/**
 * The verdict (`clouds/verdict.ts`): what no cloud can build, what each cloud refuses (the
 * capability table and the cloud's own tables), and the config each cloud's stack needs. It is
 * computed without loading any cloud SDK, so `validate` stays quick.
 */
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as path from "path";
import { projectVerdict } from "../../provider/src/clouds/verdict";
import { loadProject } from "../../provider/src/compose/load";
import { projectFromCompose } from "../../provider/src/model/from-compose";
import { memFiles, memPath } from "../support/memfs";

function model(yaml: string) {
    const r = loadProject({ ...memFiles({ "compose.yaml": yaml }), files: [memPath("compose.yaml")], validate: false });
    return projectFromCompose(r.project, { workingDir: r.workingDir, locator: r.locator });
}

describe("the verdict", function () {
    it("a git build context is not read from disk: AWS and Google Cloud refuse it by name, DigitalOcean builds it", () => {
        const m = model(`services:\n  web:\n    build:\n      context: https://github.com/example/app.git#main:web\n`);
        const v = projectVerdict(m.components, ["aws", "gcp", "digitalocean"], m.locate);
        assert.deepEqual(v.invalid, []);
        assert.deepEqual(
            v.clouds.map((c) => [c.cloud, c.refused.map((f) => `${f.service}.${f.field}@${f.location?.line}`)]),
            [
                ["aws", ["web.build.context@4"]],
                ["gcp", ["web.build.context@4"]],
                ["digitalocean", []],
            ],
        );
    });

    it("a local context that does not exist is invalid on every cloud, at the line of build:", () => {
        const m = model(`services:\n  web:\n    build: ./nowhere\n`);
        const v = projectVerdict(m.components, ["aws", "digitalocean"], m.locate);
        assert.deepEqual(
            v.invalid.map((p) => [p.service, p.field, p.location?.line, p.location?.column]),
            [["web", "build.context", 3, 12]],
        );
        assert.equal(v.invalid[0].message, `the build context ${memPath("nowhere")} does not exist`);
    });

    it("DigitalOcean's stack needs the model access key for each service with managed model access; the others need only the project's keys", () => {
        const m = model(`services:\n  gw:\n    image: example/gateway\n    x-defang-llm: true\n    environment:\n      API_KEY:\n  web:\n    image: nginx\n`);
        const v = projectVerdict(m.components, ["aws", "gcp", "digitalocean"], m.locate);
        const config = Object.fromEntries(v.clouds.map((c) => [c.cloud, c.config.map((u) => `${u.key}<-${u.usedBy}`)]));
        assert.deepEqual(config, {
            aws: ["API_KEY<-gw"],
            gcp: ["API_KEY<-gw"],
            digitalocean: ["API_KEY<-gw", "DIGITALOCEAN_MODEL_ACCESS_KEY<-gw"],
        });
    });

    it("loads no cloud SDK: the preflights read pure tables", () => {
        const m = model(
            `services:\n  web: { image: nginx, ports: ["8080"], x-defang-llm: true }\n  db: { image: "postgres:17", x-defang-postgres: true, environment: { POSTGRES_PASSWORD: } }\n  cache: { image: "redis:7", x-defang-redis: true }\n`,
        );
        const dist = path.resolve(__dirname, "../../provider/src");
        const script = `
            const { projectVerdict } = require(${JSON.stringify(path.join(dist, "clouds/verdict"))});
            const v = projectVerdict(${JSON.stringify(m.components)}, ["aws", "gcp", "digitalocean"]);
            if (v.clouds.length !== 3) throw new Error("no verdict");
            const sdk = Object.keys(require.cache).filter((f) => /[\\\\/]node_modules[\\\\/]@pulumi[\\\\/]/.test(f));
            process.stdout.write(JSON.stringify(sdk));
        `;
        const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
        assert.equal(r.status, 0, r.stderr);
        assert.deepEqual(JSON.parse(r.stdout), []);
    });
});
