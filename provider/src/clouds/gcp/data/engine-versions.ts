/**
 * Engine versions of Cloud SQL for PostgreSQL and Memorystore for Redis, from the version in the
 * service's image tag. Pure: no Pulumi resource here.
 *
 * As of November 2026 (Google Cloud documentation): Cloud SQL offers PostgreSQL 9.6 to 18, majors
 * before 14 only in paid extended support; Memorystore for Redis offers REDIS_3_2 to REDIS_7_2
 * (no Redis 8). Valkey images run on Memorystore for Redis 7.2, which speaks the same protocol:
 * Memorystore for Valkey authenticates with IAM tokens only, which compose apps do not send.
 */
import { UnsupportedFeaturesError } from "../../../model/errors";

/** The Postgres major version when the image has none (`postgres`, `postgres:latest`). */
export const DEFAULT_POSTGRES_MAJOR = 17;
/** The oldest Postgres major accepted: older ones are in Cloud SQL's paid extended support. */
export const OLDEST_POSTGRES_MAJOR = 14;
/** The newest Postgres major Cloud SQL offers. */
export const NEWEST_POSTGRES_MAJOR = 18;

/** The Cloud SQL `databaseVersion` of a Postgres image version (`"17"`, `"16.4"`, undefined). */
export function cloudSqlPostgresVersion(service: string, version: string | undefined): string {
    const major = version === undefined ? DEFAULT_POSTGRES_MAJOR : parseVersion(version)?.major;
    if (major === undefined) throw versionError(service, `the image's version "${version}" is not a Postgres version`, `use an image tag that starts with the major version, e.g. postgres:${DEFAULT_POSTGRES_MAJOR}`);
    if (major < OLDEST_POSTGRES_MAJOR) {
        throw versionError(
            service,
            `Postgres ${version} is in Cloud SQL's paid extended support`,
            `use postgres:${DEFAULT_POSTGRES_MAJOR} (or at least postgres:${OLDEST_POSTGRES_MAJOR}); upgrade the data with pg_dump/pg_restore`,
        );
    }
    if (major > NEWEST_POSTGRES_MAJOR) throw versionError(service, `Cloud SQL does not offer Postgres ${version} yet`, `use postgres:${NEWEST_POSTGRES_MAJOR}`);
    return `POSTGRES_${major}`;
}

/** The Memorystore `redisVersion` of a Redis or Valkey image version. */
export function memorystoreRedisVersion(service: string, engine: "redis" | "valkey", version: string | undefined): string {
    if (engine === "valkey") {
        const major = version === undefined ? 8 : parseVersion(version)?.major;
        if (major === undefined || major < 7) throw versionError(service, `the image's version "${version}" is not a Valkey version Memorystore can stand in for`, "use valkey/valkey:8");
        return "REDIS_7_2";
    }
    if (version === undefined) return "REDIS_7_2";
    const parsed = parseVersion(version);
    if (!parsed) throw versionError(service, `the image's version "${version}" is not a Redis version`, "use an image tag that starts with the version, e.g. redis:7");
    const { major, minor } = parsed;
    if (major === 7) return minor !== undefined && minor < 2 ? "REDIS_7_0" : "REDIS_7_2";
    if (major === 6) return "REDIS_6_X";
    if (major === 5) return "REDIS_5_0";
    if (major > 7) throw versionError(service, `Memorystore for Redis offers Redis up to 7.2, not ${version}`, "use redis:7 (or valkey/valkey:8, which runs on Memorystore for Redis 7.2)");
    throw versionError(service, `Memorystore for Redis does not offer Redis ${version}`, "use redis:7");
}

function parseVersion(version: string): { major: number; minor?: number } | undefined {
    const m = /^(\d+)(?:\.(\d+))?(?:\.\d+)?$/.exec(version);
    if (!m) return undefined;
    return m[2] === undefined ? { major: Number(m[1]) } : { major: Number(m[1]), minor: Number(m[2]) };
}

function versionError(service: string, message: string, hint: string): UnsupportedFeaturesError {
    return new UnsupportedFeaturesError("gcp", [{ service, field: "image", message, hint }]);
}
