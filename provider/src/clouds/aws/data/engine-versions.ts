/**
 * Engine versions of the managed data stores, from the version in the service's image tag
 * (`postgres:17-alpine`, `redis:7.2`, `valkey/valkey:8`). Pure: no Pulumi resource here.
 *
 * Versions offered by RDS and ElastiCache as of November 2026 (AWS documentation):
 * - RDS for PostgreSQL: majors 13 to 18; 13 left standard support in February 2026.
 * - ElastiCache for Redis OSS (node-based): 7.1, 7.0, 6.2, 6.0, and 5.0.6 and 4.0.10, which are in
 *   paid Extended Support since February 2026. Redis OSS after 7.1 is not offered (licence change).
 * - ElastiCache for Valkey (node-based): 7.2, 8.0, 8.1, 8.2, 9.0. Valkey is priced lower than
 *   Redis OSS (about 20% less for nodes, 33% less serverless) and is a drop-in replacement for
 *   Redis OSS 7.2; the engine is still the one the service's image names.
 */
import { UnsupportedFeature, UnsupportedFeaturesError } from "../../../model/errors";

// ---------------------------------------------------------------- RDS for PostgreSQL

/** The Postgres major version when the image has none (`postgres`, `postgres:latest`): a current major in RDS standard support. */
export const DEFAULT_POSTGRES_MAJOR = 17;

/**
 * The oldest Postgres major accepted: older ones are past RDS standard support, and creating one
 * would either fail or enroll the database in paid Extended Support (see `ENGINE_LIFECYCLE_SUPPORT`).
 */
export const OLDEST_POSTGRES_MAJOR = 14;

export interface RdsPostgresVersion {
    major: number;
    /**
     * The RDS `engineVersion`: the major only. The minor of the image tag is not kept, since RDS
     * retires minor versions within about a year and upgrades them in place (auto minor version
     * upgrade is on); pinning one would fail to create, or fight those upgrades.
     */
    engineVersion: string;
    /** The DB parameter group family, e.g. `postgres17`. */
    parameterGroupFamily: string;
}

/** The RDS engine version and parameter group family of a Postgres image version (`"17"`, `"16.4"`, undefined). */
export function rdsPostgresVersion(service: string, version: string | undefined): RdsPostgresVersion {
    const major = version === undefined ? DEFAULT_POSTGRES_MAJOR : parseVersion(version)?.major;
    if (major === undefined) {
        throw versionError(service, `the image's version "${version}" is not a Postgres version`, `use an image tag that starts with the major version, e.g. postgres:${DEFAULT_POSTGRES_MAJOR}`);
    }
    if (major < OLDEST_POSTGRES_MAJOR) {
        throw versionError(
            service,
            `Postgres ${version} is past the end of standard support on Amazon RDS`,
            `use postgres:${DEFAULT_POSTGRES_MAJOR} (or at least postgres:${OLDEST_POSTGRES_MAJOR}); upgrade the data with pg_dump/pg_restore`,
        );
    }
    return { major, engineVersion: String(major), parameterGroupFamily: `postgres${major}` };
}

// ---------------------------------------------------------------- ElastiCache

export type CacheEngine = "redis" | "valkey";

/** The major version when the image has none (`redis`, `valkey/valkey:latest`): the newest major of each engine in wide use. */
export const DEFAULT_CACHE_MAJOR: Readonly<Record<CacheEngine, number>> = { redis: 7, valkey: 8 };

/**
 * The ElastiCache version used for an image that names only a major (`redis:7`): the newest minor
 * of that major that ElastiCache offers, as an image tag of a major runs its newest minor.
 */
export const NEWEST_CACHE_MINOR: Readonly<Record<CacheEngine, Readonly<Record<number, string>>>> = {
    redis: { 6: "6.2", 7: "7.1" },
    valkey: { 7: "7.2", 8: "8.2", 9: "9.0" },
};

/** The newest Redis OSS on ElastiCache: `redis:7.2` to `redis:7.4` images get it. */
export const NEWEST_REDIS_OSS = "7.1";

export interface CacheVersion {
    engine: CacheEngine;
    major: number;
    /** The ElastiCache `engineVersion`: `major.minor`. */
    engineVersion: string;
}

/** The ElastiCache engine version of a Redis or Valkey image version (`"7"`, `"7.2"`, `"8.0.1"`, undefined). */
export function cacheEngineVersion(service: string, engine: CacheEngine, version: string | undefined): CacheVersion {
    const title = engine === "redis" ? "Redis OSS" : "Valkey";
    const parsed = version === undefined ? { major: DEFAULT_CACHE_MAJOR[engine] } : parseVersion(version);
    if (!parsed) {
        throw versionError(service, `the image's version "${version}" is not a ${title} version`, `use an image tag that starts with the version, e.g. ${imageExample(engine, DEFAULT_CACHE_MAJOR[engine])}`);
    }
    const { major, minor } = parsed;
    const newest = NEWEST_CACHE_MINOR[engine][major];
    if (newest === undefined) {
        const offered = Object.keys(NEWEST_CACHE_MINOR[engine]).join(", ");
        if (engine === "redis" && major > DEFAULT_CACHE_MAJOR.redis) {
            throw versionError(
                service,
                `ElastiCache offers Redis OSS up to ${NEWEST_REDIS_OSS}, not ${version}`,
                `use the image valkey/valkey:${DEFAULT_CACHE_MAJOR.valkey} (Valkey is a drop-in replacement for Redis OSS and costs less on ElastiCache), or redis:7`,
            );
        }
        const why = engine === "redis" && major < 6 ? " (older Redis OSS versions are in paid Extended Support on ElastiCache)" : "";
        throw versionError(service, `ElastiCache for ${title} does not offer version ${version}${why}`, `use one of the majors ${offered}, e.g. ${imageExample(engine, DEFAULT_CACHE_MAJOR[engine])}`);
    }
    if (minor === undefined) return { engine, major, engineVersion: newest };
    // Redis OSS 7.2 and later exist as images but not on ElastiCache; 7.1 speaks the same protocol.
    if (engine === "redis" && major === 7 && minor > 1) return { engine, major, engineVersion: NEWEST_REDIS_OSS };
    return { engine, major, engineVersion: `${major}.${minor}` };
}

// ---------------------------------------------------------------- shared

function parseVersion(version: string): { major: number; minor?: number } | undefined {
    const m = /^(\d+)(?:\.(\d+))?(?:\.\d+)?$/.exec(version);
    if (!m) return undefined;
    return m[2] === undefined ? { major: Number(m[1]) } : { major: Number(m[1]), minor: Number(m[2]) };
}

function imageExample(engine: CacheEngine, major: number): string {
    return engine === "redis" ? `redis:${major}` : `valkey/valkey:${major}`;
}

function versionError(service: string, message: string, hint: string): UnsupportedFeaturesError {
    const feature: UnsupportedFeature = { service, field: "image", message, hint };
    return new UnsupportedFeaturesError("aws", [feature]);
}
