/**
 * The routes of a service's ingress ports: listener port, protocol version, health check, names;
 * what the load balancer cannot carry is refused naming the port; endpoints in port order.
 */
import { strict as assert } from "assert";
import { GRPC_HEALTHY_CODES, hostedZoneName, MAX_TARGET_GROUPS_PER_SERVICE, planIngress, serviceEndpoints } from "../../provider/src/clouds/aws/ingress/routing-plan";
import { InvalidArgumentError } from "../../provider/src/model/errors";
import { PortModel, ServiceModel } from "../../provider/src/model/types";

function service(ports: PortModel[], extra: Partial<ServiceModel> = {}): ServiceModel {
    return { kind: "service", name: "web", aliases: [], ports, resources: {}, dependsOn: [], features: [], environment: [], replicas: 1, architecture: "x86_64", image: "nginx", ...extra };
}
const ingress = (target: number, extra: Partial<PortModel> = {}): PortModel => ({ target, mode: "ingress", protocol: "tcp", ...extra });
const healthcheck = (http?: { path: string; port?: number }) => ({ test: ["CMD", "curl", "-f", "http://localhost/x"], intervalSeconds: 30, timeoutSeconds: 5, retries: 3, startPeriodSeconds: 0, http });

describe("aws routing plan", () => {
    it("routes each ingress port on its published port, else its target port", () => {
        const routes = planIngress(service([ingress(8080, { published: 80 }), { target: 5432, mode: "host", protocol: "tcp" }, ingress(9000)]));
        assert.deepEqual(
            routes.map((r) => [r.portIndex, r.listenerPort, r.suffix, r.protocolVersion, r.https, r.plainHttp]),
            [
                [0, 80, "8080", "HTTP1", false, true],
                [2, 9000, "9000", "HTTP1", false, true],
            ],
        );
    });

    it("probes the service's HTTP health check path on the port it probes, else /", () => {
        const model = service([ingress(8080), ingress(9090)], { healthcheck: healthcheck({ path: "/healthz", port: 8080 }) });
        assert.deepEqual(
            planIngress(model).map((r) => r.healthCheck),
            [
                { path: "/healthz", matcher: "200-399" },
                { path: "/", matcher: "200-399" },
            ],
        );
        assert.equal(planIngress(service([ingress(8080)], { healthcheck: healthcheck({ path: "/up" }) }))[0].healthCheck.path, "/up");
        assert.equal(planIngress(service([ingress(8080)]))[0].healthCheck.path, "/");
    });

    it("serves the first ingress port at the domain over HTTPS, gRPC there only", () => {
        const [grpc] = planIngress(service([ingress(50051, { appProtocol: "grpc" })], { domainname: "api.example.com" }));
        assert.equal(grpc.https, true);
        assert.equal(grpc.protocolVersion, "GRPC");
        assert.equal(grpc.plainHttp, false);
        assert.equal(grpc.healthCheck.matcher, GRPC_HEALTHY_CODES);
        const [first, second] = planIngress(service([ingress(8080), ingress(9090)], { domainname: "example.com" }));
        assert.deepEqual([first.https, first.plainHttp, second.https], [true, true, false]);
    });

    it("refuses what the load balancer cannot carry, naming the port", () => {
        const refuses = (model: ServiceModel, field: string, pattern: RegExp) =>
            assert.throws(
                () => planIngress(model),
                (e: unknown) => e instanceof InvalidArgumentError && e.component === "web" && e.argument === field && pattern.test(e.message),
            );
        refuses(service([ingress(50051, { appProtocol: "grpc" })]), "ports[0]", /HTTPS only.*domainname/);
        refuses(service([ingress(8080), ingress(8443, { appProtocol: "http2" })], { domainname: "example.com" }), "ports[1]", /first ingress port/);
        refuses(service([ingress(8080, { published: 443 })]), "ports[0]", /public on port 443, the HTTPS port, but the service has no domainname/);
        refuses(service([ingress(8080, { published: 80 }), ingress(9090, { published: 80 })]), "ports[1]", /ports\[0\] already publishes/);
        const many = Array.from({ length: MAX_TARGET_GROUPS_PER_SERVICE + 1 }, (_, i) => ingress(8000 + i));
        refuses(service(many), "ports", /at most 5/);
        // Public ports that are not HTTP take target groups too.
        refuses(service([ingress(8080), ingress(8081), ingress(8082), ingress(5432), ingress(53, { protocol: "udp" }), ingress(6379)]), "ports", /has 6 public ports; ECS attaches at most 5/);
    });

    it("names the routes of two ports on one target apart", () => {
        const routes = planIngress(service([ingress(8080, { published: 80 }), ingress(8080, { published: 8081 })]));
        assert.deepEqual(
            routes.map((r) => r.suffix),
            ["8080-80", "8080-8081"],
        );
    });

    it("gives one endpoint per port in order", () => {
        const model = service([ingress(8080, { published: 80 }), { target: 5432, mode: "host", protocol: "tcp" }, ingress(9000)]);
        assert.deepEqual(serviceEndpoints(model, planIngress(model), "lb.example"), ["http://lb.example", "web:5432", "http://lb.example:9000"]);
        const withDomain = service([ingress(8080), ingress(9000)], { domainname: "shop.example.com" });
        assert.deepEqual(serviceEndpoints(withDomain, planIngress(withDomain), "lb.example"), ["https://shop.example.com", "http://lb.example:9000"]);
    });

    it("takes the hosted zone from the override, else the last two labels", () => {
        assert.equal(hostedZoneName("api.shop.example.com"), "example.com");
        assert.equal(hostedZoneName("example.com."), "example.com");
        assert.equal(hostedZoneName("api.shop.example.co.uk", "example.co.uk."), "example.co.uk");
    });
});
