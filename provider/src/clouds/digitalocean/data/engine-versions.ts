/**
 * Engine versions of DigitalOcean's managed databases. PostgreSQL takes the major version of the
 * image tag. Redis is no longer offered (DigitalOcean replaced Managed Caching for Redis with
 * Valkey in 2025), so a `redis` or `valkey` image becomes Valkey, which speaks the same protocol.
 */
import { UnsupportedFeaturesError } from "../../../model/errors";

/** The PostgreSQL major versions offered. */
export const POSTGRES_VERSIONS = ["14", "15", "16", "17", "18"] as const;
/** When the image has no version tag (`postgres`, `postgres:latest`). */
export const DEFAULT_POSTGRES_VERSION = "17";
/** The newest Valkey version offered: every Redis 7 or older and Valkey image gets it. */
export const NEWEST_VALKEY_VERSION = "8";
/** The Valkey versions offered, oldest first. */
export const VALKEY_VERSIONS = [NEWEST_VALKEY_VERSION] as const;

const major = (version: string | undefined) => version?.split(".")[0];

export function postgresVersion(service: string, version: string | undefined): string {
    const wanted = major(version) ?? DEFAULT_POSTGRES_VERSION;
    if ((POSTGRES_VERSIONS as readonly string[]).includes(wanted)) return wanted;
    throw new UnsupportedFeaturesError("digitalocean", [
        { service, field: "image", message: `PostgreSQL ${version} is not offered as a managed database`, hint: `use one of postgres:${POSTGRES_VERSIONS.join(", postgres:")}` },
    ]);
}

export function valkeyVersion(service: string, engine: "redis" | "valkey", version: string | undefined): string {
    const newest = NEWEST_VALKEY_VERSION;
    const wanted = Number(major(version));
    const tooNew = engine === "valkey" ? wanted > Number(newest) : wanted > 7;
    if (version && Number.isFinite(wanted) && tooNew) {
        throw new UnsupportedFeaturesError("digitalocean", [
            { service, field: "image", message: `${engine === "valkey" ? "Valkey" : "Redis"} ${version} is not offered (the managed cache is Valkey ${newest})`, hint: `use valkey/valkey:${newest} or redis:7` },
        ]);
    }
    return newest;
}

/**
 * The MongoDB major versions offered (DigitalOcean ended MongoDB 6.0 with its upstream end of life).
 * Source: https://docs.digitalocean.com/products/databases/mongodb/details/supported-versions/ (read 2026-12-07).
 */
export const MONGODB_VERSIONS = ["7", "8"] as const;
/** When the image has no version tag (`mongo`, `mongo:latest`). */
export const DEFAULT_MONGODB_VERSION = "8";

export function mongoVersion(service: string, version: string | undefined): string {
    const wanted = major(version) ?? DEFAULT_MONGODB_VERSION;
    if ((MONGODB_VERSIONS as readonly string[]).includes(wanted)) return wanted;
    throw new UnsupportedFeaturesError("digitalocean", [{ service, field: "image", message: `MongoDB ${version} is not offered as a managed database`, hint: `use one of mongo:${MONGODB_VERSIONS.join(", mongo:")}` }]);
}

/** A managed MongoDB cluster has one node, or three (a replica set with two standbys). */
export function mongoNodeCount(service: string, replicas: number): 1 | 3 {
    if (replicas <= 1) return 1;
    if (replicas <= 3) return 3;
    throw new UnsupportedFeaturesError("digitalocean", [
        { service, field: "deploy.replicas", message: `${replicas} nodes is more than the 3 a managed MongoDB cluster can have`, hint: "ask for 1 replica, or 3 (a primary and two standbys)" },
    ]);
}
