/**
 * One service on ECS Fargate, under mocks with a stand-in project infrastructure: the resources it
 * registers, the task definition's content, secrets kept in SSM parameters (never in the task
 * definition) and readable by exactly the execution role's policy, security group sources, load
 * balancer routing and domain, autoscaling, model access, names and parents, endpoints.
 */
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { WILDCARD_RESOURCE_ACTIONS } from "../../provider/src/clouds/aws/iam/iam-wildcards";
import { deployAwsService } from "../../provider/src/clouds/aws/compute/service";
import { AwsInfrastructure } from "../../provider/src/clouds/aws/types";
import { ConfigValues } from "../../provider/src/clouds/config-values";
import { MissingConfigError } from "../../provider/src/model/errors";
import { PortModel, ServiceModel } from "../../provider/src/model/types";
import { fakeAwsInfrastructure } from "../support/fake-aws-infrastructure";
import { isSecretValue, MockRecorder, Registration, setConfig, unwrapSecrets, useMocks, valueOf } from "../support/pulumi-mocks";
import { serviceModel } from "../support/service-model";

const CONFIG = { API_KEY: "s3cr3t", DB_PASSWORD: "pa55w0rd" };
const SECRET_KEYS = ["API_KEY", "DB_PASSWORD"];

class TestService extends pulumi.ComponentResource {
    constructor(name: string, opts: pulumi.ComponentResourceOptions) {
        super("test:index:Service", name, {}, opts);
    }
}

const T = {
    taskDefinition: "aws:ecs/taskDefinition:TaskDefinition",
    service: "aws:ecs/service:Service",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    egressRule: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    targetGroup: "aws:lb/targetGroup:TargetGroup",
    listenerRule: "aws:lb/listenerRule:ListenerRule",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    discovery: "aws:servicediscovery/service:Service",
    parameter: "aws:ssm/parameter:Parameter",
    certificate: "aws:acm/certificate:Certificate",
    certificateValidation: "aws:acm/certificateValidation:CertificateValidation",
    record: "aws:route53/record:Record",
    scalingTarget: "aws:appautoscaling/target:Target",
    scalingPolicy: "aws:appautoscaling/policy:Policy",
};

const ingress = (target: number, extra: Partial<PortModel> = {}): PortModel => ({ target, mode: "ingress", protocol: "tcp", ...extra });
const host = (target: number): PortModel => ({ target, mode: "host", protocol: "tcp" });

function service(extra: Partial<ServiceModel> = {}): ServiceModel {
    return serviceModel({
        ports: [ingress(8080, { published: 80 }), host(9090)],
        environment: [{ name: "LOG_LEVEL", value: { kind: "literal", value: "info" } }],
        replicas: 2,
        image: "ghcr.io/acme/web:1.2",
        ...extra,
    });
}

const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

describe("aws service", () => {
    let recorder: MockRecorder;

    before(async () => {
        recorder = await useMocks(CONFIG, SECRET_KEYS);
    });
    beforeEach(() => {
        setConfig(CONFIG, SECRET_KEYS);
        recorder.reset();
    });

    function deploy(model: ServiceModel, infra: AwsInfrastructure = fakeAwsInfrastructure(), name = model.name) {
        const parent = new TestService(name, recorder.opts());
        const deployment = deployAwsService({ name, model, parent, infra, config: new ConfigValues(new pulumi.Config()), dependsOn: [] });
        return { deployment, infra };
    }

    /** Registrations of the service's own resources (not the stand-in infrastructure's, nor the component). */
    const own = (name: string) => recorder.registrations.filter((r) => r.custom && r.name.startsWith(`${name}-`));
    const inputs = (r: Registration) => unwrapSecrets(r.inputs) as Record<string, any>;
    const containerOf = (r: Registration) => {
        const defs = JSON.parse(inputs(r).containerDefinitions as string) as Array<Record<string, any>>;
        assert.equal(defs.length, 1);
        return defs[0];
    };

    it("creates the resources of an image service with one ingress and one host port", async () => {
        deploy(service());
        await recorder.settle();
        const types = own("web")
            .map((r) => `${r.type} ${r.name}`)
            .sort();
        assert.deepEqual(
            types,
            [
                `${T.egressRule} web-sg-egress`,
                `${T.securityGroup} web-sg`,
                `${T.ingressRule} web-sg-host-9090`,
                `${T.ingressRule} web-sg-ingress-8080`,
                `${T.ingressRule} web-sg-ingress-8080-project`,
                `${T.role} web-task-role`,
                `${T.discovery} web-discovery`,
                `${T.service} web-service`,
                `${T.taskDefinition} web-task`,
                `${T.listenerRule} web-rule-8080`,
                `${T.targetGroup} web-tg-8080`,
            ].sort(),
        );
    });

    it("sizes, targets and fills the task definition", async () => {
        deploy(
            service({
                resources: { cpus: 0.5, memoryMiB: 3000 },
                architecture: "arm64",
                command: ["serve"],
                healthcheck: { test: ["CMD", "curl", "-f", "http://localhost:8080/healthz"], intervalSeconds: 1, timeoutSeconds: 5, retries: 3, startPeriodSeconds: 20, http: { path: "/healthz", port: 8080 } },
            }),
        );
        await recorder.settle();
        const task = inputs(recorder.one(T.taskDefinition, "web-task"));
        assert.equal(task.cpu, "512");
        assert.equal(task.memory, "3072");
        assert.deepEqual(task.runtimePlatform, { operatingSystemFamily: "LINUX", cpuArchitecture: "ARM64" });
        assert.equal(task.networkMode, "awsvpc");
        assert.deepEqual(task.requiresCompatibilities, ["FARGATE"]);
        assert.equal(task.family, "project-stack-web");
        assert.match(task.executionRoleArn, /infra-execution-role$/);
        assert.match(task.taskRoleArn, /web-task-role$/);
        const container = containerOf(recorder.one(T.taskDefinition, "web-task"));
        assert.equal(container.name, "web");
        assert.equal(container.image, "ghcr.io/acme/web:1.2");
        assert.deepEqual(container.command, ["serve"]);
        assert.deepEqual(container.portMappings, [
            { containerPort: 8080, protocol: "tcp" },
            { containerPort: 9090, protocol: "tcp" },
        ]);
        assert.deepEqual(container.environment, [{ name: "LOG_LEVEL", value: "info" }]);
        assert.deepEqual(container.healthCheck, { command: ["CMD", "curl", "-f", "http://localhost:8080/healthz"], interval: 5, timeout: 5, retries: 3, startPeriod: 20 });
        assert.deepEqual(container.logConfiguration.options, { "awslogs-group": "/defang/shop", "awslogs-region": "us-west-2", "awslogs-stream-prefix": "web" });
        // The load balancer probes the same path, and ECS waits the start period before trusting it.
        assert.equal(inputs(recorder.one(T.targetGroup, "web-tg-8080")).healthCheck.path, "/healthz");
        assert.equal(inputs(recorder.one(T.service, "web-service")).healthCheckGracePeriodSeconds, 20);
    });

    it("keeps config, template and input values in SecureString parameters, never in the task definition", async () => {
        const model = service({
            environment: [
                { name: "LOG_LEVEL", value: { kind: "literal", value: "info" } },
                { name: "API_KEY", value: { kind: "config", key: "API_KEY" } },
                { name: "DB_URL", value: { kind: "template", template: "postgres://app:${DB_PASSWORD}@db:5432/app", keys: ["DB_PASSWORD"] } },
                { name: "TOKEN", value: { kind: "input", value: pulumi.output("from-program") } },
            ],
        });
        deploy(model);
        await recorder.settle();
        const parameters = recorder.ofType(T.parameter);
        assert.deepEqual(parameters.map((p) => p.name).sort(), ["web-env-API_KEY", "web-env-DB_URL", "web-env-TOKEN"]);
        const byName = new Map(parameters.map((p) => [inputs(p).name as string, p]));
        assert.deepEqual([...byName.keys()].sort(), ["/defang/shop/stack/web/API_KEY", "/defang/shop/stack/web/DB_URL", "/defang/shop/stack/web/TOKEN"]);
        for (const p of parameters) {
            assert.equal(p.inputs.type, "SecureString");
            assert.ok(isSecretValue(p.inputs.value), `${p.name} value is a secret`);
        }
        assert.equal(inputs(byName.get("/defang/shop/stack/web/API_KEY")!).value, "s3cr3t");
        assert.equal(inputs(byName.get("/defang/shop/stack/web/DB_URL")!).value, "postgres://app:pa55w0rd@db:5432/app");
        assert.equal(inputs(byName.get("/defang/shop/stack/web/TOKEN")!).value, "from-program");

        const task = recorder.one(T.taskDefinition, "web-task");
        const json = inputs(task).containerDefinitions as string;
        for (const plain of ["s3cr3t", "pa55w0rd", "from-program"]) assert.ok(!json.includes(plain), `${plain} is not in the task definition`);
        const container = containerOf(task);
        assert.deepEqual(container.environment, [{ name: "LOG_LEVEL", value: "info" }]);
        const arnOf = (name: string) => `arn:aws:mock:us-west-2:123456789012:parameter/${name}`;
        assert.deepEqual(container.secrets, [
            { name: "API_KEY", valueFrom: arnOf("web-env-API_KEY") },
            { name: "DB_URL", valueFrom: arnOf("web-env-DB_URL") },
            { name: "TOKEN", valueFrom: arnOf("web-env-TOKEN") },
        ]);

        const policy = recorder.one(T.rolePolicy, "web-read-config");
        assert.equal(inputs(policy).role, "infra-execution-role-id");
        const doc = JSON.parse(inputs(policy).policy as string);
        assert.equal(doc.Statement.length, 1);
        assert.deepEqual(list(doc.Statement[0].Action), ["ssm:GetParameters"]);
        assert.deepEqual(doc.Statement[0].Resource, ["web-env-API_KEY", "web-env-DB_URL", "web-env-TOKEN"].map(arnOf));
    });

    it("lets the execution role pull the service's ECR image from its repository only, and no other registry's image", async () => {
        deploy(service({ image: "123456789012.dkr.ecr.us-west-2.amazonaws.com/team/web:1.2" }));
        await recorder.settle();
        const pull = recorder.one(T.rolePolicy, "web-pull-image");
        assert.equal(inputs(pull).role, "infra-execution-role-id");
        const doc = JSON.parse(inputs(pull).policy as string);
        assert.deepEqual(
            doc.Statement.map((st: { Resource: string }) => st.Resource),
            ["arn:aws:ecr:us-west-2:123456789012:repository/team/web"],
        );
        assert.ok(
            recorder.dependsOnUrns(T.service, "web-service").some((u) => u.endsWith("::web-pull-image")),
            "tasks start after the grant",
        );
        recorder.reset();
        deploy(service({ image: "ghcr.io/acme/web:1.2" }));
        await recorder.settle();
        assert.deepEqual(
            recorder.ofType(T.rolePolicy).filter((r) => r.name.endsWith("-pull-image")),
            [],
        );
    });

    it("refuses missing config before creating anything", async () => {
        setConfig({}, []);
        const infra = fakeAwsInfrastructure();
        await recorder.settle();
        recorder.reset();
        assert.throws(
            () => deploy(service({ environment: [{ name: "API_KEY", value: { kind: "config", key: "API_KEY" } }] }), infra),
            (e: unknown) => e instanceof MissingConfigError && /API_KEY/.test(e.message),
        );
        await recorder.settle();
        assert.deepEqual(own("web"), []);
    });

    it("admits ingress ports from the load balancer and the project's services, host ports from the project's services only", async () => {
        deploy(service());
        await recorder.settle();
        const rule = (name: string) => inputs(recorder.one(T.ingressRule, name));
        const fromLb = rule("web-sg-ingress-8080");
        assert.deepEqual([fromLb.securityGroupId, fromLb.referencedSecurityGroupId, fromLb.ipProtocol, fromLb.fromPort, fromLb.toPort], ["web-sg-id", "sg-alb", "tcp", 8080, 8080]);
        assert.equal(fromLb.cidrIpv4, undefined);
        const fromProject = rule("web-sg-ingress-8080-project");
        assert.deepEqual([fromProject.referencedSecurityGroupId, fromProject.fromPort, fromProject.toPort], ["sg-members", 8080, 8080]);
        assert.equal(recorder.ofType(T.ingressRule).filter((r) => r.name.startsWith("web-sg-")).length, 3, "nothing else is admitted");
        const fromMembers = rule("web-sg-host-9090");
        assert.deepEqual([fromMembers.referencedSecurityGroupId, fromMembers.fromPort, fromMembers.toPort], ["sg-members", 9090, 9090]);
        const egress = inputs(recorder.one(T.egressRule, "web-sg-egress"));
        assert.deepEqual([egress.ipProtocol, egress.cidrIpv4], ["-1", "0.0.0.0/0"]);
        assert.equal(inputs(recorder.one(T.securityGroup, "web-sg")).vpcId, "vpc-1");
    });

    it("runs in the task subnets, in its own and the members' groups, registered in the namespace", async () => {
        deploy(service());
        await recorder.settle();
        const svc = inputs(recorder.one(T.service, "web-service"));
        assert.deepEqual(svc.networkConfiguration, { subnets: ["subnet-public-a", "subnet-public-b"], securityGroups: ["web-sg-id", "sg-members"], assignPublicIp: true });
        assert.equal(svc.desiredCount, 2);
        assert.equal(svc.launchType, "FARGATE");
        assert.deepEqual(svc.deploymentCircuitBreaker, { enable: true, rollback: true });
        assert.deepEqual([svc.deploymentMinimumHealthyPercent, svc.deploymentMaximumPercent], [100, 200]);
        assert.deepEqual(svc.loadBalancers, [{ targetGroupArn: "arn:aws:mock:us-west-2:123456789012:targetgroup/web-tg-8080", containerName: "web", containerPort: 8080 }]);
        assert.equal(svc.healthCheckGracePeriodSeconds, 60);
        assert.deepEqual(svc.serviceRegistries, { registryArn: "arn:aws:mock:us-west-2:123456789012:service/web-discovery" });
        assert.deepEqual([svc.enableExecuteCommand, svc.propagateTags, svc.waitForSteadyState], [false, "SERVICE", false]);
        const discovery = inputs(recorder.one(T.discovery, "web-discovery"));
        assert.equal(discovery.name, "web");
        assert.deepEqual(discovery.dnsConfig, { namespaceId: "ns-1", dnsRecords: [{ type: "A", ttl: 10 }], routingPolicy: "MULTIVALUE" });
        assert.deepEqual(discovery.healthCheckCustomConfig, {});
        assert.equal(discovery.forceDestroy, true);
    });

    it("routes the ingress port to an ip target group through a catch-all rule on its public port", async () => {
        deploy(service());
        await recorder.settle();
        const tg = inputs(recorder.one(T.targetGroup, "web-tg-8080"));
        assert.deepEqual([tg.targetType, tg.protocol, tg.protocolVersion, tg.port, tg.vpcId, tg.deregistrationDelay], ["ip", "HTTP", "HTTP1", 8080, "vpc-1", 30]);
        assert.deepEqual([tg.healthCheck.path, tg.healthCheck.matcher], ["/", "200-399"]);
        const rule = inputs(recorder.one(T.listenerRule, "web-rule-8080"));
        assert.equal(rule.listenerArn, "arn:aws:mock:us-west-2:123456789012:listener/infra-listener-80");
        assert.deepEqual(rule.conditions, [{ pathPattern: { values: ["/*"] } }]);
        assert.deepEqual(rule.actions, [{ type: "forward", targetGroupArn: "arn:aws:mock:us-west-2:123456789012:targetgroup/web-tg-8080" }]);
    });

    it("gives two services on one listener distinct rule priorities", async () => {
        const infra = fakeAwsInfrastructure();
        deploy(service(), infra);
        deploy(service({ name: "api", ports: [ingress(3000, { published: 80 })] }), infra);
        await recorder.settle();
        const priorities = recorder.ofType(T.listenerRule).map((r) => inputs(r).priority as number);
        assert.equal(priorities.length, 2);
        assert.equal(new Set(priorities).size, 2);
        assert.deepEqual(
            recorder.ofType(T.listenerRule).map((r) => inputs(r).listenerArn),
            Array(2).fill("arn:aws:mock:us-west-2:123456789012:listener/infra-listener-80"),
        );
    });

    it("serves a domain name over HTTPS with a validated certificate and an alias to the load balancer", async () => {
        const { deployment } = deploy(service({ domainname: "shop.example.com" }));
        await recorder.settle();
        const zoneCall = recorder.calls.find((c) => c.token === "aws:route53/getZone:getZone");
        assert.equal(zoneCall?.inputs.name, "example.com");
        const cert = inputs(recorder.one(T.certificate, "web-certificate"));
        assert.deepEqual([cert.domainName, cert.validationMethod], ["shop.example.com", "DNS"]);
        const validation = inputs(recorder.one(T.record, "web-certificate-validation"));
        assert.deepEqual([validation.zoneId, validation.name, validation.type, validation.records], ["ZEXAMPLECOM", "_x.shop.example.com.", "CNAME", ["_y.acm-validations.aws."]]);
        assert.equal(inputs(recorder.one(T.certificateValidation, "web-certificate-validated")).certificateArn, "arn:aws:mock:us-west-2:123456789012:certificate/web-certificate");
        const https = inputs(recorder.one(T.listenerRule, "web-rule-https"));
        assert.equal(https.listenerArn, "arn:aws:mock:us-west-2:123456789012:listener/infra-listener-443");
        assert.deepEqual(https.conditions, [{ hostHeader: { values: ["shop.example.com"] } }]);
        assert.deepEqual(https.actions, [{ type: "forward", targetGroupArn: "arn:aws:mock:us-west-2:123456789012:targetgroup/web-tg-8080" }]);
        const alias = inputs(recorder.one(T.record, "web-alias"));
        assert.deepEqual([alias.zoneId, alias.name, alias.type], ["ZEXAMPLECOM", "shop.example.com", "A"]);
        assert.deepEqual(alias.aliases, [{ name: "infra-lb.us-west-2.elb.amazonaws.com", zoneId: "Z1H1FL5HABSF5", evaluateTargetHealth: true }]);
        assert.deepEqual(await valueOf(deployment.endpoints), ["https://shop.example.com", "web:9090"]);
    });

    it("looks the domain up in the zone named by defang:hostedZone", async () => {
        setConfig({ ...CONFIG, "defang:hostedZone": "example.co.uk" }, SECRET_KEYS);
        deploy(service({ domainname: "shop.example.co.uk" }));
        await recorder.settle();
        assert.equal(recorder.calls.find((c) => c.token === "aws:route53/getZone:getZone")?.inputs.name, "example.co.uk");
    });

    it("forwards gRPC at the domain over HTTPS only", async () => {
        deploy(service({ domainname: "rpc.example.com", ports: [ingress(50051, { appProtocol: "grpc" })] }));
        await recorder.settle();
        const tg = inputs(recorder.one(T.targetGroup, "web-tg-50051"));
        assert.deepEqual([tg.protocolVersion, tg.healthCheck.matcher], ["GRPC", "0-99"]);
        assert.deepEqual(
            recorder.ofType(T.listenerRule).map((r) => r.name),
            ["web-rule-https"],
        );
    });

    it("scales on CPU between the autoscaling bounds, starting at the minimum", async () => {
        deploy(service({ autoscaling: { minReplicas: 2, maxReplicas: 6, targetCpuPercent: 70 } }));
        await recorder.settle();
        const target = inputs(recorder.one(T.scalingTarget, "web-autoscaling-target"));
        assert.deepEqual([target.minCapacity, target.maxCapacity, target.serviceNamespace, target.scalableDimension], [2, 6, "ecs", "ecs:service:DesiredCount"]);
        assert.match(target.resourceId, /^service\/infra-cluster\/.+/);
        const policy = inputs(recorder.one(T.scalingPolicy, "web-autoscaling-policy"));
        assert.equal(policy.policyType, "TargetTrackingScaling");
        assert.deepEqual(policy.targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification, { predefinedMetricType: "ECSServiceAverageCPUUtilization" });
        assert.equal(policy.targetTrackingScalingPolicyConfiguration.targetValue, 70);
        assert.equal(inputs(recorder.one(T.service, "web-service")).desiredCount, 2);
    });

    it("allows zero replicas", async () => {
        deploy(service({ replicas: 0 }));
        await recorder.settle();
        assert.equal(inputs(recorder.one(T.service, "web-service")).desiredCount, 0);
    });

    it("lets a model service invoke exactly its models, in the project's region", async () => {
        deploy(service({ llm: { models: ["us.anthropic.claude-3-7-sonnet-20250219-v1:0", "amazon.nova-lite-v1:0"] } }));
        await recorder.settle();
        const policy = inputs(recorder.one(T.rolePolicy, "web-model-access"));
        assert.equal(policy.role, "web-task-role-id");
        const doc = JSON.parse(policy.policy as string);
        const invoke = doc.Statement.find((s: { Action: unknown }) => list(s.Action).includes("bedrock:InvokeModel"));
        assert.deepEqual(list(invoke.Action), ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]);
        assert.deepEqual(invoke.Resource, [
            "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0",
            "arn:aws:bedrock:*::foundation-model/anthropic.claude-3-7-sonnet-20250219-v1:0",
            "arn:aws:bedrock:us-west-2::foundation-model/amazon.nova-lite-v1:0",
        ]);
        const container = containerOf(recorder.one(T.taskDefinition, "web-task"));
        assert.deepEqual(container.environment, [
            { name: "LOG_LEVEL", value: "info" },
            { name: "AWS_REGION", value: "us-west-2" },
        ]);
        const trust = JSON.parse(inputs(recorder.one(T.role, "web-task-role")).assumeRolePolicy as string);
        assert.deepEqual(trust.Statement[0].Principal, { Service: "ecs-tasks.amazonaws.com" });
    });

    it("takes the models from the environment when none is named, and keeps a region the service sets", async () => {
        deploy(
            service({
                llm: { models: [] },
                environment: [
                    { name: "LLM_MODEL", value: { kind: "literal", value: "anthropic.claude-v2" } },
                    { name: "AWS_REGION", value: { kind: "literal", value: "us-east-1" } },
                ],
            }),
        );
        await recorder.settle();
        const doc = JSON.parse(inputs(recorder.one(T.rolePolicy, "web-model-access")).policy as string);
        assert.deepEqual(doc.Statement.find((s: { Sid: string }) => s.Sid === "InvokeModels").Resource, ["arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-v2"]);
        const container = containerOf(recorder.one(T.taskDefinition, "web-task"));
        assert.deepEqual(
            container.environment.filter((e: { name: string }) => e.name === "AWS_REGION"),
            [{ name: "AWS_REGION", value: "us-east-1" }],
        );
    });

    it("grants no Action * and Resource * only for the allowed wildcard actions, in every policy", async () => {
        deploy(service({ llm: { models: [] }, environment: [{ name: "API_KEY", value: { kind: "config", key: "API_KEY" } }] }));
        await recorder.settle();
        const docs = [
            ...recorder.ofType(T.rolePolicy).map((r) => JSON.parse(inputs(r).policy as string)),
            ...own("web")
                .filter((r) => r.type === T.role)
                .map((r) => JSON.parse(inputs(r).assumeRolePolicy as string)),
        ];
        assert.equal(docs.length, 3);
        let wildcards = 0;
        for (const doc of docs) {
            for (const s of doc.Statement) {
                for (const a of list(s.Action) as string[]) assert.ok(a !== "*" && !a.endsWith(":*"), `action ${a}`);
                if (list(s.Resource).includes("*")) {
                    wildcards++;
                    for (const a of list(s.Action) as string[]) assert.ok(WILDCARD_RESOURCE_ACTIONS.has(a), `${a} on Resource "*"`);
                }
            }
        }
        assert.equal(wildcards, 1);
        const invoke = JSON.parse(inputs(recorder.one(T.rolePolicy, "web-model-access")).policy as string).Statement[0];
        assert.deepEqual(invoke.Resource, ["arn:aws:bedrock:us-west-2::foundation-model/*"]);
    });

    it("names every child ${name}-<role> and parents it to the component, aliases included", async () => {
        deploy(
            service({
                name: "web",
                domainname: "shop.example.com",
                aliases: ["www", "frontend"],
                autoscaling: { minReplicas: 1, maxReplicas: 3, targetCpuPercent: 50 },
                llm: { models: [] },
                environment: [{ name: "API_KEY", value: { kind: "config", key: "API_KEY" } }],
            }),
            fakeAwsInfrastructure(),
            "shop-web",
        );
        await recorder.settle();
        const children = recorder.registrations.filter((r) => r.custom && !r.name.startsWith("infra-"));
        assert.ok(children.length >= 20, `${children.length} children`);
        for (const r of children) {
            assert.ok(r.name.startsWith("shop-web-"), `${r.type} ${r.name}`);
            assert.equal(r.parent, "shop-web", `${r.name} parent`);
            assert.equal(r.parentType, "test:index:Service", `${r.name} parent type`);
        }
        for (const alias of ["www", "frontend"]) {
            const record = inputs(recorder.one(T.record, `shop-web-alias-${alias}`));
            assert.deepEqual([record.name, record.type, record.records], [`${alias}.shop.internal`, "CNAME", ["web.shop.internal"]]);
        }
        assert.equal(inputs(recorder.one(T.taskDefinition, "shop-web-task")).family, "project-stack-shop-web");
    });

    it("gives one endpoint per port: the load balancer for ingress ports, the service name for host ports", async () => {
        const { deployment } = deploy(service({ ports: [ingress(8080, { published: 80 }), host(9090), ingress(3000)] }));
        await recorder.settle();
        assert.deepEqual(await valueOf(deployment.endpoints), ["http://infra-lb.us-west-2.elb.amazonaws.com", "web:9090", "http://infra-lb.us-west-2.elb.amazonaws.com:3000"]);
    });

    it("creates no load balancer routing for a service with host ports only", async () => {
        const { deployment } = deploy(service({ ports: [host(5432)] }));
        await recorder.settle();
        assert.deepEqual(recorder.ofType(T.targetGroup), []);
        assert.deepEqual(recorder.ofType(T.listenerRule), []);
        assert.equal(inputs(recorder.one(T.service, "web-service")).healthCheckGracePeriodSeconds, undefined);
        assert.deepEqual(await valueOf(deployment.endpoints), ["web:5432"]);
    });
});
