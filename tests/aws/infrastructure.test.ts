/**
 * The shared AWS infrastructure of a project, under mocks: network per NAT choice, private DNS,
 * cluster, logs, execution role, members group, and the lazily created load balancer, listeners and
 * build bucket. Every resource is a descendant of the given parent and named after the given name.
 */
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { InfrastructureNeeds, InfrastructureOptions } from "../../provider/src/clouds/backend";
import { createAwsInfrastructure } from "../../provider/src/clouds/aws/infrastructure";
import { WILDCARD_RESOURCE_ACTIONS } from "../../provider/src/clouds/aws/iam/iam-wildcards";
import { AwsInfrastructure } from "../../provider/src/clouds/aws/types";
import { MockRecorder, Registration, setConfig, unwrapSecrets, useMocks, valueOf } from "../support/pulumi-mocks";

class TestComponent extends pulumi.ComponentResource {
    constructor(type: string, name: string, opts: pulumi.ComponentResourceOptions) {
        super(`test:index:${type}`, name, {}, opts);
        this.registerOutputs({});
    }
}

const T = {
    vpc: "aws:ec2/vpc:Vpc",
    subnet: "aws:ec2/subnet:Subnet",
    igw: "aws:ec2/internetGateway:InternetGateway",
    routeTable: "aws:ec2/routeTable:RouteTable",
    route: "aws:ec2/route:Route",
    association: "aws:ec2/routeTableAssociation:RouteTableAssociation",
    eip: "aws:ec2/eip:Eip",
    nat: "aws:ec2/natGateway:NatGateway",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    egress: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    namespace: "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace",
    dhcp: "aws:ec2/vpcDhcpOptions:VpcDhcpOptions",
    dhcpAssociation: "aws:ec2/vpcDhcpOptionsAssociation:VpcDhcpOptionsAssociation",
    record: "aws:route53/record:Record",
    cluster: "aws:ecs/cluster:Cluster",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    attachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    lb: "aws:lb/loadBalancer:LoadBalancer",
    listener: "aws:lb/listener:Listener",
    listenerCertificate: "aws:lb/listenerCertificate:ListenerCertificate",
    listenerRule: "aws:lb/listenerRule:ListenerRule",
    bucket: "aws:s3/bucket:Bucket",
    publicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    encryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
};

const NO_NEEDS: InfrastructureNeeds = { ingress: false, domains: [], builds: false };
const OPTIONS: InfrastructureOptions = { nat: "none", logRetentionDays: 14, deletionProtection: false, redisTls: true, retainVolumes: true };

type Statement = { Effect: string; Action: string | string[]; Resource?: string | string[]; Principal?: unknown };
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const input = (r: Registration, key: string) => unwrapSecrets(r.inputs[key]) as any;

describe("aws shared infrastructure", function () {
    let recorder: MockRecorder;
    let parent: TestComponent;

    before(async () => {
        recorder = await useMocks();
    });
    beforeEach(() => {
        recorder.reset();
        parent = new TestComponent("Project", "shop", recorder.opts());
    });

    function create(options: Partial<InfrastructureOptions> = {}, needs: Partial<InfrastructureNeeds> = {}): AwsInfrastructure {
        return createAwsInfrastructure({ name: "infra", projectName: "shop", needs: { ...NO_NEEDS, ...needs }, options: { ...OPTIONS, ...options }, parent });
    }

    function count(type: string): number {
        return recorder.ofType(type).length;
    }

    describe("network", () => {
        it("has a VPC with DNS, public and private subnets in two zones, and no NAT by default", async () => {
            const infra = create({ nat: "none" });
            await recorder.settle();
            const vpc = recorder.one(T.vpc, "infra-vpc");
            assert.equal(vpc.inputs.cidrBlock, "10.0.0.0/16");
            assert.equal(vpc.inputs.enableDnsSupport, true);
            assert.equal(vpc.inputs.enableDnsHostnames, true);
            assert.equal(infra.vpcCidr, "10.0.0.0/16");

            const subnets = recorder.ofType(T.subnet);
            assert.deepEqual(subnets.map((s) => s.name).sort(), ["infra-private-subnet-1", "infra-private-subnet-2", "infra-public-subnet-1", "infra-public-subnet-2"]);
            for (const tier of ["public", "private"]) {
                const zones = [1, 2].map((i) => recorder.one(T.subnet, `infra-${tier}-subnet-${i}`).inputs.availabilityZone);
                assert.deepEqual(zones, ["us-west-2a", "us-west-2b"], `${tier} subnets span the first two zones`);
            }
            for (const s of subnets) {
                assert.equal(s.inputs.vpcId, "infra-vpc-id");
                assert.equal(s.inputs.mapPublicIpOnLaunch, false);
            }
            assert.deepEqual(subnets.map((s) => s.inputs.cidrBlock).sort(), ["10.0.0.0/20", "10.0.128.0/20", "10.0.144.0/20", "10.0.16.0/20"]);

            assert.equal(count(T.igw), 1);
            assert.equal(count(T.eip), 0);
            assert.equal(count(T.nat), 0);
            assert.equal(count(T.routeTable), 3);
            assert.equal(count(T.association), 4);
            const routes = recorder.ofType(T.route);
            assert.equal(routes.length, 1, "only the public default route");
            assert.deepEqual([routes[0].inputs.destinationCidrBlock, routes[0].inputs.gatewayId, routes[0].inputs.routeTableId], ["0.0.0.0/0", "infra-igw-id", "infra-public-routes-id"]);
            for (const i of [1, 2]) {
                assert.equal(recorder.one(T.association, `infra-public-subnet-${i}-routes`).inputs.routeTableId, "infra-public-routes-id");
                assert.equal(recorder.one(T.association, `infra-private-subnet-${i}-routes`).inputs.routeTableId, `infra-private-routes-${i}-id`);
            }

            assert.deepEqual(await Promise.all(infra.publicSubnetIds.map(valueOf)), ["infra-public-subnet-1-id", "infra-public-subnet-2-id"]);
            assert.deepEqual(await Promise.all(infra.privateSubnetIds.map(valueOf)), ["infra-private-subnet-1-id", "infra-private-subnet-2-id"]);
            assert.deepEqual(await Promise.all(infra.taskSubnetIds.map(valueOf)), ["infra-public-subnet-1-id", "infra-public-subnet-2-id"]);
            assert.equal(infra.assignPublicIp, true);
            assert.equal(await valueOf(infra.vpcId), "infra-vpc-id");
        });

        it("routes both private subnets through one NAT gateway with nat=single", async () => {
            const infra = create({ nat: "single" });
            await recorder.settle();
            assert.equal(count(T.eip), 1);
            assert.equal(recorder.one(T.eip, "infra-nat-eip-1").inputs.domain, "vpc");
            const nat = recorder.one(T.nat, "infra-nat-1");
            assert.equal(nat.inputs.allocationId, "infra-nat-eip-1-id");
            assert.equal(nat.inputs.subnetId, "infra-public-subnet-1-id");
            const routes = recorder.ofType(T.route);
            assert.equal(routes.length, 3);
            for (const i of [1, 2]) {
                const r = recorder.one(T.route, `infra-private-nat-route-${i}`);
                assert.deepEqual([r.inputs.routeTableId, r.inputs.destinationCidrBlock, r.inputs.natGatewayId], [`infra-private-routes-${i}-id`, "0.0.0.0/0", "infra-nat-1-id"]);
            }
            assert.deepEqual(await Promise.all(infra.taskSubnetIds.map(valueOf)), ["infra-private-subnet-1-id", "infra-private-subnet-2-id"]);
            assert.equal(infra.assignPublicIp, false);
        });

        it("gives each zone its own NAT gateway with nat=per-az", async () => {
            const infra = create({ nat: "per-az" });
            await recorder.settle();
            assert.equal(count(T.eip), 2);
            assert.equal(count(T.nat), 2);
            for (const i of [1, 2]) {
                const nat = recorder.one(T.nat, `infra-nat-${i}`);
                assert.equal(nat.inputs.subnetId, `infra-public-subnet-${i}-id`, "each NAT gateway in its own zone's public subnet");
                assert.equal(recorder.one(T.route, `infra-private-nat-route-${i}`).inputs.natGatewayId, `infra-nat-${i}-id`);
            }
            assert.equal(infra.assignPublicIp, false);
        });
    });

    describe("private DNS", () => {
        it("makes <project>.internal the VPC's search domain and a Cloud Map namespace", async () => {
            const infra = create();
            await recorder.settle();
            assert.equal(infra.privateDomain, "shop.internal");
            const dhcp = recorder.one(T.dhcp, "infra-dhcp-options");
            assert.equal(dhcp.inputs.domainName, "shop.internal");
            assert.deepEqual(dhcp.inputs.domainNameServers, ["AmazonProvidedDNS"]);
            const association = recorder.one(T.dhcpAssociation);
            assert.deepEqual([association.inputs.vpcId, association.inputs.dhcpOptionsId], ["infra-vpc-id", "infra-dhcp-options-id"]);
            const namespace = recorder.one(T.namespace, "infra-namespace");
            assert.deepEqual([namespace.inputs.name, namespace.inputs.vpc], ["shop.internal", "infra-vpc-id"]);
            assert.equal(await valueOf(infra.namespaceId), "infra-namespace-id");
            assert.equal(await valueOf(infra.privateZoneId), "ZINFRANAMESPACE");
        });

        it("adds a CNAME under the private domain, owned by the caller", async () => {
            const infra = create();
            const owner = new TestComponent("Postgres", "db", { parent });
            infra.addDnsName("db-dns", "db", "db.abc.rds.amazonaws.com", owner);
            await recorder.settle();
            const record = recorder.one(T.record, "db-dns");
            assert.deepEqual(
                { zoneId: record.inputs.zoneId, name: record.inputs.name, type: record.inputs.type, ttl: record.inputs.ttl, records: record.inputs.records },
                { zoneId: "ZINFRANAMESPACE", name: "db.shop.internal", type: "CNAME", ttl: 30, records: ["db.abc.rds.amazonaws.com"] },
            );
            assert.equal(record.parent, "db");
        });
    });

    describe("cluster, logs and roles", () => {
        it("creates a cluster without Container Insights and a log group with the retention asked for", async () => {
            const infra = create({ logRetentionDays: 14 });
            await recorder.settle();
            assert.deepEqual(recorder.one(T.cluster, "infra-cluster").inputs.settings, [{ name: "containerInsights", value: "disabled" }]);
            assert.equal(recorder.one(T.logGroup, "infra-logs").inputs.retentionInDays, 14);
            assert.equal(await valueOf(infra.clusterArn), "arn:aws:mock:us-west-2:123456789012:cluster/infra-cluster");
            assert.equal(await valueOf(infra.logGroupName), "infra-logs");
        });

        it("scopes the execution role: trusted by ECS tasks, no managed policy, no wildcard beyond the allowed list", async () => {
            create();
            await recorder.settle();
            const role = recorder.one(T.role, "infra-execution-role");
            const trust = JSON.parse(role.inputs.assumeRolePolicy as string) as { Statement: Statement[] };
            assert.deepEqual(
                trust.Statement.map((s) => s.Principal),
                [{ Service: "ecs-tasks.amazonaws.com" }],
            );
            assert.equal(count(T.attachment), 0, "no managed policy attached");

            const policy = recorder.one(T.rolePolicy, "infra-execution-policy");
            assert.equal(policy.inputs.role, "infra-execution-role");
            const statements = (JSON.parse(input(policy, "policy")) as { Statement: Statement[] }).Statement;
            const actions = statements.flatMap((s) => list(s.Action));
            assert.ok(!actions.includes("*"), "no Action *");
            for (const a of actions) assert.ok(!/\*/.test(a), `action ${a} names one action`);
            for (const s of statements) {
                if (list(s.Resource).includes("*")) for (const a of list(s.Action)) assert.ok(WILDCARD_RESOURCE_ACTIONS.has(a), `${a} may not be granted on Resource "*"`);
            }
            const resourceOf = (action: string) => statements.find((s) => list(s.Action).includes(action))?.Resource;
            assert.equal(resourceOf("ecr:GetAuthorizationToken"), "*");
            assert.equal(resourceOf("ecr:BatchGetImage"), undefined, "pulls are granted per service, for its own repository");
            assert.equal(resourceOf("logs:PutLogEvents"), "arn:aws:mock:us-west-2:123456789012:loggroup/infra-logs:*");
            assert.equal(resourceOf("logs:CreateLogStream"), "arn:aws:mock:us-west-2:123456789012:loggroup/infra-logs:*");
        });

        it("makes the members group a marker: no ingress, all egress", async () => {
            const infra = create({}, { ingress: true });
            await recorder.settle();
            const members = recorder.one(T.sg, "infra-members-sg");
            assert.equal(members.inputs.ingress, undefined);
            assert.equal(await valueOf(infra.membersSecurityGroupId), "infra-members-sg-id");
            assert.equal(recorder.ofType(T.ingress).filter((r) => r.inputs.securityGroupId === "infra-members-sg-id").length, 0);
            const egress = recorder.ofType(T.egress).filter((r) => r.inputs.securityGroupId === "infra-members-sg-id");
            assert.deepEqual(
                egress.map((r) => [r.inputs.ipProtocol, r.inputs.cidrIpv4]),
                [["-1", "0.0.0.0/0"]],
            );
        });

        it("knows the region, account, partition, parameter prefix and tags", async () => {
            const infra = create();
            await recorder.settle();
            assert.deepEqual(await Promise.all([valueOf(infra.region), valueOf(infra.accountId), valueOf(infra.partition)]), ["us-west-2", "123456789012", "aws"]);
            assert.equal(infra.parameterPrefix, "/defang/shop/stack/", "per project and stack: two stacks in one account do not collide");
            assert.deepEqual(infra.tags, { "defang:project": "shop", "managed-by": "pulumi-defang" });
            assert.equal(infra.cloud, "aws");
            assert.equal(infra.projectName, "shop");
            assert.equal(infra.name, "infra");
            assert.equal(infra.component, parent);
            assert.equal(await valueOf(infra.executionRole.name), "infra-execution-role");
            for (const r of recorder.registrations.filter((r) => r.inputs.tags !== undefined)) {
                assert.equal((r.inputs.tags as Record<string, string>)["defang:project"], "shop", `${r.name} is tagged`);
            }
        });
    });

    describe("load balancer behind CloudFront (the default)", () => {
        it("admits only CloudFront's origin-facing prefix list, on one rule, and makes a secret origin header", async () => {
            const lb = create().loadBalancer();
            lb.httpListener(80);
            lb.httpListener(3000);
            await recorder.settle();
            const rules = recorder.ofType(T.ingress);
            assert.deepEqual(
                rules.map((r) => [r.name, r.inputs.fromPort, r.inputs.toPort, r.inputs.prefixListId, r.inputs.cidrIpv4, r.inputs.cidrIpv6]),
                [["infra-lb-ingress-cloudfront", 1, 65535, "pl-3b927c52", undefined, undefined]],
                "nothing open to the internet",
            );
            const prefixList = recorder.calls.find((c) => c.token === "aws:ec2/getManagedPrefixList:getManagedPrefixList");
            assert.equal(prefixList?.inputs.name, "com.amazonaws.global.cloudfront.origin-facing");
            const secret = recorder.one("random:index/randomPassword:RandomPassword", "infra-origin-secret");
            assert.deepEqual([secret.inputs.length, secret.inputs.special], [32, false]);
            assert.equal(lb.originHeader?.name, "X-Origin-Verify");
            assert.ok(await pulumi.isSecret(lb.originHeader!.value), "the header value is a secret");
            const listener = recorder.one(T.listener, "infra-listener-80");
            assert.deepEqual(
                listener.inputs.defaultActions,
                [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", messageBody: "no service here", statusCode: "404" } }],
                "no domain: port 80 answers 404 to whatever is not CloudFront's",
            );
        });

        it("with a domain name in the project: port 80's default action redirects to HTTPS, and 443 and 80 are open to the internet", async () => {
            const lb = create({}, { domains: ["web.example.com"] }).loadBalancer();
            lb.httpsListener(pulumi.output("arn:cert:web"), "web.example.com", parent, "web");
            await recorder.settle();
            const http = recorder.one(T.listener, "infra-listener-80");
            assert.deepEqual(http.inputs.defaultActions, [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }]);
            const open = recorder
                .ofType(T.ingress)
                .filter((r) => r.inputs.cidrIpv4 || r.inputs.cidrIpv6)
                .map((r) => `${r.inputs.fromPort} ${r.inputs.cidrIpv4 ?? r.inputs.cidrIpv6}`);
            assert.deepEqual(open.sort(), ["443 0.0.0.0/0", "443 ::/0", "80 0.0.0.0/0", "80 ::/0"]);
        });
    });

    describe("load balancer (defang:ingress alb-http)", () => {
        before(() => setConfig({ "defang:ingress": "alb-http" }));
        after(() => setConfig({}));

        it("refuses an unknown front door by name", () => {
            setConfig({ "defang:ingress": "nginx" });
            try {
                assert.throws(() => create(), /argument `ingress` is "nginx"; use one of cloudfront, alb-http, apigateway/);
            } finally {
                setConfig({ "defang:ingress": "alb-http" });
            }
        });

        it("makes no origin secret and asks for no prefix list", async () => {
            create().loadBalancer().httpListener(80);
            await recorder.settle();
            assert.equal(recorder.ofType("random:index/randomPassword:RandomPassword").length, 0);
            assert.ok(!recorder.calls.some((c) => c.token === "aws:ec2/getManagedPrefixList:getManagedPrefixList"));
        });

        it("is not created until asked for, and then once", async () => {
            const infra = create();
            await recorder.settle();
            assert.equal(count(T.lb), 0);
            const first = infra.loadBalancer();
            assert.equal(infra.loadBalancer(), first);
            await recorder.settle();
            const lb = recorder.one(T.lb, "infra-lb");
            assert.equal(lb.inputs.internal, false);
            assert.equal(lb.inputs.loadBalancerType, "application");
            assert.equal(lb.inputs.dropInvalidHeaderFields, true);
            assert.equal(lb.inputs.idleTimeout, undefined);
            assert.deepEqual(lb.inputs.subnets, ["infra-public-subnet-1-id", "infra-public-subnet-2-id"]);
            assert.deepEqual(lb.inputs.securityGroups, ["infra-lb-sg-id"]);
            assert.equal(await valueOf(first.dnsName), "infra-lb.us-west-2.elb.amazonaws.com");
            assert.equal(await valueOf(first.securityGroupId), "infra-lb-sg-id");
            assert.equal(count(T.listener), 0, "no listener before one is asked for");
            assert.equal(recorder.ofType(T.ingress).length, 0, "no port open before a listener exists");
            const egress = recorder.one(T.egress, "infra-lb-egress");
            assert.deepEqual([egress.inputs.securityGroupId, egress.inputs.cidrIpv4], ["infra-lb-sg-id", "10.0.0.0/16"]);
        });

        it("is created up front when the project needs ingress", async () => {
            const infra = create({}, { ingress: true });
            await recorder.settle();
            assert.equal(count(T.lb), 1);
            infra.loadBalancer();
            await recorder.settle();
            assert.equal(count(T.lb), 1);
        });

        it("creates one HTTP listener per port, opens that port, and hands out increasing priorities", async () => {
            const lb = create().loadBalancer();
            const a = lb.httpListener(8080);
            const b = lb.httpListener(8080);
            const other = lb.httpListener(3000);
            assert.equal(a, b);
            assert.deepEqual([a.nextPriority(), b.nextPriority(), a.nextPriority(), other.nextPriority()], [1, 2, 3, 1]);
            await recorder.settle();
            const listener = recorder.one(T.listener, "infra-listener-8080");
            assert.deepEqual([listener.inputs.port, listener.inputs.protocol, listener.inputs.loadBalancerArn], [8080, "HTTP", "arn:aws:mock:us-west-2:123456789012:loadbalancer/infra-lb"]);
            assert.deepEqual(listener.inputs.defaultActions, [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", messageBody: "no service here", statusCode: "404" } }]);
            assert.equal(count(T.listener), 2);
            assert.equal(a.port, 8080);
            assert.equal(await valueOf(a.arn), "arn:aws:mock:us-west-2:123456789012:listener/infra-listener-8080");
            const rules = recorder.ofType(T.ingress).map((r) => `${r.inputs.fromPort}-${r.inputs.toPort} ${r.inputs.cidrIpv4 ?? r.inputs.cidrIpv6}`);
            assert.deepEqual(rules.sort(), ["3000-3000 0.0.0.0/0", "3000-3000 ::/0", "8080-8080 0.0.0.0/0", "8080-8080 ::/0"]);
            for (const r of recorder.ofType(T.ingress)) assert.equal(r.inputs.securityGroupId, "infra-lb-sg-id");
        });

        it("creates one HTTPS listener, attaches later certificates, and redirects each host from port 80", async () => {
            const lb = create().loadBalancer();
            const web = new TestComponent("Service", "web", { parent });
            const api = new TestComponent("Service", "api", { parent });
            const first = lb.httpsListener(pulumi.output("arn:cert:web"), "web.example.com", web, "web");
            const second = lb.httpsListener(pulumi.output("arn:cert:api"), "api.example.com", api, "api");
            assert.equal(first, second);
            await recorder.settle();

            const https = recorder.one(T.listener, "infra-listener-443");
            assert.deepEqual([https.inputs.port, https.inputs.protocol, https.inputs.sslPolicy, https.inputs.certificateArn], [443, "HTTPS", "ELBSecurityPolicy-TLS13-1-2-2021-06", "arn:cert:web"]);
            assert.equal((https.inputs.defaultActions as Array<{ fixedResponse: { statusCode: string } }>)[0].fixedResponse.statusCode, "404");

            const certificate = recorder.one(T.listenerCertificate);
            assert.equal(certificate.name, "api-listener-certificate");
            assert.equal(certificate.parent, "api");
            assert.deepEqual([certificate.inputs.listenerArn, certificate.inputs.certificateArn], ["arn:aws:mock:us-west-2:123456789012:listener/infra-listener-443", "arn:cert:api"]);

            const http = recorder.one(T.listener, "infra-listener-80");
            assert.equal(http.inputs.protocol, "HTTP");
            const redirects = recorder.ofType(T.listenerRule);
            assert.deepEqual(
                redirects.map((r) => [r.name, r.parent, r.inputs.priority]),
                [
                    ["web-https-redirect", "web", 1],
                    ["api-https-redirect", "api", 2],
                ],
            );
            for (const [r, host] of [
                [redirects[0], "web.example.com"],
                [redirects[1], "api.example.com"],
            ] as const) {
                assert.equal(r.inputs.listenerArn, "arn:aws:mock:us-west-2:123456789012:listener/infra-listener-80");
                assert.deepEqual(r.inputs.conditions, [{ hostHeader: { values: [host] } }]);
                assert.deepEqual(r.inputs.actions, [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }]);
            }
            assert.equal(lb.httpListener(80).nextPriority(), 3, "services on port 80 get the priorities after the redirects");
            const ports = [...new Set(recorder.ofType(T.ingress).map((r) => r.inputs.fromPort))].sort();
            assert.deepEqual(ports, [443, 80]);
        });

        it("refuses plain HTTP and HTTPS on the same port", () => {
            const lb = create().loadBalancer();
            lb.httpsListener(pulumi.output("arn:cert"), "web.example.com", parent, "web");
            assert.throws(() => lb.httpListener(443), /HTTPS listener/);
            const other = createAwsInfrastructure({ name: "other", projectName: "shop", needs: NO_NEEDS, options: OPTIONS, parent }).loadBalancer();
            other.httpListener(443);
            assert.throws(() => other.httpsListener(pulumi.output("arn:cert"), "web.example.com", parent, "web2"), /plain HTTP/);
            assert.throws(() => other.httpListener(0), /not a port number/);
        });
    });

    describe("build bucket", () => {
        it("is created on first use, once: private, encrypted, expiring, TLS only", async () => {
            const infra = create();
            await recorder.settle();
            assert.equal(count(T.bucket), 0);
            const bucket = infra.buildBucket();
            assert.equal(infra.buildBucket(), bucket);
            await recorder.settle();
            assert.equal(recorder.one(T.bucket, "infra-builds").inputs.forceDestroy, true);
            const block = recorder.one(T.publicAccessBlock, "infra-builds-public-access-block");
            assert.equal(block.inputs.bucket, "infra-builds-id");
            for (const k of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]) assert.equal(block.inputs[k], true, k);
            const encryption = recorder.one(T.encryption, "infra-builds-encryption");
            assert.deepEqual(encryption.inputs.rules, [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }]);
            const lifecycle = recorder.one(T.lifecycle, "infra-builds-lifecycle");
            const rules = lifecycle.inputs.rules as Array<{ status: string; expiration: { days: number } }>;
            assert.deepEqual(
                rules.map((r) => [r.status, r.expiration.days]),
                [["Enabled", 30]],
            );
            assert.deepEqual(recorder.one(T.ownership, "infra-builds-ownership").inputs.rule, { objectOwnership: "BucketOwnerEnforced" });
            const policy = JSON.parse(input(recorder.one(T.bucketPolicy, "infra-builds-tls-only"), "policy")) as { Statement: Array<Statement & { Condition: unknown }> };
            assert.deepEqual(
                policy.Statement.map((s) => [s.Effect, s.Condition]),
                [["Deny", { Bool: { "aws:SecureTransport": "false" } }]],
            );
        });

        it("is created up front when the project builds from source", async () => {
            create({}, { builds: true });
            await recorder.settle();
            assert.equal(count(T.bucket), 1);
        });
    });

    it("parents every resource under the given component and names it after the given name", async () => {
        const infra = create({ nat: "per-az" }, { ingress: true, builds: true });
        infra.loadBalancer().httpListener(8080);
        infra.loadBalancer().httpsListener(pulumi.output("arn:cert"), "web.example.com", parent, "infra-web");
        infra.buildBucket();
        await recorder.settle();
        const children = recorder.registrations.filter((r) => r.name !== "shop");
        assert.ok(children.length > 40, `${children.length} resources`);
        for (const r of children) {
            assert.equal(r.parent, "shop", `${r.type} ${r.name} is a child of the project component`);
            assert.equal(r.parentType, "test:index:Project", `${r.name}'s URN is under the project component`);
            assert.match(r.name, /^infra-/, `${r.type} ${r.name} is named after the infrastructure`);
        }
        const invokes = recorder.calls.map((c) => c.token).sort();
        assert.deepEqual(invokes, [
            "aws:ec2/getManagedPrefixList:getManagedPrefixList",
            "aws:index/getAvailabilityZones:getAvailabilityZones",
            "aws:index/getCallerIdentity:getCallerIdentity",
            "aws:index/getPartition:getPartition",
            "aws:index/getRegion:getRegion",
        ]);
    });
});
