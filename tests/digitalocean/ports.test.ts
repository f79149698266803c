/**
 * What compose ports mean on DigitalOcean, from a compose file: private ports (`expose`, a private
 * `host_ip`) are internal ports of a service with no HTTP port; the service published on 80 or 443
 * is served at `/`; services are told apart by domain names; public plain TCP, UDP and gRPC are
 * refused by name with nothing registered.
 */
import { strict as assert } from "assert";
import { UnsupportedFeaturesError } from "../../provider/src/model/errors";
import { composeStack, PORTS_COMPOSE } from "../support/compose-stack";
import { MockRecorder, Registration, useMocks, valueOf } from "../support/pulumi-mocks";
import { component, Spec, specOf } from "../support/do-app-spec";

const APP = "digitalocean:index/app:App";

function appSpec(rs: Registration[]): Spec {
    const apps = rs.filter((r) => r.type === APP);
    assert.equal(apps.length, 1);
    return specOf(apps[0]);
}
const routes = (spec: Spec) => (spec.ingress?.rules ?? []).map((r) => `${r.match.authority?.exact ?? "*"}${r.match.path.prefix} -> ${r.component.name}`);

function refused(stack: { error?: Error; registrations: Registration[] }): Array<{ at: string; message: string; hint: string }> {
    assert.ok(stack.error instanceof UnsupportedFeaturesError, String(stack.error));
    assert.equal(stack.registrations.length, 0, "nothing registered");
    return stack.error.features.map((f) => ({ at: `${f.service}.${f.field}:${f.location?.line}`, message: f.message, hint: f.hint }));
}

describe("compose ports on DigitalOcean", function () {
    let recorder: MockRecorder;
    before(async function () {
        recorder = await useMocks();
    });

    it("expose 5432 on a postgres image: an internal port of a service with no HTTP port and no route; the app is at /", async function () {
        const { registrations: rs, error, project } = await composeStack(recorder, "digitalocean", PORTS_COMPOSE.exposeOnly);
        assert.equal(error, undefined);
        const spec = appSpec(rs);
        const db = component(spec, "db");
        assert.deepEqual([db.httpPort, db.internalPorts], [undefined, [5432]]);
        assert.deepEqual(component(spec, "app").httpPort, 8080);
        assert.deepEqual(routes(spec), ["*/ -> app"]);
        assert.deepEqual((await valueOf(project!.endpoints)).db, ["db:5432"]);
    });

    for (const address of ["127.0.0.1", "[::1]", "192.168.1.10"]) {
        it(`host_ip ${address}: an internal port, and the App has no public route`, async function () {
            const { registrations: rs, error } = await composeStack(recorder, "digitalocean", PORTS_COMPOSE.hostIp(address));
            assert.equal(error, undefined);
            const spec = appSpec(rs);
            const db = component(spec, "db");
            assert.deepEqual([db.httpPort, db.internalPorts], [undefined, [5432]]);
            assert.deepEqual(routes(spec), []);
        });
    }

    it("80:8080: the HTTP port is the container's 8080, served at /, without a warning", async function () {
        const { registrations: rs, error, warnings } = await composeStack(recorder, "digitalocean", PORTS_COMPOSE.published);
        assert.equal(error, undefined);
        const spec = appSpec(rs);
        assert.equal(component(spec, "web").httpPort, 8080);
        assert.deepEqual(routes(spec), ["*/ -> web"]);
        assert.deepEqual(
            warnings.filter((w) => /published port/.test(w)),
            [],
        );
    });

    it("the service published on 80 is at /, whatever its name; another public service is at /<name>, with a warning for its port", async function () {
        const {
            registrations: rs,
            error,
            warnings,
        } = await composeStack(recorder, "digitalocean", `name: ports\nservices:\n  api:\n    image: api:1\n    ports: ["8080:8080"]\n  web:\n    image: web:1\n    ports: ["80:3000"]\n`);
        assert.equal(error, undefined);
        assert.deepEqual(routes(appSpec(rs)), ["*/api -> api", "*/ -> web"]);
        const published = warnings.filter((w) => /published port/.test(w));
        assert.equal(published.length, 1, warnings.join("\n"));
        assert.match(
            published[0],
            /service "api": ports\[0\]\.published: the published port cannot be chosen: the service is served over HTTPS on port 443 at its URL \(published: 8080\) \(publish it on 443 or 80 to say so \(on DigitalOcean that also serves it at `\/` of the App\)/,
        );
    });

    it("two services published on 80 with domain names: each answers at / on its own domain", async function () {
        const { registrations: rs, error } = await composeStack(recorder, "digitalocean", PORTS_COMPOSE.twoDomains);
        assert.equal(error, undefined);
        const spec = appSpec(rs);
        const byDomain = routes(spec).filter((r) => !r.startsWith("*"));
        assert.deepEqual(byDomain.sort(), ["blog.example.com/ -> blog", "shop.example.com/ -> shop"]);
        assert.deepEqual(spec.domainNames.map((d) => d.name).sort(), ["blog.example.com", "shop.example.com"]);
    });

    it("5432:5432 public: refused by name, with the managed database and AWS as alternatives", async function () {
        const [f, ...rest] = refused(await composeStack(recorder, "digitalocean", PORTS_COMPOSE.publicDatabase));
        assert.deepEqual(rest, []);
        assert.equal(f.at, "db.ports[0]:5");
        assert.equal(f.message, "a public port that does not carry HTTP cannot be served: the cloud's front end takes HTTP, HTTP/2, gRPC and WebSockets only (port 5432)");
        assert.match(f.hint, /x-defang-postgres or x-defang-redis/);
    });

    it("53/udp: refused by name", async function () {
        const [f, ...rest] = refused(await composeStack(recorder, "digitalocean", PORTS_COMPOSE.udp));
        assert.deepEqual(rest, []);
        assert.equal(f.at, "dns.ports[0]:5");
        assert.equal(f.message, "UDP ports are not available: the container runtime carries TCP only (port 53/udp)");
    });

    it("app_protocol grpc on a public port: refused by name (the App forwards HTTP/1.1)", async function () {
        const [f, ...rest] = refused(await composeStack(recorder, "digitalocean", PORTS_COMPOSE.grpc));
        assert.deepEqual(rest, []);
        assert.equal(f.at, "api.ports[0]:7");
        assert.match(f.message, /^a public HTTP\/2 or gRPC port cannot be served/);
        assert.match(f.hint, /deploy this service to AWS or Google Cloud/);
    });
});
