/**
 * Postgres on RDS, under mocks: the resources, their names and parent; the inputs that make it
 * private and encrypted (no public address, encrypted storage, TLS forced, ingress only from the
 * project's services on its port, a final snapshot); the password as a secret from config, the
 * program or a generator; the version and size mapping; the private DNS names.
 */
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { deployAwsPostgres } from "../../provider/src/clouds/aws/data/postgres";
import { PostgresDeployment } from "../../provider/src/clouds/backend";
import { ConfigValues } from "../../provider/src/clouds/config-values";
import { MissingConfigError, UnsupportedFeaturesError } from "../../provider/src/model/errors";
import { PostgresModel } from "../../provider/src/model/types";
import { fakeAwsInfrastructure } from "../support/fake-aws-infrastructure";
import { MockRecorder, isSecretValue, setConfig, unwrapSecrets, useMocks, valueOf } from "../support/pulumi-mocks";

const CONFIG = { POSTGRES_PASSWORD: "pw-from-config" };
const SECRET_KEYS = ["POSTGRES_PASSWORD"];

class Owner extends pulumi.ComponentResource {
    constructor(name: string, opts: pulumi.ComponentResourceOptions) {
        super("test:index:Postgres", name, {}, opts);
        this.registerOutputs({});
    }
}

function model(over: Partial<PostgresModel> = {}): PostgresModel {
    return { kind: "postgres", name: "db", aliases: [], ports: [], resources: {}, dependsOn: [], features: [], database: "shop", user: "app", password: { kind: "generated" }, ...over };
}

describe("aws postgres", () => {
    let recorder: MockRecorder;

    before(async () => {
        recorder = await useMocks(CONFIG, SECRET_KEYS);
    });
    beforeEach(() => recorder.reset());
    afterEach(() => setConfig(CONFIG, SECRET_KEYS));

    function deploy(m: PostgresModel, projectName = "shop", deletionProtection = false): PostgresDeployment {
        const parent = new Owner("db", recorder.opts());
        return deployAwsPostgres({ name: "db", model: m, parent, infra: fakeAwsInfrastructure(projectName, deletionProtection), config: new ConfigValues(), dependsOn: [] });
    }
    const inputs = (type: string, name: string) => unwrapSecrets(recorder.one(type, name).inputs) as Record<string, unknown>;
    const INSTANCE = "aws:rds/instance:Instance";

    it("creates the subnet group, security group, ingress rule, parameter group, password, instance and DNS name, all children of the component", async () => {
        deploy(model());
        await recorder.settle();
        const expected: Array<[string, string]> = [
            ["aws:rds/subnetGroup:SubnetGroup", "db-subnets"],
            ["aws:ec2/securityGroup:SecurityGroup", "db-sg"],
            ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "db-ingress-5432"],
            ["aws:rds/parameterGroup:ParameterGroup", "db-parameters"],
            ["random:index/randomPassword:RandomPassword", "db-password"],
            [INSTANCE, "db-instance"],
            ["aws:route53/record:Record", "db-dns"],
        ];
        for (const [type, name] of expected) {
            const r = recorder.one(type, name);
            assert.equal(r.parent, "db", `${name} parent`);
            assert.equal(r.parentType, "test:index:Postgres", `${name} parent type`);
        }
        const mine = recorder.registrations.filter((r) => r.parent === "db").map((r) => `${r.type} ${r.name}`);
        assert.equal(mine.length, expected.length, mine.join("\n"));
    });

    it("makes the instance private, encrypted, backed up and snapshotted on deletion", async () => {
        deploy(model());
        await recorder.settle();
        const i = inputs(INSTANCE, "db-instance");
        assert.equal(i.engine, "postgres");
        assert.equal(i.engineVersion, "17");
        assert.equal(i.instanceClass, "db.t4g.micro");
        assert.equal(i.publiclyAccessible, false);
        assert.equal(i.storageEncrypted, true);
        assert.equal(i.storageType, "gp3");
        assert.equal(i.allocatedStorage, 20);
        assert.equal(i.maxAllocatedStorage, 100);
        assert.equal(i.skipFinalSnapshot, false);
        assert.equal(i.finalSnapshotIdentifier, "shop-db-postgres-final-snapshot");
        assert.equal(i.backupRetentionPeriod, 7);
        assert.equal(i.copyTagsToSnapshot, true);
        assert.equal(i.multiAz, false);
        assert.equal(i.deletionProtection, false);
        assert.equal(i.caCertIdentifier, "rds-ca-rsa2048-g1");
        assert.equal(i.iamDatabaseAuthenticationEnabled, false);
        assert.equal(i.engineLifecycleSupport, "open-source-rds-extended-support-disabled");
        assert.equal(i.dbName, "shop");
        assert.equal(i.username, "app");
        assert.equal(i.port, 5432);
        assert.equal(i.dbSubnetGroupName, "db-subnets");
        assert.equal(i.parameterGroupName, "db-parameters");
        assert.deepEqual(i.vpcSecurityGroupIds, ["db-sg-id"]);
        assert.deepEqual(i.tags, { "defang:project": "shop" });
        assert.deepEqual(inputs("aws:rds/subnetGroup:SubnetGroup", "db-subnets").subnetIds, ["subnet-private-a", "subnet-private-b"]);
    });

    it("forces TLS with the parameter group of the version's family", async () => {
        deploy(model());
        await recorder.settle();
        const p = inputs("aws:rds/parameterGroup:ParameterGroup", "db-parameters");
        assert.equal(p.family, "postgres17");
        assert.deepEqual(p.parameters, [{ name: "rds.force_ssl", value: "1" }]);
    });

    it("admits only the project's services, on the Postgres port, and opens no egress", async () => {
        deploy(model());
        await recorder.settle();
        const sg = inputs("aws:ec2/securityGroup:SecurityGroup", "db-sg");
        assert.equal(sg.vpcId, "vpc-1");
        assert.equal(sg.ingress, undefined);
        assert.equal(sg.egress, undefined);
        const rules = recorder.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assert.equal(rules.length, 1);
        const rule = unwrapSecrets(rules[0].inputs) as Record<string, unknown>;
        assert.equal(rule.securityGroupId, "db-sg-id");
        assert.equal(rule.referencedSecurityGroupId, "sg-members");
        assert.equal(rule.ipProtocol, "tcp");
        assert.equal(rule.fromPort, 5432);
        assert.equal(rule.toPort, 5432);
        assert.equal(rule.cidrIpv4, undefined);
        assert.equal(recorder.ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").length, 0);
    });

    it("generates a password, hands it to RDS as a secret and returns it as a secret", async () => {
        const db = deploy(model());
        await recorder.settle();
        const pw = recorder.one("random:index/randomPassword:RandomPassword", "db-password").inputs;
        assert.equal(pw.length, 32);
        assert.equal(pw.special, false);
        const raw = recorder.one(INSTANCE, "db-instance").inputs;
        assert.ok(isSecretValue(raw.password), "password input is secret");
        assert.equal(unwrapSecrets(raw.password), "generated-password-0123456789");
        assert.ok(await pulumi.isSecret(db.password));
        assert.equal(await valueOf(db.password), "generated-password-0123456789");
    });

    it("reads a config password as a secret and generates none", async () => {
        const db = deploy(model({ password: { kind: "config", key: "POSTGRES_PASSWORD" } }));
        await recorder.settle();
        const raw = recorder.one(INSTANCE, "db-instance").inputs;
        assert.ok(isSecretValue(raw.password));
        assert.equal(unwrapSecrets(raw.password), "pw-from-config");
        assert.equal(recorder.ofType("random:index/randomPassword:RandomPassword").length, 0);
        assert.ok(await pulumi.isSecret(db.password));
        assert.equal(await valueOf(db.password), "pw-from-config");
    });

    it("keeps a program's password secret", async () => {
        const db = deploy(model({ password: { kind: "input", value: "from-the-program" } }));
        await recorder.settle();
        const raw = recorder.one(INSTANCE, "db-instance").inputs;
        assert.ok(isSecretValue(raw.password));
        assert.equal(unwrapSecrets(raw.password), "from-the-program");
        assert.ok(await pulumi.isSecret(db.password));
    });

    it("fails before creating anything when the config password is not set, saying how to set it", async () => {
        assert.throws(
            () => deploy(model({ password: { kind: "config", key: "DB_PASSWORD" } })),
            (e: unknown) => e instanceof MissingConfigError && /pulumi config set --secret DB_PASSWORD/.test(e.message) && /"db"/.test(e.message),
        );
        await recorder.settle();
        assert.equal(recorder.registrations.filter((r) => r.parent === "db" && r.custom).length, 0);
    });

    it("returns the RDS address, port, database and user", async () => {
        const db = deploy(model());
        await recorder.settle();
        assert.equal(await valueOf(db.host), "db-instance.abc.us-west-2.rds.amazonaws.com");
        assert.equal(await valueOf(db.port), 5432);
        assert.equal(await valueOf(db.database), "shop");
        assert.equal(await valueOf(db.user), "app");
    });

    it("maps the image version and the resources asked for", async () => {
        deploy(model({ version: "16.4", resources: { cpus: 1, memoryMiB: 3072 } }));
        await recorder.settle();
        const i = inputs(INSTANCE, "db-instance");
        assert.equal(i.engineVersion, "16");
        assert.equal(i.instanceClass, "db.t4g.medium");
        assert.equal(inputs("aws:rds/parameterGroup:ParameterGroup", "db-parameters").family, "postgres16");
    });

    it("listens on the host port the service declares", async () => {
        deploy(model({ ports: [{ target: 5433, mode: "host", protocol: "tcp" }] }));
        await recorder.settle();
        assert.equal(inputs(INSTANCE, "db-instance").port, 5433);
        const rule = inputs("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "db-ingress-5433");
        assert.equal(rule.fromPort, 5433);
        assert.equal(rule.toPort, 5433);
    });

    it("names the service and its aliases in the private DNS, pointing at the RDS address", async () => {
        deploy(model({ aliases: ["database", "pg"] }));
        await recorder.settle();
        for (const [resource, host] of [
            ["db-dns", "db.shop.internal"],
            ["db-dns-database", "database.shop.internal"],
            ["db-dns-pg", "pg.shop.internal"],
        ]) {
            const r = recorder.one("aws:route53/record:Record", resource);
            assert.equal(r.parent, "db");
            const i = unwrapSecrets(r.inputs) as Record<string, unknown>;
            assert.equal(i.name, host);
            assert.equal(i.type, "CNAME");
            assert.deepEqual(i.records, ["db-instance.abc.us-west-2.rds.amazonaws.com"]);
        }
    });

    it("turns deletion protection on when the project's infrastructure options say so", async () => {
        deploy(model(), "shop", true);
        await recorder.settle();
        assert.equal(inputs(INSTANCE, "db-instance").deletionProtection, true);
    });

    it("makes the final snapshot name valid for any project name", async () => {
        deploy(model(), "My_Shop");
        await recorder.settle();
        assert.equal(inputs(INSTANCE, "db-instance").finalSnapshotIdentifier, "my-shop-db-postgres-final-snapshot");
    });

    it("accepts the user postgres and refuses a reserved one before creating anything", async () => {
        assert.doesNotThrow(() => deploy(model({ user: "postgres", database: "postgres" })));
        await recorder.settle();
        assert.equal(inputs(INSTANCE, "db-instance").username, "postgres");
        recorder.reset();
        assert.throws(
            () => deploy(model({ user: "rdsadmin" })),
            (e: unknown) => e instanceof UnsupportedFeaturesError && /service "db", environment\.POSTGRES_USER: "rdsadmin"/.test(e.message) && /fix: set POSTGRES_USER/.test(e.message),
        );
        await recorder.settle();
        assert.equal(recorder.ofType(INSTANCE).length, 0);
        assert.equal(recorder.ofType("aws:ec2/securityGroup:SecurityGroup").length, 0);
    });

    it("refuses a version past standard support and a port RDS cannot use, before creating anything", async () => {
        assert.throws(() => deploy(model({ version: "11" })), UnsupportedFeaturesError);
        assert.throws(() => deploy(model({ ports: [{ target: 80, mode: "host", protocol: "tcp" }] })), /ports\[0\]: RDS for PostgreSQL cannot listen on port 80/);
        await recorder.settle();
        assert.equal(recorder.registrations.filter((r) => r.parent === "db" && r.custom).length, 0);
    });
});
