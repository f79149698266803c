/**
 * Engine versions from image tags: RDS for PostgreSQL (major only, with its parameter group family)
 * and ElastiCache for Redis OSS and Valkey (the newest minor of a major, or the minor asked for);
 * versions AWS does not offer fail with the service, the field and a fix.
 */
import { strict as assert } from "assert";
import { UnsupportedFeaturesError } from "../../provider/src/model/errors";
import { DEFAULT_CACHE_MAJOR, DEFAULT_POSTGRES_MAJOR, cacheEngineVersion, rdsPostgresVersion } from "../../provider/src/clouds/aws/data/engine-versions";

function assertImageError(fn: () => unknown, service: string, pattern: RegExp): void {
    assert.throws(fn, (e: unknown) => {
        assert.ok(e instanceof UnsupportedFeaturesError, String(e));
        assert.equal(e.features[0].service, service);
        assert.equal(e.features[0].field, "image");
        assert.match(e.message, pattern);
        return true;
    });
}

describe("aws engine versions", () => {
    describe("RDS for PostgreSQL", () => {
        const cases: Array<[string | undefined, string, string]> = [
            ["17", "17", "postgres17"],
            ["18", "18", "postgres18"],
            ["16.4", "16", "postgres16"],
            ["15.10.1", "15", "postgres15"],
            ["14", "14", "postgres14"],
            [undefined, "17", "postgres17"],
        ];
        for (const [version, engineVersion, family] of cases) {
            it(`maps ${version ?? "no version"} to ${engineVersion} (${family})`, () => {
                assert.deepEqual(rdsPostgresVersion("db", version), { major: Number(engineVersion), engineVersion, parameterGroupFamily: family });
            });
        }

        it("defaults to a documented major", () => assert.equal(DEFAULT_POSTGRES_MAJOR, 17));

        it("refuses majors past RDS standard support, with the fix", () => {
            assertImageError(() => rdsPostgresVersion("db", "12"), "db", /Postgres 12 is past the end of standard support.*postgres:17/s);
            assertImageError(() => rdsPostgresVersion("db", "9.6"), "db", /9\.6/);
        });

        it("refuses a version that is not one", () => assertImageError(() => rdsPostgresVersion("db", "x1"), "db", /"x1" is not a Postgres version/));
    });

    describe("ElastiCache", () => {
        const cases: Array<["redis" | "valkey", string | undefined, string]> = [
            ["redis", "7", "7.1"],
            ["redis", "7.0", "7.0"],
            ["redis", "7.1", "7.1"],
            ["redis", "7.2", "7.1"],
            ["redis", "7.4.2", "7.1"],
            ["redis", "6", "6.2"],
            ["redis", "6.0", "6.0"],
            ["redis", undefined, "7.1"],
            ["valkey", "7", "7.2"],
            ["valkey", "7.2.6", "7.2"],
            ["valkey", "8", "8.2"],
            ["valkey", "8.0", "8.0"],
            ["valkey", "8.1.3", "8.1"],
            ["valkey", "9", "9.0"],
            ["valkey", undefined, "8.2"],
        ];
        for (const [engine, version, engineVersion] of cases) {
            it(`maps ${engine} ${version ?? "(no version)"} to ${engineVersion}`, () => {
                const v = cacheEngineVersion("cache", engine, version);
                assert.equal(v.engine, engine);
                assert.equal(v.engineVersion, engineVersion);
            });
        }

        it("keeps the engine the model names, with documented default majors", () => {
            assert.deepEqual(DEFAULT_CACHE_MAJOR, { redis: 7, valkey: 8 });
            assert.equal(cacheEngineVersion("cache", "redis", undefined).engine, "redis");
        });

        it("refuses Redis OSS 8, which ElastiCache does not offer, suggesting Valkey", () => {
            assertImageError(() => cacheEngineVersion("cache", "redis", "8"), "cache", /Redis OSS up to 7\.1.*valkey\/valkey:8/s);
        });

        it("refuses Redis OSS 5, in paid Extended Support", () => {
            assertImageError(() => cacheEngineVersion("cache", "redis", "5.0.6"), "cache", /Extended Support/);
        });

        it("refuses a Valkey major ElastiCache does not offer", () => {
            assertImageError(() => cacheEngineVersion("cache", "valkey", "6"), "cache", /does not offer version 6.*7, 8, 9/s);
        });
    });
});
