/**
 * What compose ports mean on Google Cloud, from a compose file: Cloud Run serves HTTP on 443, so a
 * private HTTP port is an internal service, another published port is a warning, and a port that
 * does not carry HTTP (public or private) or UDP is refused by name with nothing registered.
 */
import { strict as assert } from "assert";
import { UnsupportedFeaturesError } from "../../provider/src/model/errors";
import { composeStack, PORTS_COMPOSE } from "../support/compose-stack";
import { MockRecorder, Registration, useMocks } from "../support/pulumi-mocks";

const RUN_SERVICE = "gcp:cloudrunv2/service:Service";
const WORKER_POOL = "gcp:cloudrunv2/workerPool:WorkerPool";

const named = (rs: Registration[], name: string) => {
    const found = rs.filter((r) => r.name === name);
    assert.equal(found.length, 1, `one resource named ${name}, found ${found.length}`);
    return found[0];
};
const containerPort = (r: Registration) => (r.inputs.template as { containers: Array<{ ports?: { containerPort: number; name: string } }> }).containers[0].ports;

/** The refusal of a compose file: `service.field:line`, the message and hint of each; and that nothing was registered. */
function refused(stack: { error?: Error; registrations: Registration[] }): Array<{ at: string; message: string; hint: string }> {
    assert.ok(stack.error instanceof UnsupportedFeaturesError, String(stack.error));
    assert.equal(stack.registrations.length, 0, "nothing registered");
    return stack.error.features.map((f) => ({ at: `${f.service}.${f.field}:${f.location?.line}`, message: f.message, hint: f.hint }));
}

describe("compose ports on Google Cloud", function () {
    let recorder: MockRecorder;
    before(async function () {
        recorder = await useMocks();
    });

    it("expose 5432 on a postgres image: refused by name (a worker pool nobody could reach), with the managed alternative", async function () {
        const [f, ...rest] = refused(await composeStack(recorder, "gcp", PORTS_COMPOSE.exposeOnly));
        assert.deepEqual(rest, []);
        assert.equal(f.at, "db.expose[0]:5");
        assert.equal(f.message, "a private port that does not carry HTTP cannot be reached: Cloud Run serves HTTP only, and a worker pool has no address the project's services could reach (port 5432)");
        assert.match(f.hint, /x-defang-postgres/);
        assert.match(f.hint, /deploy this service to AWS or DigitalOcean/);
    });

    for (const address of ["127.0.0.1", "[::1]"]) {
        it(`host_ip ${address} on 5432: a private plain TCP port, refused the same way`, async function () {
            const [f, ...rest] = refused(await composeStack(recorder, "gcp", PORTS_COMPOSE.hostIp(address)));
            assert.deepEqual(rest, []);
            assert.equal(f.at, "db.ports[0]:5");
            assert.match(f.message, /^a private port that does not carry HTTP cannot be reached/);
        });
    }

    it("host_ip 127.0.0.1 on an HTTP port: an internal Cloud Run service, reachable from the project's VPC only", async function () {
        const { registrations: rs, error } = await composeStack(recorder, "gcp", `name: ports\nservices:\n  admin:\n    image: nginx:1.27\n    ports: ["127.0.0.1:8080:80"]\n`);
        assert.equal(error, undefined);
        const run = named(rs, "ports-admin-service");
        assert.equal(run.inputs.ingress, "INGRESS_TRAFFIC_INTERNAL_ONLY");
        assert.deepEqual(containerPort(run), { containerPort: 80, name: "http1" });
    });

    it("80:8080: a public Cloud Run service on container port 8080, without a warning (Cloud Run serves 443 and redirects 80)", async function () {
        const { registrations: rs, error, warnings } = await composeStack(recorder, "gcp", PORTS_COMPOSE.published);
        assert.equal(error, undefined);
        const run = named(rs, "ports-web-service");
        assert.equal(run.inputs.ingress, "INGRESS_TRAFFIC_ALL");
        assert.deepEqual(containerPort(run), { containerPort: 8080, name: "http1" });
        assert.deepEqual(
            warnings.filter((w) => /published port/.test(w)),
            [],
        );
    });

    it("8000:3000: deployed, with a warning that the published port cannot be chosen", async function () {
        const { error, warnings } = await composeStack(recorder, "gcp", `name: ports\nservices:\n  web:\n    image: nginx:1.27\n    ports: ["8000:3000"]\n`);
        assert.equal(error, undefined);
        const published = warnings.filter((w) => /published port/.test(w));
        assert.equal(published.length, 1, warnings.join("\n"));
        assert.match(published[0], /service "web": ports\[0\]\.published: the published port cannot be chosen: the service is served over HTTPS on port 443 at its URL \(published: 8000\) \(publish it on 443 or 80/);
    });

    it("two services published on 80 with domain names: each behind the HTTPS load balancer at its name", async function () {
        const { registrations: rs, error } = await composeStack(recorder, "gcp", PORTS_COMPOSE.twoDomains);
        assert.equal(error, undefined);
        for (const service of ["shop", "blog"]) assert.equal(named(rs, `ports-${service}-service`).inputs.ingress, "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER");
    });

    it("5432:5432 public: refused by name, with the managed database and AWS as alternatives", async function () {
        const [f, ...rest] = refused(await composeStack(recorder, "gcp", PORTS_COMPOSE.publicDatabase));
        assert.deepEqual(rest, []);
        assert.equal(f.at, "db.ports[0]:5");
        assert.equal(f.message, "a public port that does not carry HTTP cannot be served: the cloud's front end takes HTTP, HTTP/2, gRPC and WebSockets only (port 5432)");
        assert.match(f.hint, /x-defang-postgres or x-defang-redis/);
        assert.match(f.hint, /deploy this service to AWS \(a network load balancer carries TCP and UDP\)/);
    });

    it("53/udp: refused by name", async function () {
        const [f, ...rest] = refused(await composeStack(recorder, "gcp", PORTS_COMPOSE.udp));
        assert.deepEqual(rest, []);
        assert.equal(f.at, "dns.ports[0]:5");
        assert.equal(f.message, "UDP ports are not available: the container runtime carries TCP only (port 53/udp)");
    });

    it("app_protocol grpc: an HTTP/2 (h2c) container port", async function () {
        const { registrations: rs, error } = await composeStack(recorder, "gcp", PORTS_COMPOSE.grpc);
        assert.equal(error, undefined);
        assert.deepEqual(containerPort(named(rs, "ports-api-service")), { containerPort: 50051, name: "h2c" });
    });

    it("no ports at all: still a worker pool", async function () {
        const { registrations: rs, error } = await composeStack(recorder, "gcp", `name: ports\nservices:\n  worker:\n    image: my/worker:1\n`);
        assert.equal(error, undefined);
        assert.equal(rs.filter((r) => r.type === WORKER_POOL).length, 1);
        assert.equal(rs.filter((r) => r.type === RUN_SERVICE).length, 0);
    });
});
