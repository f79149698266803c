/**
 * What Google Cloud refuses up front, listed at once with where it was written: a second port, UDP,
 * and the usual port of a database or broker on Cloud Run, besides the features every cloud refuses.
 */
import { strict as assert } from "assert";
import * as path from "path";
import { loadProject } from "../../provider/src/compose/load";
import { DefangProject } from "../../provider/src/components/defang-project";
import { unsupportedFeatures } from "../../provider/src/model/capabilities";
import { UnsupportedFeaturesError } from "../../provider/src/model/errors";
import { projectFromCompose } from "../../provider/src/model/from-compose";
import { REPO_ROOT } from "../support/corpus";
import { memFiles, memPath } from "../support/memfs";
import { MockRecorder, useMocks } from "../support/pulumi-mocks";

function model(yaml: string) {
    const r = loadProject({ ...memFiles({ "compose.yaml": yaml }), files: [memPath("compose.yaml")], validate: false });
    return projectFromCompose(r.project, { workingDir: r.workingDir, locator: r.locator });
}

describe("capabilities of Google Cloud", function () {
    it("refuses a second port, a UDP port and a database port on a plain service, each with its line", function () {
        const m = model(
            [
                "services:",
                '  web: { image: web, ports: ["8080", "9090"] }',
                '  dns: { image: dns, ports: ["53/udp"] }',
                "  mysql: { image: mysql, ports: [{ target: 3306, mode: host }] }",
                "  grpc: { image: g, ports: [{ target: 6379, mode: host, app_protocol: http }] }",
                '  fine: { image: f, ports: ["3000", { target: 3000, published: 80 }] }',
                "",
            ].join("\n"),
        );
        const features = unsupportedFeatures(m.components, "gcp", m.locate);
        assert.deepEqual(
            features.map((f) => `${f.service}.${f.field}`),
            ["dns.ports[0]", "mysql.ports[0]", "web.ports[1]"],
        );
        assert.match(features[0].message, /53\/udp/);
        assert.match(features[1].hint, /x-defang-postgres or x-defang-redis/);
        assert.equal(features[1].location?.line, 4);
        assert.match(features[2].message, /a second port \(9090\)/);
        assert.deepEqual(
            unsupportedFeatures(m.components, "aws").map((f) => f.service),
            [],
            "AWS runs them",
        );
    });

    describe("DefangProject on Google Cloud refuses before creating anything", function () {
        let recorder: MockRecorder;
        before(async function () {
            recorder = await useMocks({ "defang:provider": "gcp", "gcp:project": "p" });
        });
        it("lists every feature at once, with file and line", async function () {
            recorder.reset();
            assert.throws(
                () => new DefangProject("bad", { composeFile: path.join(REPO_ROOT, "tests/fixtures/unsupported/compose.yaml") }),
                (e: unknown) =>
                    e instanceof UnsupportedFeaturesError &&
                    e.cloud === "gcp" &&
                    /not supported on Google Cloud; nothing was created/.test(e.message) &&
                    /compose\.yaml:\d+:\d+: service "agent", privileged/.test(e.message),
            );
            await recorder.settle();
            assert.equal(recorder.registrations.length, 0);
        });
    });
});
