/**
 * Managed MongoDB (`x-defang-mongodb`, `DefangMongo`) on the three clouds, under mocks: the native
 * resources and the inputs that make them private, encrypted and TLS-only; the credentials as
 * secrets; the services' `mongodb://mongo:27017/notes` rewritten with the endpoint, the credentials
 * and the options each cloud requires; and refusals before any resource.
 */
import { strict as assert } from "assert";
import { DefangMongo } from "../../provider/src/components/defang-mongo";
import { DefangProject } from "../../provider/src/components/defang-project";
import { UnsupportedFeaturesError } from "../../provider/src/model/errors";
import { cannedClusterPassword } from "../../provider/src/offline/canned-digitalocean";
import { cannedFirestorePassword } from "../../provider/src/offline/canned-gcp";
import { isSecretOutput, isSecretValue, MockRecorder, unwrapSecrets, useMocks, valueOf } from "../support/pulumi-mocks";
import { NOTES, NOTES_CONFIG, NOTES_SECRETS } from "../support/fixture-projects";

const GCP = { "defang:provider": "gcp", "gcp:project": "notes-project", "gcp:region": "us-central1" };

describe("DefangMongo on AWS (DocumentDB)", function () {
    let recorder: MockRecorder;
    let project: DefangProject;

    before(async () => {
        recorder = await useMocks({ ...NOTES_CONFIG, "defang:provider": "aws" }, NOTES_SECRETS);
        project = new DefangProject("notes", { composeFile: NOTES }, recorder.opts());
        await recorder.settle();
    });

    const inputs = (type: string, name: string) => unwrapSecrets(recorder.one(type, name).inputs) as Record<string, unknown>;

    it("creates a DocumentDB cluster, one instance, its subnet group, parameter group, security group and DNS name under the component", function () {
        for (const [type, name] of [
            ["aws:docdb/subnetGroup:SubnetGroup", "notes-mongo-subnets"],
            ["aws:docdb/clusterParameterGroup:ClusterParameterGroup", "notes-mongo-parameters"],
            ["aws:docdb/cluster:Cluster", "notes-mongo-cluster"],
            ["aws:docdb/clusterInstance:ClusterInstance", "notes-mongo-instance-0"],
            ["aws:ec2/securityGroup:SecurityGroup", "notes-mongo-sg"],
            ["aws:route53/record:Record", "notes-mongo-dns"],
        ]) {
            assert.equal(recorder.one(type, name).parentType, "defang:index:DefangMongo", name);
        }
        assert.equal(recorder.ofType("aws:docdb/clusterInstance:ClusterInstance").length, 1);
    });

    it("makes the cluster encrypted, TLS-only, backed up, snapshotted on deletion, with the compose version and user", function () {
        const c = inputs("aws:docdb/cluster:Cluster", "notes-mongo-cluster");
        assert.equal(c.engine, "docdb");
        assert.equal(c.engineVersion, "8.0.0", "mongo:7 is served by DocumentDB 8.0");
        assert.equal(c.storageEncrypted, true);
        assert.equal(c.backupRetentionPeriod, 7);
        assert.equal(c.skipFinalSnapshot, false);
        assert.equal(c.finalSnapshotIdentifier, "notes-mongo-mongo-final-snapshot");
        assert.equal(c.deletionProtection, false);
        assert.equal(c.masterUsername, "notesadmin");
        assert.equal(c.port, 27017);
        assert.ok(isSecretValue(recorder.one("aws:docdb/cluster:Cluster", "notes-mongo-cluster").inputs.masterPassword), "the master password is a secret");
        assert.equal(c.masterPassword, "mongo-secret-value");
        const p = inputs("aws:docdb/clusterParameterGroup:ClusterParameterGroup", "notes-mongo-parameters");
        assert.equal(p.family, "docdb8.0");
        assert.deepEqual(p.parameters, [{ name: "tls", value: "enabled" }]);
        assert.equal(inputs("aws:docdb/clusterInstance:ClusterInstance", "notes-mongo-instance-0").instanceClass, "db.t3.medium");
    });

    it("admits only the project's services, on the MongoDB port", function () {
        const rule = inputs("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "notes-mongo-ingress-27017");
        assert.equal(rule.fromPort, 27017);
        assert.equal(rule.toPort, 27017);
        assert.ok(rule.referencedSecurityGroupId, "the source is the members security group");
        assert.equal(rule.cidrIpv4, undefined);
    });

    it("rewrites the service's MongoDB URL with credentials and DocumentDB's options, as a secret parameter", async function () {
        const reg = recorder.one("aws:ssm/parameter:Parameter", "notes-app-env-MONGODB_URI");
        assert.ok(isSecretValue(reg.inputs.value));
        const host = await valueOf((project.services.mongo as DefangMongo).host);
        assert.match(host, /^notes-mongo-cluster\.cluster-abc\.[a-z0-9-]+\.docdb\.amazonaws\.com$/);
        assert.equal(unwrapSecrets(reg.inputs.value), `mongodb://notesadmin:mongo-secret-value@${host}:27017/notes?tls=true&replicaSet=rs0&readPreference=secondaryPreferred&retryWrites=false&authSource=admin`);
        assert.equal(unwrapSecrets(recorder.one("aws:ssm/parameter:Parameter", "notes-app-env-MONGO_HOST").inputs.value), host);
        assert.equal(unwrapSecrets(recorder.one("aws:ssm/parameter:Parameter", "notes-app-env-MONGO_ADDRESS").inputs.value), `${host}:27017`);
    });

    it("gives the component's password and url as secrets", async function () {
        const mongo = project.services.mongo as DefangMongo;
        assert.ok(await isSecretOutput(mongo.password));
        assert.ok(await isSecretOutput(mongo.url));
        assert.equal(await valueOf(mongo.user), "notesadmin");
        assert.equal(await valueOf(mongo.port), 27017);
        assert.match(await valueOf(mongo.url), /^mongodb:\/\/notesadmin:mongo-secret-value@notes-mongo-cluster\.[^/]+:27017\/notes\?tls=true&/);
    });

    it("refuses a version DocumentDB does not offer, naming it, before any resource", async function () {
        recorder.reset();
        assert.throws(
            () => new DefangMongo("old", { image: "mongo:3.6", provider: "aws" }, recorder.opts()),
            (e: unknown) =>
                e instanceof UnsupportedFeaturesError &&
                e.features.some((f) => f.service === "old" && f.field === "image" && /MongoDB 3\.6 is not offered by Amazon DocumentDB/.test(f.message) && /mongo:4, mongo:5, mongo:6, mongo:7, mongo:8/.test(f.hint)),
        );
        assert.deepEqual(await recorder.settle(), []);
    });

    it("turns deploy.replicas into instances, and the shared deletion protection on", async function () {
        recorder.reset();
        new DefangMongo("ha", { image: "mongo:5", deploy: { replicas: 3 }, provider: "aws" }, recorder.opts());
        await recorder.settle();
        assert.equal(recorder.ofType("aws:docdb/clusterInstance:ClusterInstance").length, 3);
        assert.equal(inputs("aws:docdb/cluster:Cluster", "ha-cluster").engineVersion, "5.0.0");
        assert.equal(inputs("aws:docdb/cluster:Cluster", "ha-cluster").masterUsername, "mongo");
        assert.ok(isSecretValue(recorder.one("aws:docdb/cluster:Cluster", "ha-cluster").inputs.masterPassword), "a generated password is a secret");
    });
});

describe("DefangMongo on Google Cloud (Firestore with MongoDB compatibility)", function () {
    let recorder: MockRecorder;
    let project: DefangProject;

    before(async () => {
        recorder = await useMocks({ ...NOTES_CONFIG, ...GCP }, NOTES_SECRETS);
        project = new DefangProject("notes", { composeFile: NOTES }, recorder.opts());
        await recorder.settle();
    });

    it("creates an Enterprise-edition Firestore database named after the compose database, with point-in-time recovery, kept on delete", function () {
        const db = recorder.one("gcp:firestore/database:Database", "notes-mongo-database");
        assert.equal(db.parentType, "defang:index:DefangMongo");
        const i = unwrapSecrets(db.inputs) as Record<string, unknown>;
        assert.equal(i.databaseEdition, "ENTERPRISE");
        assert.equal(i.type, "FIRESTORE_NATIVE");
        assert.equal(i.name, "notes");
        assert.equal(i.locationId, "us-central1");
        assert.equal(i.pointInTimeRecoveryEnablement, "POINT_IN_TIME_RECOVERY_ENABLED");
        assert.equal(i.deletionPolicy, "ABANDON");
        assert.equal(i.deleteProtectionState, "DELETE_PROTECTION_DISABLED");
        const user = unwrapSecrets(recorder.one("gcp:firestore/userCreds:UserCreds", "notes-mongo-user").inputs) as Record<string, unknown>;
        assert.equal(user.name, "notesadmin");
        assert.equal(recorder.ofType("gcp:servicenetworking/connection:Connection").length, 0, "no private services access for Firestore alone");
    });

    it("rewrites the service's MongoDB URL to Firestore's host, port 443, user, generated password and required options, in Secret Manager", function () {
        const v = recorder.one("gcp:secretmanager/secretVersion:SecretVersion", "notes-app-env-MONGODB_URI-value");
        assert.ok(isSecretValue(v.inputs.secretData));
        const pw = cannedFirestorePassword("notes-mongo-user");
        assert.equal(
            unwrapSecrets(v.inputs.secretData),
            `mongodb://notesadmin:${pw}@0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0.us-central1.firestore.goog:443/notes?loadBalanced=true&tls=true&retryWrites=false&authMechanism=SCRAM-SHA-256`,
        );
    });

    it("gives the generated password to services that read MONGO_INITDB_ROOT_PASSWORD, and the url as a secret", async function () {
        const mongo = project.services.mongo as DefangMongo;
        assert.ok(await isSecretOutput(mongo.password));
        assert.equal(await valueOf(mongo.password), cannedFirestorePassword("notes-mongo-user"));
        assert.ok(await isSecretOutput(mongo.url));
        assert.equal(await valueOf(mongo.port), 443);
    });

    it("refuses a database name Firestore cannot take, before any resource", async function () {
        recorder.reset();
        assert.throws(
            () => new DefangMongo("db", { environment: [{ name: "MONGO_INITDB_DATABASE", value: "My_DB" }], provider: "gcp" }, recorder.opts()),
            (e: unknown) => e instanceof UnsupportedFeaturesError && e.features.some((f) => f.field === "environment.MONGO_INITDB_DATABASE" && /"My_DB" cannot name a Firestore database/.test(f.message)),
        );
        assert.deepEqual(await recorder.settle(), []);
    });
});

describe("DefangMongo on DigitalOcean (managed MongoDB)", function () {
    let recorder: MockRecorder;
    let project: DefangProject;

    before(async () => {
        recorder = await useMocks({ ...NOTES_CONFIG, "defang:provider": "digitalocean" }, NOTES_SECRETS);
        project = new DefangProject("notes", { composeFile: NOTES }, recorder.opts());
        await recorder.settle();
    });

    it("creates a MongoDB cluster of the image's major version in the project's VPC, with a firewall trusting the App only", function () {
        const c = recorder.one("digitalocean:index/databaseCluster:DatabaseCluster", "notes-mongo-cluster");
        assert.equal(c.parentType, "defang:index:DefangMongo");
        assert.equal(c.inputs.engine, "mongodb");
        assert.equal(c.inputs.version, "7");
        assert.equal(c.inputs.nodeCount, 1);
        const vpc = recorder.one("digitalocean:index/vpc:Vpc");
        assert.equal(c.inputs.privateNetworkUuid, `${vpc.name}-id`);
        const fw = recorder.one("digitalocean:index/databaseFirewall:DatabaseFirewall", "notes-mongo-firewall");
        assert.equal(fw.inputs.clusterId, "notes-mongo-cluster-id");
        assert.deepEqual(fw.inputs.rules, [{ type: "app", value: "notes-app-id" }]);
    });

    it("rewrites the service's MongoDB URL to the cluster's private SRV host with doadmin, the generated password and TLS, as a SECRET env", function () {
        const app = recorder.one("digitalocean:index/app:App");
        assert.ok(isSecretValue(app.inputs.spec));
        const spec = unwrapSecrets(app.inputs.spec) as { services: Array<{ envs: Array<{ key: string; value: string; type: string }> }> };
        const env = (k: string) => spec.services[0].envs.find((e) => e.key === k)!;
        const pw = cannedClusterPassword("notes-mongo-cluster");
        assert.equal(env("MONGODB_URI").value, `mongodb+srv://doadmin:${pw}@private-notes-mongo-cluster-1a2b3c4d.mongo.ondigitalocean.com/notes?tls=true&authSource=admin`);
        assert.equal(env("MONGODB_URI").type, "SECRET");
        assert.equal(env("MONGO_HOST").value, "private-notes-mongo-cluster-1a2b3c4d.mongo.ondigitalocean.com");
    });

    it("gives the component's password and url as secrets", async function () {
        const mongo = project.services.mongo as DefangMongo;
        assert.ok(await isSecretOutput(mongo.password));
        assert.ok(await isSecretOutput(mongo.url));
        assert.equal(await valueOf(mongo.user), "doadmin");
    });

    it("refuses a MongoDB version DigitalOcean does not offer, before any resource", async function () {
        recorder.reset();
        assert.throws(
            () => new DefangMongo("old", { image: "mongo:5", provider: "digitalocean" }, recorder.opts()),
            (e: unknown) =>
                e instanceof UnsupportedFeaturesError && e.features.some((f) => f.field === "image" && /MongoDB 5 is not offered as a managed database/.test(f.message) && f.hint === "use one of mongo:7, mongo:8"),
        );
        assert.deepEqual(await recorder.settle(), []);
    });
});
