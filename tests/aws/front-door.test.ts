/**
 * The AWS front doors of public HTTP ports (`defang:ingress`): what each refuses before anything
 * exists (pure), and the API Gateway door under mocks (an HTTP API through a VPC link to Cloud Map,
 * no load balancer, an https:// endpoint). CloudFront, the default, is in `ports.test.ts`.
 */
import { strict as assert } from "assert";
import { frontDoorProblems, isCloudFrontOriginPort } from "../../provider/src/clouds/aws/ingress/front-door-plan";
import { awsIngressOf } from "../../provider/src/clouds/aws/ingress/ingress-choice";
import { awsPreflight } from "../../provider/src/clouds/aws/preflight";
import { planIngress } from "../../provider/src/clouds/aws/ingress/routing-plan";
import { UnsupportedFeaturesError } from "../../provider/src/model/errors";
import { PortModel, ServiceModel } from "../../provider/src/model/types";
import { composeStack } from "../support/compose-stack";
import { MockRecorder, useMocks, valueOf } from "../support/pulumi-mocks";
import { serviceModel } from "../support/service-model";

const ingress = (target: number, extra: Partial<PortModel> = {}): PortModel => ({ target, protocol: "tcp", mode: "ingress", ...extra });
const web = (ports: PortModel[], extra: Partial<ServiceModel> = {}): ServiceModel => serviceModel({ ports, ...extra });
const lines = (model: ServiceModel, door: Parameters<typeof frontDoorProblems>[2]) => frontDoorProblems(model, planIngress(model), door).map((p) => `${p.service}.${p.field}: ${p.message}`);

describe("aws front door choice and limits (pure)", () => {
    it("defaults to CloudFront and refuses an unknown choice with the list", () => {
        assert.equal(awsIngressOf(undefined), "cloudfront");
        assert.equal(awsIngressOf("apigateway"), "apigateway");
        assert.throws(() => awsIngressOf("elb"), /argument `ingress` is "elb"; use one of cloudfront, alb-http, apigateway/);
    });

    it("CloudFront reaches origins on 80, 443 and 1024-65535: a port published on 81 is refused with the fix", () => {
        assert.deepEqual([80, 443, 1024, 8080, 65535].map(isCloudFrontOriginPort), [true, true, true, true, true]);
        assert.deepEqual([81, 1023, 8].map(isCloudFrontOriginPort), [false, false, false]);
        assert.deepEqual(lines(web([ingress(8080, { published: 81 })]), "cloudfront"), [
            "web.ports[0]: is published on port 81, which CloudFront (the HTTPS front door, defang:ingress cloudfront) cannot reach: it reaches origins on 80, 443 or 1024-65535",
        ]);
        assert.deepEqual(lines(web([ingress(8080, { published: 81 })]), "alb-http"), []);
    });

    it("API Gateway: WebSockets, a second public port and a domain name are each refused by name, all at once", () => {
        const model = web([ingress(8080, { published: 80, appProtocol: "ws" }), ingress(9000)], { domainname: "web.example.com" });
        assert.deepEqual(lines(model, "apigateway"), [
            "web.domainname: is not served by the API Gateway front door (defang:ingress apigateway): custom domains are not mapped to it yet",
            "web.ports[0]: declares app_protocol ws: API Gateway HTTP APIs (defang:ingress apigateway) do not carry WebSockets",
            "web.ports[1]: is a second public HTTP port: the API Gateway front door (defang:ingress apigateway) reaches one port of a service through Cloud Map",
        ]);
        assert.deepEqual(lines(web([ingress(8080, { published: 80 })]), "apigateway"), []);
        assert.deepEqual(lines(web([ingress(8080, { published: 80, appProtocol: "ws" })]), "cloudfront"), [], "CloudFront carries WebSockets");
    });

    it("API Gateway: gRPC is refused with the door's reason; the preflight reports it with its settings", () => {
        const model = web([ingress(50051, { published: 443, appProtocol: "grpc" })], { domainname: "api.example.com" });
        const refusals = awsPreflight.refusals([model], { awsIngress: "apigateway" }).map((p) => `${p.field}: ${p.message}`);
        assert.ok(refusals.includes("ports[0]: declares app_protocol grpc: API Gateway HTTP APIs (defang:ingress apigateway) speak HTTP/1.1 to the service (no gRPC, no HTTP/2)"), refusals.join("\n"));
        assert.deepEqual(awsPreflight.refusals([model], {}), [], "the default door with a domain name carries gRPC");
    });
});

describe("aws API Gateway front door (defang:ingress apigateway)", function () {
    this.timeout(30000);
    let recorder: MockRecorder;
    before(async function () {
        recorder = await useMocks();
    });

    it("an HTTP API per public port through the project's VPC link to the service's Cloud Map SRV record; no load balancer; an https:// endpoint", async function () {
        const { registrations: rs, error, project } = await composeStack(recorder, "aws", 'name: ports\nservices:\n  web:\n    image: nginx:1.27\n    ports: ["80:8080"]\n', { "defang:ingress": "apigateway" });
        assert.equal(error, undefined);
        const types = new Set(rs.map((r) => r.type));
        for (const t of ["aws:lb/loadBalancer:LoadBalancer", "aws:lb/listener:Listener", "aws:lb/targetGroup:TargetGroup", "aws:cloudfront/distribution:Distribution"]) assert.ok(!types.has(t), `no ${t}`);
        const one = (type: string) => {
            const found = rs.filter((r) => r.type === type);
            assert.equal(found.length, 1, type);
            return found[0];
        };
        assert.equal(one("aws:apigatewayv2/api:Api").inputs.protocolType, "HTTP");
        const integration = one("aws:apigatewayv2/integration:Integration").inputs;
        assert.deepEqual(
            [integration.integrationType, integration.connectionType, integration.connectionId, integration.integrationUri, integration.timeoutMilliseconds],
            ["HTTP_PROXY", "VPC_LINK", "ports-api-link-id", "arn:aws:mock:us-west-2:123456789012:service/ports-web-discovery", 30000],
        );
        assert.equal(one("aws:apigatewayv2/route:Route").inputs.routeKey, "$default");
        assert.deepEqual([one("aws:apigatewayv2/stage:Stage").inputs.name, one("aws:apigatewayv2/stage:Stage").inputs.autoDeploy], ["$default", true]);
        const discovery = rs.find((r) => r.name === "ports-web-discovery")!;
        assert.deepEqual(
            (discovery.inputs.dnsConfig as { dnsRecords: Array<{ type: string }> }).dnsRecords.map((d) => d.type),
            ["A", "SRV"],
        );
        const service = rs.find((r) => r.name === "ports-web-service")!;
        assert.deepEqual(service.inputs.serviceRegistries, { registryArn: "arn:aws:mock:us-west-2:123456789012:service/ports-web-discovery", containerName: "web", containerPort: 8080 });
        assert.deepEqual(service.inputs.loadBalancers, []);
        const admit = rs.find((r) => r.name === "ports-web-sg-ingress-8080")!;
        assert.equal(admit.inputs.referencedSecurityGroupId, "ports-api-link-sg-id");
        const linkIngress = rs.filter((r) => r.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule" && r.name.startsWith("ports-api-link"));
        assert.deepEqual(linkIngress, [], "nothing reaches the VPC link's group");
        assert.match((await valueOf(project!.endpoints)).web[0], /^https:\/\/[0-9a-f]+\.execute-api\.us-west-2\.amazonaws\.com$/);
    });

    it("refuses a WebSocket port before anything is registered", async function () {
        const yaml = "name: ports\nservices:\n  chat:\n    image: chat:1\n    ports:\n      - { target: 8080, published: 80, app_protocol: ws }\n";
        const { registrations, error } = await composeStack(recorder, "aws", yaml, { "defang:ingress": "apigateway" });
        assert.ok(error instanceof UnsupportedFeaturesError, String(error));
        assert.deepEqual(
            error.features.map((f) => `${f.service}.${f.field}`),
            ["chat.ports[0]"],
        );
        assert.match(error.features[0].hint, /defang:ingress cloudfront/);
        assert.equal(registrations.length, 0);
    });
});
