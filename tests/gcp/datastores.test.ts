/**
 * Cloud SQL for PostgreSQL and Memorystore for Redis, under mocks: private IP only, TLS, backups,
 * deletion protection, the database, user and password (always a secret), AUTH and in-transit
 * encryption, high availability, and one private services access for both.
 */
import { strict as assert } from "assert";
import { deployGcpPostgres } from "../../provider/src/clouds/gcp/data/postgres";
import { deployGcpRedis } from "../../provider/src/clouds/gcp/data/redis";
import { GcpInfrastructure } from "../../provider/src/clouds/gcp/types";
import { ConfigValues } from "../../provider/src/clouds/config-values";
import { UnsupportedFeaturesError } from "../../provider/src/model/errors";
import { PostgresModel, RedisModel } from "../../provider/src/model/types";
import { GCP_TEST_CONFIG, gcpTestInfrastructure, TestComponent } from "../support/fake-gcp-infrastructure";
import { isSecretOutput, isSecretValue, MockRecorder, setConfig, unwrapSecrets, useMocks, valueOf } from "../support/pulumi-mocks";

const CONFIG = { ...GCP_TEST_CONFIG, DB_PASSWORD: "pa55w0rd" };
const T = {
    instance: "gcp:sql/databaseInstance:DatabaseInstance",
    database: "gcp:sql/database:Database",
    user: "gcp:sql/user:User",
    cache: "gcp:redis/instance:Instance",
    range: "gcp:compute/globalAddress:GlobalAddress",
    peering: "gcp:servicenetworking/connection:Connection",
};

function postgres(extra: Partial<PostgresModel> = {}): PostgresModel {
    return {
        kind: "postgres",
        name: "db",
        aliases: [],
        ports: [{ target: 5432, mode: "host", protocol: "tcp" }],
        resources: {},
        dependsOn: [],
        features: [],
        version: "17",
        database: "shop",
        user: "shop",
        password: { kind: "config", key: "DB_PASSWORD" },
        ...extra,
    };
}
function redis(extra: Partial<RedisModel> = {}): RedisModel {
    return {
        kind: "redis",
        name: "cache",
        aliases: [],
        ports: [{ target: 6379, mode: "host", protocol: "tcp" }],
        resources: { memoryMiB: 512 },
        dependsOn: [],
        features: [],
        engine: "redis",
        version: "7",
        replicas: 1,
        ...extra,
    };
}

describe("managed data stores on Google Cloud", function () {
    let recorder: MockRecorder;
    before(async function () {
        recorder = await useMocks(CONFIG, ["DB_PASSWORD"]);
    });
    beforeEach(function () {
        recorder.reset();
        setConfig(CONFIG, ["DB_PASSWORD"]);
    });

    const deployDb = (model: PostgresModel, infra: GcpInfrastructure = gcpTestInfrastructure()) =>
        deployGcpPostgres({ name: "shop-db", model, parent: new TestComponent("shop-db", recorder.opts()), infra, config: new ConfigValues(), dependsOn: [] });
    const deployCache = (model: RedisModel, infra: GcpInfrastructure = gcpTestInfrastructure()) =>
        deployGcpRedis({ name: "shop-cache", model, parent: new TestComponent("shop-cache", recorder.opts()), infra, config: new ConfigValues(), dependsOn: [] });

    it("creates a Cloud SQL instance with a private IP only, TLS required, backups and a final backup", async function () {
        const db = deployDb(postgres({ resources: { memoryMiB: 1024 } }));
        await recorder.settle();
        const instance = recorder.one(T.instance);
        assert.equal(instance.name, "shop-db-instance");
        assert.equal(instance.parent, "shop-db");
        assert.equal(instance.inputs.databaseVersion, "POSTGRES_17");
        assert.equal(instance.inputs.deletionProtection, false);
        const settings = unwrapSecrets(instance.inputs.settings) as Record<string, any>;
        assert.equal(settings.tier, "db-g1-small");
        assert.equal(settings.edition, "ENTERPRISE");
        assert.deepEqual(settings.ipConfiguration, { ipv4Enabled: false, privateNetwork: "infra-network-id", sslMode: "ENCRYPTED_ONLY", enablePrivatePathForGoogleCloudServices: false });
        assert.equal(settings.backupConfiguration.enabled, true);
        assert.equal(settings.backupConfiguration.pointInTimeRecoveryEnabled, true);
        assert.equal(settings.retainBackupsOnDelete, true);
        assert.deepEqual(settings.finalBackupConfig, { enabled: true, retentionDays: 30 });
        assert.equal(await valueOf(db.host), "10.20.0.3");
        assert.equal(await valueOf(db.port), 5432);
        assert.ok(await isSecretOutput(db.password));
    });

    it("creates the database and the user with the password from config, as a secret", async function () {
        deployDb(postgres());
        await recorder.settle();
        assert.equal(recorder.one(T.database).inputs.name, "shop");
        const user = recorder.one(T.user);
        assert.equal(user.inputs.name, "shop");
        assert.ok(isSecretValue(user.inputs.password));
        assert.equal(unwrapSecrets(user.inputs.password), "pa55w0rd");
        assert.equal(recorder.one(T.instance).inputs.rootPassword, undefined);
    });

    it("gives the built-in postgres user the password, and creates no database or user that exists already", async function () {
        deployDb(postgres({ user: "postgres", database: "postgres", password: { kind: "generated" } }));
        await recorder.settle();
        assert.equal(recorder.ofType(T.user).length, 0);
        assert.equal(recorder.ofType(T.database).length, 0);
        assert.ok(isSecretValue(recorder.one(T.instance).inputs.rootPassword));
        assert.equal(recorder.one("random:index/randomPassword:RandomPassword").inputs.special, false);
    });

    it("turns deletion protection on with defang:deletionProtection", async function () {
        deployDb(postgres(), gcpTestInfrastructure({}, { deletionProtection: true }));
        await recorder.settle();
        const instance = recorder.one(T.instance);
        assert.equal(instance.inputs.deletionProtection, true);
        assert.equal((instance.inputs.settings as { deletionProtectionEnabled: boolean }).deletionProtectionEnabled, true);
    });

    it("refuses a Postgres version Cloud SQL does not offer before creating anything", async function () {
        const infra = gcpTestInfrastructure();
        await recorder.settle();
        const before = recorder.registrations.length;
        assert.throws(() => deployDb(postgres({ version: "11" }), infra), UnsupportedFeaturesError);
        await recorder.settle();
        assert.deepEqual(
            recorder.registrations.slice(before).map((r) => r.type),
            ["test:index:Component"],
        );
    });

    it("creates a Memorystore instance with AUTH and TLS on the private services access", async function () {
        const cache = deployCache(redis());
        await recorder.settle();
        const instance = recorder.one(T.cache);
        assert.equal(instance.parent, "shop-cache");
        assert.equal(instance.inputs.tier, "BASIC");
        assert.equal(instance.inputs.memorySizeGb, 1);
        assert.equal(instance.inputs.redisVersion, "REDIS_7_2");
        assert.equal(instance.inputs.connectMode, "PRIVATE_SERVICE_ACCESS");
        assert.equal(instance.inputs.authorizedNetwork, "infra-network-id");
        assert.equal(instance.inputs.authEnabled, true);
        assert.equal(instance.inputs.transitEncryptionMode, "SERVER_AUTHENTICATION");
        assert.equal(cache.tls, true);
        assert.equal(await valueOf(cache.port), 6378);
        assert.ok(cache.password && (await isSecretOutput(cache.password)));
    });

    it("turns TLS off with defang:redisTls false (AUTH stays), and adds a replica with defang:redisHighAvailability", async function () {
        setConfig({ ...CONFIG, "defang:redisTls": "false", "defang:redisHighAvailability": "true" }, ["DB_PASSWORD"]);
        const cache = deployCache(redis({ engine: "valkey", version: "8" }));
        await recorder.settle();
        const instance = recorder.one(T.cache);
        assert.equal(instance.inputs.transitEncryptionMode, "DISABLED");
        assert.equal(instance.inputs.authEnabled, true);
        assert.equal(instance.inputs.tier, "STANDARD_HA");
        assert.equal(instance.inputs.redisVersion, "REDIS_7_2");
        assert.match(String(instance.inputs.displayName), /^Valkey cache/);
        assert.equal(cache.tls, false);
    });

    it("is Standard tier with a replica in another zone for deploy.replicas 2, and serves reads from extra replicas above that", async function () {
        deployCache(redis({ replicas: 2 }));
        await recorder.settle();
        const two = recorder.one(T.cache).inputs;
        assert.equal(two.tier, "STANDARD_HA");
        assert.equal(two.replicaCount, undefined);
        recorder.reset();
        deployCache(redis({ replicas: 4 }));
        await recorder.settle();
        const four = recorder.one(T.cache).inputs;
        assert.equal(four.tier, "STANDARD_HA");
        assert.equal(four.replicaCount, 3);
        assert.equal(four.readReplicasMode, "READ_REPLICAS_ENABLED");
    });

    it("shares one private services access between the database and the cache", async function () {
        const infra = gcpTestInfrastructure();
        deployDb(postgres(), infra);
        deployCache(redis(), infra);
        await recorder.settle();
        assert.equal(recorder.ofType(T.peering).length, 1);
        const range = recorder.ofType(T.range).filter((r) => r.inputs.purpose === "VPC_PEERING");
        assert.equal(range.length, 1);
        assert.equal(range[0].inputs.prefixLength, 20);
    });
});
