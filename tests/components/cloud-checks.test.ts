/**
 * The clouds' own tables (sizes, engine versions, load balancer routing) refuse a project together
 * with the capability table, before any resource is registered: one error lists every problem,
 * with the compose file's line where the service or field was written.
 */
import { strict as assert } from "assert";
import * as path from "path";
import { DefangProject } from "../../provider/src/components/defang-project";
import { DefangService } from "../../provider/src/components/defang-service";
import { fieldPath } from "../../provider/src/model/field-path";
import { REPO_ROOT } from "../support/corpus";
import { MockRecorder, setConfig, useMocks } from "../support/pulumi-mocks";
import { refusal } from "../support/refusal";

const LIMITS = path.join(REPO_ROOT, "tests/fixtures/backend-limits/compose.yaml");

describe("cloud checks before any resource", function () {
    let recorder: MockRecorder;

    before(async function () {
        recorder = await useMocks();
    });
    beforeEach(() => recorder.reset());

    it("AWS: too many ingress ports, gRPC without HTTPS, plain HTTP on the HTTPS port, RDS and ElastiCache versions, all at once", async function () {
        setConfig({ "defang:provider": "aws" });
        const e = refusal(() => new DefangProject("limits", { composeFile: LIMITS }));
        assert.deepEqual(
            e.features.map((f) => `${f.service}.${f.field}`),
            ["cache.image", "db.image", "gateway.ports", "rpc.ports[0]", "tls.ports[0]"],
        );
        assert.match(e.message, /^5 features are not supported on AWS; nothing was created:/);
        assert.match(e.message, /compose\.yaml:\d+:\d+: service "gateway", ports: has 6 public ports; ECS attaches at most 5/);
        assert.match(e.message, /service "rpc", ports\[0\]: uses grpc, which the AWS load balancer forwards over HTTPS only\n {4}fix: give the service a domainname/);
        assert.match(e.message, /service "tls", ports\[0\]: is public on port 443, the HTTPS port, but the service has no domainname to hold the certificate HTTPS needs/);
        const rpc = e.features.find((f) => f.service === "rpc")!;
        assert.equal(rpc.location?.line, 26, "the line of the refused port");
        await recorder.settle();
        assert.equal(recorder.registrations.length, 0, "nothing registered");
    });

    it("Google Cloud: Cloud SQL and Memorystore versions, with the capability table's one-port rule, all at once", async function () {
        setConfig({ "defang:provider": "gcp", "gcp:project": "limits-project" });
        const e = refusal(() => new DefangProject("limits", { composeFile: LIMITS }));
        const fields = e.features.map((f) => `${f.service}.${f.field}`);
        assert.ok(fields.includes("db.image") && fields.includes("cache.image"), fields.join(", "));
        assert.ok(
            fields.some((f) => f.startsWith("gateway.ports")),
            fields.join(", "),
        );
        await recorder.settle();
        assert.equal(recorder.registrations.length, 0);
    });

    it("DigitalOcean: managed database versions, all at once with the capability table's refusals", async function () {
        setConfig({ "defang:provider": "digitalocean" });
        const e = refusal(() => new DefangProject("limits", { composeFile: LIMITS }));
        const fields = e.features.map((f) => `${f.service}.${f.field}`);
        assert.ok(fields.includes("db.image"), fields.join(", "));
        await recorder.settle();
        assert.equal(recorder.registrations.length, 0);
    });

    it("a lone component is checked the same way, and a size both tables refuse is reported once", async function () {
        setConfig({ "defang:provider": "aws" });
        const e = refusal(() => new DefangService("huge", { image: "nginx", deploy: { resources: { reservations: { cpu: "32" } } } }));
        assert.deepEqual(
            e.features.map((f) => `${f.service}.${f.field}`),
            ["huge.deploy.resources.reservations.cpus"],
        );
        await recorder.settle();
        assert.equal(recorder.registrations.length, 0);
    });

    it("reads a refused field back into a path of the compose file", function () {
        assert.deepEqual(fieldPath("ports[0]"), ["ports", 0]);
        assert.deepEqual(fieldPath("deploy.resources.reservations.cpus"), ["deploy", "resources", "reservations", "cpus"]);
        assert.deepEqual(fieldPath("a[1][2].b"), ["a", 1, 2, "b"]);
        assert.deepEqual(fieldPath("(service)"), ["(service)"]);
    });
});
