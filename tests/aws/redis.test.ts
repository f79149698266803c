/**
 * Redis and Valkey on ElastiCache, under mocks: the resources, their names and parent; encryption
 * at rest and in transit with a generated AUTH token kept secret; ingress only from the project's
 * services on the cache port; a final snapshot; the engine, version and node type mapping; the
 * private DNS names; and `defang:redisTls false`, which turns TLS and the token off.
 */
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { deployAwsRedis } from "../../provider/src/clouds/aws/data/redis";
import { RedisDeployment } from "../../provider/src/clouds/backend";
import { ConfigValues } from "../../provider/src/clouds/config-values";
import { UnsupportedFeaturesError } from "../../provider/src/model/errors";
import { RedisModel } from "../../provider/src/model/types";
import { fakeAwsInfrastructure } from "../support/fake-aws-infrastructure";
import { MockRecorder, isSecretValue, setConfig, unwrapSecrets, useMocks, valueOf } from "../support/pulumi-mocks";

class Owner extends pulumi.ComponentResource {
    constructor(name: string, opts: pulumi.ComponentResourceOptions) {
        super("test:index:Redis", name, {}, opts);
        this.registerOutputs({});
    }
}

function model(over: Partial<RedisModel> = {}): RedisModel {
    return { kind: "redis", name: "sessions", aliases: [], ports: [], resources: {}, dependsOn: [], features: [], engine: "valkey", replicas: 1, ...over };
}

const RG = "aws:elasticache/replicationGroup:ReplicationGroup";
const TOKEN = "random:index/randomPassword:RandomPassword";

describe("aws redis", () => {
    let recorder: MockRecorder;
    /** `protect` of each resource, by name, as its options said. */
    let protect: Map<string, boolean | undefined>;

    before(async () => {
        recorder = await useMocks({});
    });
    beforeEach(() => {
        recorder.reset();
        protect = new Map();
    });
    afterEach(() => setConfig({}));

    function deploy(m: RedisModel, deletionProtection = false): RedisDeployment {
        const record: pulumi.ResourceTransformation = (args) => {
            protect.set(args.name, args.opts.protect);
            return undefined;
        };
        const parent = new Owner("sessions", recorder.opts({ transformations: [record] }));
        return deployAwsRedis({ name: "sessions", model: m, parent, infra: fakeAwsInfrastructure("shop", deletionProtection), config: new ConfigValues(), dependsOn: [] });
    }
    const inputs = (type: string, name: string) => unwrapSecrets(recorder.one(type, name).inputs) as Record<string, unknown>;

    it("creates the subnet group, security group, ingress rule, AUTH token, replication group and DNS name, all children of the component", async () => {
        deploy(model());
        await recorder.settle();
        const expected: Array<[string, string]> = [
            ["aws:elasticache/subnetGroup:SubnetGroup", "sessions-subnets"],
            ["aws:ec2/securityGroup:SecurityGroup", "sessions-sg"],
            ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "sessions-ingress-6379"],
            [TOKEN, "sessions-auth-token"],
            [RG, "sessions-cache"],
            ["aws:route53/record:Record", "sessions-dns"],
        ];
        for (const [type, name] of expected) {
            const r = recorder.one(type, name);
            assert.equal(r.parent, "sessions", `${name} parent`);
            assert.equal(r.parentType, "test:index:Redis", `${name} parent type`);
        }
        const mine = recorder.registrations.filter((r) => r.parent === "sessions").map((r) => `${r.type} ${r.name}`);
        assert.equal(mine.length, expected.length, mine.join("\n"));
    });

    it("adds a replica in another zone with automatic failover for deploy.replicas 2", async () => {
        deploy(model({ replicas: 2 }));
        await recorder.settle();
        const rg = inputs(RG, "sessions-cache");
        assert.equal(rg.numCacheClusters, 2);
        assert.equal(rg.automaticFailoverEnabled, true);
        assert.equal(rg.multiAzEnabled, true);
    });

    it("encrypts at rest and in transit, keeps one private node and a final snapshot", async () => {
        deploy(model());
        await recorder.settle();
        const rg = inputs(RG, "sessions-cache");
        assert.equal(rg.engine, "valkey");
        assert.equal(rg.engineVersion, "8.2");
        assert.equal(rg.nodeType, "cache.t4g.micro");
        assert.equal(rg.numCacheClusters, 1);
        assert.equal(rg.automaticFailoverEnabled, false);
        assert.equal(rg.atRestEncryptionEnabled, true);
        assert.equal(rg.transitEncryptionEnabled, true);
        assert.equal(rg.port, 6379);
        assert.equal(rg.snapshotRetentionLimit, 1);
        assert.equal(rg.finalSnapshotIdentifier, "shop-sessions-redis-final-snapshot");
        assert.equal(rg.applyImmediately, false);
        assert.equal(rg.autoMinorVersionUpgrade, true);
        assert.equal(rg.subnetGroupName, "sessions-subnets");
        assert.deepEqual(rg.securityGroupIds, ["sessions-sg-id"]);
        assert.deepEqual(rg.tags, { "defang:project": "shop" });
        assert.equal(typeof rg.description, "string");
        assert.deepEqual(inputs("aws:elasticache/subnetGroup:SubnetGroup", "sessions-subnets").subnetIds, ["subnet-private-a", "subnet-private-b"]);
        assert.equal(protect.get("sessions-cache"), false);
    });

    it("admits only the project's services, on the cache port, and opens no egress", async () => {
        deploy(model());
        await recorder.settle();
        const sg = inputs("aws:ec2/securityGroup:SecurityGroup", "sessions-sg");
        assert.equal(sg.vpcId, "vpc-1");
        assert.equal(sg.ingress, undefined);
        assert.equal(sg.egress, undefined);
        const rules = recorder.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assert.equal(rules.length, 1);
        const rule = unwrapSecrets(rules[0].inputs) as Record<string, unknown>;
        assert.equal(rule.securityGroupId, "sessions-sg-id");
        assert.equal(rule.referencedSecurityGroupId, "sg-members");
        assert.equal(rule.ipProtocol, "tcp");
        assert.equal(rule.fromPort, 6379);
        assert.equal(rule.toPort, 6379);
        assert.equal(rule.cidrIpv4, undefined);
        assert.equal(recorder.ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").length, 0);
    });

    it("generates an AUTH token, hands it to ElastiCache as a secret and returns it as a secret", async () => {
        const cache = deploy(model());
        await recorder.settle();
        const token = recorder.one(TOKEN, "sessions-auth-token").inputs;
        assert.equal(token.length, 32);
        assert.equal(token.special, false);
        const raw = recorder.one(RG, "sessions-cache").inputs;
        assert.ok(isSecretValue(raw.authToken), "authToken input is secret");
        assert.equal(unwrapSecrets(raw.authToken), "generated-password-0123456789");
        assert.ok(cache.password);
        assert.ok(await pulumi.isSecret(cache.password));
        assert.equal(await valueOf(cache.password), "generated-password-0123456789");
        assert.equal(cache.tls, true);
    });

    it("returns the primary endpoint and port", async () => {
        const cache = deploy(model());
        await recorder.settle();
        assert.equal(await valueOf(cache.host), "master.sessions-cache.abc.usw2.cache.amazonaws.com");
        assert.equal(await valueOf(cache.port), 6379);
    });

    it("turns TLS and the AUTH token off with defang:redisTls false", async () => {
        setConfig({ "defang:redisTls": "false" });
        const cache = deploy(model());
        await recorder.settle();
        const raw = recorder.one(RG, "sessions-cache").inputs;
        assert.equal(raw.transitEncryptionEnabled, false);
        assert.equal(raw.authToken, undefined);
        assert.equal(raw.atRestEncryptionEnabled, true);
        assert.equal(recorder.ofType(TOKEN).length, 0);
        assert.equal(cache.password, undefined);
        assert.equal(cache.tls, false);
    });

    it("keeps the engine the model names and maps its version and the resources asked for", async () => {
        deploy(model({ engine: "redis", version: "7", resources: { memoryMiB: 2048 } }));
        await recorder.settle();
        const rg = inputs(RG, "sessions-cache");
        assert.equal(rg.engine, "redis");
        assert.equal(rg.engineVersion, "7.1");
        assert.equal(rg.nodeType, "cache.t4g.medium");
    });

    it("listens on the host port the service declares", async () => {
        const cache = deploy(model({ ports: [{ target: 6380, mode: "host", protocol: "tcp" }] }));
        await recorder.settle();
        assert.equal(inputs(RG, "sessions-cache").port, 6380);
        const rule = inputs("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "sessions-ingress-6380");
        assert.equal(rule.fromPort, 6380);
        assert.equal(await valueOf(cache.port), 6380);
    });

    it("names the service and its aliases in the private DNS, pointing at the primary endpoint", async () => {
        deploy(model({ aliases: ["cache"] }));
        await recorder.settle();
        for (const [resource, host] of [
            ["sessions-dns", "sessions.shop.internal"],
            ["sessions-dns-cache", "cache.shop.internal"],
        ]) {
            const r = recorder.one("aws:route53/record:Record", resource);
            assert.equal(r.parent, "sessions");
            const i = unwrapSecrets(r.inputs) as Record<string, unknown>;
            assert.equal(i.name, host);
            assert.equal(i.type, "CNAME");
            assert.deepEqual(i.records, ["master.sessions-cache.abc.usw2.cache.amazonaws.com"]);
        }
    });

    it("protects the cache from deletion when the project's infrastructure options say so", async () => {
        deploy(model(), true);
        await recorder.settle();
        assert.equal(protect.get("sessions-cache"), true);
    });

    it("refuses a version ElastiCache does not offer before creating anything", async () => {
        assert.throws(
            () => deploy(model({ engine: "redis", version: "8" })),
            (e: unknown) => e instanceof UnsupportedFeaturesError && /service "sessions", image: ElastiCache offers Redis OSS up to 7\.1/.test(e.message),
        );
        await recorder.settle();
        assert.equal(recorder.registrations.filter((r) => r.parent === "sessions" && r.custom).length, 0);
    });
});
