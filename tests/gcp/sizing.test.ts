/**
 * Cloud Run instance sizes, Cloud SQL tiers and Memorystore capacities from reservations, and the
 * engine versions of images: pure tables, rounded up, refused with the fix when impossible.
 */
import { strict as assert } from "assert";
import { cloudRunSize } from "../../provider/src/clouds/gcp/compute/cloud-run-sizing";
import { cloudSqlTier, memorystoreCapacityGb } from "../../provider/src/clouds/gcp/data/datastore-sizing";
import { cloudSqlPostgresVersion, memorystoreRedisVersion } from "../../provider/src/clouds/gcp/data/engine-versions";
import { InvalidArgumentError, UnsupportedFeaturesError } from "../../provider/src/model/errors";

describe("Cloud Run size", function () {
    it("defaults to 1 CPU and 512 MiB", function () {
        assert.deepEqual(cloudRunSize("web", {}).limits, { cpu: "1", memory: "512Mi" });
    });
    it("rounds fractional CPUs up to 1 and memory up to 128 MiB steps", function () {
        assert.deepEqual(cloudRunSize("web", { cpus: 0.25, memoryMiB: 300 }).limits, { cpu: "1", memory: "384Mi" });
    });
    it("takes more CPUs when the memory needs them, and the minimum memory of large CPU counts", function () {
        assert.deepEqual(cloudRunSize("web", { memoryMiB: 6000 }).limits, { cpu: "2", memory: "6016Mi" });
        assert.deepEqual(cloudRunSize("web", { cpus: 3, memoryMiB: 512 }).limits, { cpu: "4", memory: "2048Mi" });
        assert.deepEqual(cloudRunSize("web", { cpus: 8, memoryMiB: 32768 }).limits, { cpu: "8", memory: "32768Mi" });
    });
    it("refuses more than the largest instance, naming the limit", function () {
        assert.throws(
            () => cloudRunSize("big", { cpus: 16 }),
            (e: unknown) => e instanceof InvalidArgumentError && /at most 8 CPUs and 32 GiB/.test(e.message) && /service "big"/.test(e.message),
        );
    });
});

describe("Cloud SQL tier and Memorystore capacity", function () {
    it("uses the shared-core tiers for small databases", function () {
        assert.equal(cloudSqlTier({}), "db-f1-micro");
        assert.equal(cloudSqlTier({ memoryMiB: 1024 }), "db-g1-small");
    });
    it("uses custom machines with an even CPU count and memory within 0.9 to 6.5 GiB per CPU", function () {
        assert.equal(cloudSqlTier({ memoryMiB: 4096 }), "db-custom-1-4096");
        assert.equal(cloudSqlTier({ cpus: 1, memoryMiB: 512 }), "db-custom-1-1024");
        assert.equal(cloudSqlTier({ cpus: 3 }), "db-custom-4-3840");
        assert.equal(cloudSqlTier({ memoryMiB: 8192 }), "db-custom-2-8192");
    });
    it("gives Memorystore whole GB, at least one", function () {
        assert.equal(memorystoreCapacityGb({}), 1);
        assert.equal(memorystoreCapacityGb({ memoryMiB: 512 }), 1);
        assert.equal(memorystoreCapacityGb({ memoryMiB: 2500 }), 3);
    });
});

describe("engine versions on Google Cloud", function () {
    it("maps Postgres image tags to Cloud SQL versions", function () {
        assert.equal(cloudSqlPostgresVersion("db", undefined), "POSTGRES_17");
        assert.equal(cloudSqlPostgresVersion("db", "16.4"), "POSTGRES_16");
        assert.equal(cloudSqlPostgresVersion("db", "18"), "POSTGRES_18");
    });
    it("refuses Postgres majors in extended support or not offered, with the image to use", function () {
        assert.throws(
            () => cloudSqlPostgresVersion("db", "12"),
            (e: unknown) => e instanceof UnsupportedFeaturesError && e.cloud === "gcp" && /postgres:17/.test(e.message) && e.features[0].field === "image",
        );
        assert.throws(() => cloudSqlPostgresVersion("db", "19"), /does not offer Postgres 19/);
        assert.throws(() => cloudSqlPostgresVersion("db", "latest-alpine"), /not a Postgres version/);
    });
    it("maps Redis and Valkey image tags to Memorystore for Redis versions", function () {
        assert.equal(memorystoreRedisVersion("c", "redis", undefined), "REDIS_7_2");
        assert.equal(memorystoreRedisVersion("c", "redis", "7.0"), "REDIS_7_0");
        assert.equal(memorystoreRedisVersion("c", "redis", "6.2"), "REDIS_6_X");
        assert.equal(memorystoreRedisVersion("c", "valkey", "8"), "REDIS_7_2");
        assert.throws(
            () => memorystoreRedisVersion("c", "redis", "8"),
            (e: unknown) => e instanceof UnsupportedFeaturesError && /valkey\/valkey:8/.test(e.message),
        );
    });
});
