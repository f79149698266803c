/**
 * File `secrets:` and `configs:` in the model and the verdict (no SDK, no resources): paths, modes,
 * owners and content sources as Compose defines them, the config keys they read, and what each
 * cloud says of them, the same for `validate` and `plan` (one verdict).
 */
import { strict as assert } from "assert";
import * as path from "path";
import { projectVerdict } from "../../provider/src/clouds/verdict";
import { loadProject } from "../../provider/src/compose/load";
import { projectFromCompose } from "../../provider/src/model/from-compose";
import { modeOf, targetOf } from "../../provider/src/model/file-mounts";
import { approximationWarnings } from "../../provider/src/model/translation/warnings";
import { ServiceModel } from "../../provider/src/model/types";
import { REPO_ROOT } from "../support/corpus";
import { memFiles, memPath } from "../support/memfs";

const FIXTURE = path.join(REPO_ROOT, "tests/fixtures/file-mounts/compose.yaml");

function loadFixture() {
    const r = loadProject({ files: [FIXTURE] });
    return { project: r.project, model: projectFromCompose(r.project, { workingDir: r.workingDir, locator: r.locator }) };
}
function model(yaml: string) {
    const r = loadProject({ ...memFiles({ "compose.yaml": yaml }), files: [memPath("compose.yaml")] });
    return projectFromCompose(r.project, { workingDir: r.workingDir, locator: r.locator });
}
const web = (m: { components: unknown[] }) => m.components[0] as ServiceModel;

describe("file secrets and configs in the model", function () {
    it("places each file at its Compose path with its mode and owner, and its content from config, the compose file or an opted-in local file", function () {
        const files = web(loadFixture().model).files!;
        const dir = path.dirname(FIXTURE);
        assert.deepEqual(
            files.map((f) => [f.kind, f.name, f.target, f.mode.toString(8), f.uid, f.gid, f.content]),
            [
                ["secret", "db_password", "/run/secrets/db_password", "444", undefined, undefined, { kind: "config", key: "db_password" }],
                ["secret", "api_key", "/run/secrets/api.key", "400", "101", "101", { kind: "config", key: "API_KEY" }],
                ["secret", "tls_key", "/etc/certs/tls.key", "444", undefined, undefined, { kind: "local-file", path: path.join(dir, "tls.key") }],
                ["config", "site", "/etc/nginx/conf.d/default.conf", "444", undefined, undefined, { kind: "local-file", path: path.join(dir, "site.conf") }],
                ["config", "banner", "/config/banner.txt", "440", undefined, undefined, { kind: "literal", value: "hello from compose" }],
            ],
        );
    });

    it("reads a secret's `file:` from Pulumi config unless it opts in, and an external secret under its name", function () {
        const m = model(`
services:
  app: { image: app, secrets: [pw, ext, named] }
secrets:
  pw: { file: ./pw.txt }
  ext: { external: true }
  named: { external: true, name: shared_token }
`);
        assert.deepEqual(
            web(m).files!.map((f) => f.content),
            [
                { kind: "config", key: "pw" },
                { kind: "config", key: "ext" },
                { kind: "config", key: "shared_token" },
            ],
        );
        assert.deepEqual(m.configKeys, ["ext", "pw", "shared_token"]);
    });

    it("follows Compose's defaults: /run/secrets for relative secret targets, /<name> for configs, mode 0444", function () {
        assert.equal(targetOf("secret", { source: "a" }), "/run/secrets/a");
        assert.equal(targetOf("secret", { source: "a", target: "sub/b" }), "/run/secrets/sub/b");
        assert.equal(targetOf("secret", { source: "a", target: "/etc/a" }), "/etc/a");
        assert.equal(targetOf("config", { source: "c" }), "/c");
        assert.equal(targetOf("config", { source: "c", target: "app/c.yaml" }), "/app/c.yaml");
        assert.equal(modeOf(undefined), 0o444);
        assert.equal(modeOf("0440"), 0o440);
        assert.equal(modeOf(0o600), 0o600);
    });

    it("refuses on every cloud, by name and position: a file over a system directory, a missing local file, a name that cannot be a config key, two files at one path", function () {
        const m = model(`
services:
  app:
    image: app
    secrets:
      - local
      - bad
      - { source: good, target: /run/secrets/same }
    configs:
      - plain
      - { source: also, target: /run/secrets/same }
configs:
  plain: { content: x }
  also: { content: y }
secrets:
  local: { file: ./nowhere.txt, x-defang-local-file: true }
  bad: { environment: "A:B" }
  good: { environment: GOOD }
`);
        for (const cloud of ["aws", "gcp"] as const) {
            const refused = projectVerdict(m.components, [cloud], m.locate).clouds[0].refused;
            assert.deepEqual(
                refused.map((f) => [f.field, f.message.split(" (")[0], f.location?.line]),
                [
                    ["secrets[0].source", "the file to place in the container does not exist on this machine", 6],
                    ["secrets[1].source", "the content would be read from Pulumi config under this name, which cannot be a config key", 7],
                    ["configs[0].target", "the file's directory would be mounted as a whole over a system directory", 10],
                    ["configs[1].target", "two secrets or configs are mounted at the same path", 11],
                ],
                cloud,
            );
            assert.match(refused[2].message, /\(\/plain in \/\)$/);
        }
    });
});

describe("file secrets and configs: one verdict per cloud", function () {
    it("runs them on AWS and Google Cloud, reading the secrets' config keys, and DigitalOcean refuses each file by name with its position", function () {
        const { model: m } = loadFixture();
        const verdict = projectVerdict(m.components, ["aws", "gcp", "digitalocean"], m.locate);
        const [aws, gcp, digitalocean] = verdict.clouds;
        assert.deepEqual(aws.refused, []);
        assert.deepEqual(gcp.refused, []);
        for (const v of verdict.clouds) assert.deepEqual(v.config.map((c) => `${c.key} ${c.usedBy}`).sort(), ["API_KEY web", "db_password web"]);
        assert.deepEqual(
            digitalocean.refused.map((f) => `${f.location?.line}:${f.location?.column} ${f.field}`),
            ["14:9 secrets[0].source", "15:17 secrets[1].source", "20:17 secrets[2].source", "23:17 configs[0].source", "25:17 configs[1].source"],
        );
        assert.match(digitalocean.refused[0].message, /^App Platform has no file system to mount secret files on/);
        assert.match(digitalocean.refused[0].hint, /pulumi config set --secret KEY <value>/);
    });

    it("warns where a cloud runs them differently: uid/gid on Google Cloud, a directory mounted over the image's files on both", function () {
        const { project, model: m } = loadFixture();
        const warnings = approximationWarnings(project, m, ["aws", "gcp"])
            .filter((d) => /^(secrets|configs)/.test(String(d.field)))
            .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
        assert.deepEqual(
            warnings.map((d) => `${d.line} ${d.field} ${d.message.replace(/ \(.*$/s, "")}`),
            [
                "17 secrets[1].uid `uid` is not applied: Cloud Run mounts secret and config files owned by root",
                "18 secrets[1].gid `gid` is not applied: Cloud Run mounts secret and config files owned by root",
                "21 secrets[2].target the file's directory is mounted as a whole: files the image has in that directory are hidden in the container",
                "24 configs[0].target the file's directory is mounted as a whole: files the image has in that directory are hidden in the container",
            ],
        );
        assert.match(warnings[2].message, /\(on AWS and Google Cloud\)$/);
        assert.match(warnings[0].message, /\(on Google Cloud\)$/);
    });
});
