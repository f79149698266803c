/**
 * What compose ports mean on AWS, from a compose file: private ports (`expose`, a private
 * `host_ip`) admit the project's services only and are found through Cloud Map; the load balancer
 * listens on the published port; services sharing a port are routed by domain name; public ports
 * that are not HTTP get a network load balancer listener; a refusal registers nothing.
 */
import { strict as assert } from "assert";
import { UnsupportedFeaturesError } from "../../provider/src/model/errors";
import { composeStack, PORTS_COMPOSE } from "../support/compose-stack";
import { MockRecorder, SECRET_SIG, Registration, unwrapSecrets, useMocks, valueOf } from "../support/pulumi-mocks";

const ALB = "aws:lb/loadBalancer:LoadBalancer";
const LISTENER = "aws:lb/listener:Listener";
const TARGET_GROUP = "aws:lb/targetGroup:TargetGroup";
const RULE = "aws:lb/listenerRule:ListenerRule";
const SG_INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const ECS_SERVICE = "aws:ecs/service:Service";
const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";

const ofType = (rs: Registration[], type: string) => rs.filter((r) => r.type === type);
const named = (rs: Registration[], name: string) => {
    const found = rs.filter((r) => r.name === name);
    assert.equal(found.length, 1, `one resource named ${name}, found ${found.length}`);
    return found[0];
};
const loadBalancers = (rs: Registration[]) => ofType(rs, ALB).map((r) => r.inputs.loadBalancerType);
/** The ingress rules of a service's own security group, as `<name>: <protocol>/<port> from <group>`. */
const serviceRules = (rs: Registration[], service: string) =>
    ofType(rs, SG_INGRESS)
        .filter((r) => r.name.startsWith(`ports-${service}-sg-`))
        .map((r) => `${r.name}: ${r.inputs.ipProtocol}/${r.inputs.fromPort} from ${r.inputs.referencedSecurityGroupId}`)
        .sort();

describe("compose ports on AWS", function () {
    let recorder: MockRecorder;
    before(async function () {
        recorder = await useMocks();
    });

    it("expose: the postgres image admits the project's services on 5432, is registered in Cloud Map, and is on no load balancer", async function () {
        const { registrations: rs, error, project } = await composeStack(recorder, "aws", PORTS_COMPOSE.exposeOnly);
        assert.equal(error, undefined);
        assert.deepEqual(serviceRules(rs, "db"), ["ports-db-sg-host-5432: tcp/5432 from ports-members-sg-id"]);
        assert.equal(named(rs, "ports-db-discovery").inputs.name, "db");
        const db = ofType(rs, ECS_SERVICE).find((r) => r.name === "ports-db-service")!;
        assert.deepEqual(db.inputs.loadBalancers, []);
        assert.ok(!rs.some((r) => r.type === TARGET_GROUP && r.name.startsWith("ports-db-")), "no target group for the database");
        // The app is public on 80 through the application load balancer only.
        assert.deepEqual(loadBalancers(rs), ["application"]);
        const endpoints = await valueOf(project!.endpoints);
        assert.deepEqual(endpoints.db, ["db:5432"]);
    });

    for (const address of ["127.0.0.1", "::1", "10.0.0.5"]) {
        it(`host_ip ${address}: the port is private, as with expose, and nothing is public`, async function () {
            const { registrations: rs, error, project } = await composeStack(recorder, "aws", PORTS_COMPOSE.hostIp(address.includes(":") ? `[${address}]` : address));
            assert.equal(error, undefined);
            assert.deepEqual(serviceRules(rs, "db"), ["ports-db-sg-host-5432: tcp/5432 from ports-members-sg-id"]);
            assert.deepEqual(loadBalancers(rs), [], "no load balancer at all");
            assert.deepEqual((await valueOf(project!.endpoints)).db, ["db:5432"]);
        });
    }

    it("80:8080: CloudFront serves https:// and reaches the load balancer's listener on 80, whose rule forwards only its host with the secret origin header", async function () {
        const { registrations: rs, error, project } = await composeStack(recorder, "aws", PORTS_COMPOSE.published);
        assert.equal(error, undefined);
        assert.deepEqual(
            ofType(rs, LISTENER).map((l) => [l.inputs.port, l.inputs.protocol]),
            [[80, "HTTP"]],
        );
        const tg = named(rs, "ports-web-tg-8080");
        assert.deepEqual([tg.inputs.port, tg.inputs.protocol, tg.inputs.targetType], [8080, "HTTP", "ip"]);
        const cdn = named(rs, "ports-web-cdn-8080");
        assert.equal(cdn.type, DISTRIBUTION);
        const origin = (
            unwrapSecrets(cdn.inputs.origins) as Array<{ domainName: string; customOriginConfig: { httpPort: number; originProtocolPolicy: string }; customHeaders: Array<{ name: string; value: unknown }> }>
        )[0];
        assert.equal(origin.domainName, "ports-lb.us-west-2.elb.amazonaws.com");
        assert.deepEqual([origin.customOriginConfig.httpPort, origin.customOriginConfig.originProtocolPolicy], [80, "http-only"]);
        assert.equal(origin.customHeaders[0].name, "X-Origin-Verify");
        assert.ok(JSON.stringify(cdn.inputs.origins).includes(SECRET_SIG), "the origin header is registered as a secret");
        assert.equal(origin.customHeaders[0].value, "generated-password-0123456789");
        const behavior = cdn.inputs.defaultCacheBehavior as Record<string, unknown>;
        assert.equal(behavior.viewerProtocolPolicy, "redirect-to-https");
        assert.equal(behavior.cachePolicyId, "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", "Managed-CachingDisabled");
        assert.equal(behavior.originRequestPolicyId, "216adef6-5c7f-47e4-b989-5492eafa07d3", "Managed-AllViewer");
        assert.deepEqual(cdn.inputs.viewerCertificate, { cloudfrontDefaultCertificate: true });
        const endpoint = (await valueOf(project!.endpoints)).web[0];
        assert.match(endpoint, /^https:\/\/d[0-9a-f]+\.cloudfront\.net$/);
        const conditions = unwrapSecrets(named(rs, "ports-web-rule-8080").inputs.conditions) as Array<Record<string, { values: string[]; httpHeaderName?: string }>>;
        assert.deepEqual(conditions[0], { hostHeader: { values: [endpoint.slice("https://".length)] } });
        assert.equal(conditions[1].httpHeader.httpHeaderName, "X-Origin-Verify");
        assert.deepEqual(conditions[1].httpHeader.values, ["generated-password-0123456789"]);
        assert.deepEqual(
            (named(rs, "ports-web-service").inputs.loadBalancers as Array<{ containerPort: number }>).map((l) => l.containerPort),
            [8080],
        );
        const open = ofType(rs, SG_INGRESS).filter((r) => r.name.startsWith("ports-lb-") && (r.inputs.cidrIpv4 || r.inputs.cidrIpv6));
        assert.deepEqual(open, [], "the load balancer is not open to the internet");
    });

    it("80:8080 with defang:ingress alb-http: the load balancer serves plain HTTP on 80 to the internet; the endpoint is http:// without a port", async function () {
        const { registrations: rs, error, project } = await composeStack(recorder, "aws", PORTS_COMPOSE.published, { "defang:ingress": "alb-http" });
        assert.equal(error, undefined);
        assert.deepEqual(
            ofType(rs, LISTENER).map((l) => [l.inputs.port, l.inputs.protocol]),
            [[80, "HTTP"]],
        );
        assert.deepEqual(ofType(rs, DISTRIBUTION), []);
        assert.deepEqual(named(rs, "ports-web-rule-8080").inputs.conditions, [{ pathPattern: { values: ["/*"] } }]);
        assert.match((await valueOf(project!.endpoints)).web[0], /^http:\/\/[^:]+$/);
        const open = ofType(rs, SG_INGRESS)
            .filter((r) => r.name.startsWith("ports-lb-ingress-80-"))
            .map((r) => r.inputs.cidrIpv4 ?? r.inputs.cidrIpv6);
        assert.deepEqual(open.sort(), ["0.0.0.0/0", "::/0"]);
    });

    it("two services published on 80 with domain names: each has its HTTPS rule on 443, port 80 redirects to HTTPS by default, and no CloudFront", async function () {
        const { registrations: rs, error, project } = await composeStack(recorder, "aws", PORTS_COMPOSE.twoDomains);
        assert.equal(error, undefined);
        assert.deepEqual(
            ofType(rs, LISTENER)
                .map((l) => `${l.inputs.port}/${l.inputs.protocol}`)
                .sort(),
            ["443/HTTPS", "80/HTTP"],
        );
        assert.deepEqual(named(rs, "ports-listener-80").inputs.defaultActions, [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }]);
        for (const [service, domain] of [
            ["shop", "shop.example.com"],
            ["blog", "blog.example.com"],
        ] as const) {
            assert.deepEqual(named(rs, `ports-${service}-rule-https`).inputs.conditions, [{ hostHeader: { values: [domain] } }]);
            assert.deepEqual(named(rs, `ports-${service}-https-redirect`).inputs.conditions, [{ hostHeader: { values: [domain] } }]);
        }
        assert.deepEqual(ofType(rs, DISTRIBUTION), []);
        const endpoints = await valueOf(project!.endpoints);
        assert.deepEqual([endpoints.shop, endpoints.blog], [["https://shop.example.com"], ["https://blog.example.com"]]);
    });

    it("two services published on 80 with domain names, alb-http: each also has its host rule on 80, after the redirects", async function () {
        const { registrations: rs, error } = await composeStack(recorder, "aws", PORTS_COMPOSE.twoDomains, { "defang:ingress": "alb-http" });
        assert.equal(error, undefined);
        assert.deepEqual(named(rs, "ports-listener-80").inputs.defaultActions, [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }]);
        for (const [service, target, domain] of [
            ["shop", 3000, "shop.example.com"],
            ["blog", 4000, "blog.example.com"],
        ] as const) {
            assert.deepEqual(named(rs, `ports-${service}-rule-${target}`).inputs.conditions, [{ hostHeader: { values: [domain] } }]);
        }
        const priorities = ofType(rs, RULE).map((r) => r.inputs.priority as number);
        assert.ok(
            priorities.every((p) => p < 100),
            "host rules come first on their listeners",
        );
    });

    it("two services published on 80 without domain names: refused with the fix, at the port, nothing registered", async function () {
        const { registrations, error } = await composeStack(recorder, "aws", PORTS_COMPOSE.twoWithoutDomains);
        assert.ok(error instanceof UnsupportedFeaturesError, String(error));
        assert.deepEqual(
            error.features.map((f) => `${f.service}.${f.field}:${f.location?.line}:${f.location?.column}`),
            ["shop.ports[0]:5:13"],
        );
        assert.equal(error.features[0].message, 'public port 80 is also the public port of "blog", and the load balancer can tell them apart only by their domain names');
        assert.match(error.features[0].hint, /give one of them a `domainname`/);
        assert.equal(registrations.length, 0);
    });

    it("5432:5432 public: a network load balancer with its own security group, a TCP listener on 5432 and an ip target group", async function () {
        const { registrations: rs, error, project } = await composeStack(recorder, "aws", PORTS_COMPOSE.publicDatabase);
        assert.equal(error, undefined);
        assert.deepEqual(loadBalancers(rs), ["network"], "no HTTP load balancer");
        const nlb = named(rs, "ports-nlb");
        assert.deepEqual([nlb.inputs.internal, (nlb.inputs.securityGroups as unknown[]).length], [false, 1]);
        const listener = named(rs, "ports-db-nlb-listener-5432");
        assert.deepEqual([listener.inputs.port, listener.inputs.protocol, (listener.inputs.defaultActions as Array<{ type: string }>)[0].type], [5432, "TCP", "forward"]);
        const tg = named(rs, "ports-db-nlb-tg-5432");
        assert.deepEqual([tg.inputs.protocol, tg.inputs.port, tg.inputs.targetType, (tg.inputs.healthCheck as { protocol: string }).protocol], ["TCP", 5432, "ip", "TCP"]);
        const open = named(rs, "ports-nlb-ingress-5432");
        assert.deepEqual([open.inputs.ipProtocol, open.inputs.fromPort, open.inputs.cidrIpv4], ["tcp", 5432, "0.0.0.0/0"]);
        assert.deepEqual(serviceRules(rs, "db"), ["ports-db-sg-ingress-5432-project: tcp/5432 from ports-members-sg-id", "ports-db-sg-nlb-5432: tcp/5432 from ports-nlb-sg-id"]);
        assert.deepEqual(
            (named(rs, "ports-db-service").inputs.loadBalancers as Array<{ containerPort: number }>).map((l) => l.containerPort),
            [5432],
        );
        assert.match((await valueOf(project!.endpoints)).db[0], /^tcp:\/\/.+:5432$/);
    });

    it("53/udp: a UDP listener and target group, checked over TCP on the same port, admitted from the network load balancer", async function () {
        const { registrations: rs, error, project } = await composeStack(recorder, "aws", PORTS_COMPOSE.udp);
        assert.equal(error, undefined);
        assert.deepEqual(named(rs, "ports-dns-nlb-listener-53-udp").inputs.protocol, "UDP");
        const tg = named(rs, "ports-dns-nlb-tg-53-udp");
        assert.deepEqual([tg.inputs.protocol, tg.inputs.healthCheck], ["UDP", { enabled: true, protocol: "TCP", port: "53" }]);
        assert.deepEqual(serviceRules(rs, "dns"), [
            "ports-dns-sg-ingress-53-udp-project: udp/53 from ports-members-sg-id",
            "ports-dns-sg-nlb-53-udp: udp/53 from ports-nlb-sg-id",
            "ports-dns-sg-nlb-53: tcp/53 from ports-nlb-sg-id",
        ]);
        assert.deepEqual(named(rs, "ports-nlb-ingress-53-udp").inputs.ipProtocol, "udp");
        assert.match((await valueOf(project!.endpoints)).dns[0], /^udp:\/\/.+:53$/);
    });

    it("a TCP port of a service with a domain name and no HTTP port: a TLS listener with the domain's certificate, a TCP target group, the name pointed at the network load balancer", async function () {
        const { registrations: rs, error, project } = await composeStack(recorder, "aws", `name: ports\nservices:\n  mq:\n    image: eclipse-mosquitto:2\n    domainname: mq.example.com\n    ports: ["8883:1883"]\n`);
        assert.equal(error, undefined);
        const listener = named(rs, "ports-mq-nlb-listener-8883");
        assert.deepEqual([listener.inputs.protocol, listener.inputs.port, listener.inputs.sslPolicy, typeof listener.inputs.certificateArn], ["TLS", 8883, "ELBSecurityPolicy-TLS13-1-2-2021-06", "string"]);
        assert.equal(named(rs, "ports-mq-certificate").inputs.domainName, "mq.example.com");
        assert.deepEqual([named(rs, "ports-mq-nlb-tg-1883").inputs.protocol, named(rs, "ports-mq-nlb-tg-1883").inputs.port], ["TCP", 1883]);
        const alias = named(rs, "ports-mq-alias");
        assert.deepEqual([alias.inputs.name, alias.inputs.type], ["mq.example.com", "A"]);
        assert.equal(named(rs, "ports-nlb-ingress-8883").inputs.ipProtocol, "tcp");
        assert.deepEqual(loadBalancers(rs), ["network"]);
        assert.deepEqual((await valueOf(project!.endpoints)).mq, ["tls://mq.example.com:8883"]);
    });

    it("app_protocol grpc published on 443 with a domain: a gRPC target group behind the HTTPS listener, nothing on plain HTTP", async function () {
        const { registrations: rs, error } = await composeStack(recorder, "aws", PORTS_COMPOSE.grpc);
        assert.equal(error, undefined);
        assert.equal(named(rs, "ports-api-tg-50051").inputs.protocolVersion, "GRPC");
        assert.deepEqual(named(rs, "ports-api-rule-https").inputs.conditions, [{ hostHeader: { values: ["api.example.com"] } }]);
        assert.ok(!rs.some((r) => r.name === "ports-api-rule-50051"), "no plain HTTP rule");
        assert.deepEqual(loadBalancers(rs), ["application"]);
    });

    it("443 without a domain name: refused, since HTTPS needs a certificate", async function () {
        const { registrations, error } = await composeStack(recorder, "aws", `name: ports\nservices:\n  web:\n    image: nginx:1.27\n    ports: ["443:8080"]\n`);
        assert.ok(error instanceof UnsupportedFeaturesError, String(error));
        assert.deepEqual(
            error.features.map((f) => `${f.service}.${f.field}:${f.location?.line}`),
            ["web.ports[0]:5"],
        );
        assert.match(error.features[0].message, /public on port 443, the HTTPS port, but the service has no domainname/);
        assert.equal(registrations.length, 0);
    });
});
