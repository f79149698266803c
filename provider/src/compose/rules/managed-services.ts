/**
 * Databases and caches: the managed-service extensions and the images they go with, and stateful
 * images deployed as plain containers (their data is lost on restart).
 */
import { ComposeService } from "../types";
import { extensionEnabled } from "../extension-flags";
import { imageRepository, Rule } from "./report";

const POSTGRES_IMAGE = /postgres|postgis|pgvector|timescale/;
const REDIS_IMAGE = /redis|valkey|keydb|dragonfly/;
const MONGO_IMAGE = /mongo|documentdb|ferretdb/;

/** Images of stateful servers, by the last segment of their repository. */
const DATABASES: Array<{ pattern: RegExp; kind: string; extension?: string }> = [
    { pattern: /^(postgres(ql)?|postgis|pgvector|timescaledb(-ha)?)$/, kind: "PostgreSQL", extension: "x-defang-postgres" },
    { pattern: /^(redis(-stack(-server)?)?|valkey|keydb)$/, kind: "Redis", extension: "x-defang-redis" },
    { pattern: /^(mysql(-server)?|mariadb)$/, kind: "MySQL" },
    { pattern: /^mongo(db)?(-community-server)?$/, kind: "MongoDB", extension: "x-defang-mongodb" },
];

function hasStorage(svc: ComposeService): boolean {
    return (svc.volumes ?? []).some((v) => v.type === "volume" || v.type === "bind");
}

/** Managed extensions on the wrong image, and unmanaged databases without storage. */
export const checkManagedServices: Rule = (project, report, _ctx, services) => {
    for (const [name, svc] of services) {
        const repo = imageRepository(svc.image);
        const postgres = extensionEnabled(svc["x-defang-postgres"]);
        const redis = extensionEnabled(svc["x-defang-redis"]);
        const mongo = extensionEnabled(svc["x-defang-mongodb"]);
        if (postgres && repo && !POSTGRES_IMAGE.test(repo)) {
            report.service(name, ["image"], {
                severity: "warning",
                code: "managed-postgres-image",
                message: `x-defang-postgres replaces this service with a managed PostgreSQL database, but its image "${svc.image}" is not a PostgreSQL image`,
                hint: "use a postgres image (e.g. postgres:16) so local runs match the cloud, or remove x-defang-postgres",
            });
        }
        if (redis && repo && !REDIS_IMAGE.test(repo)) {
            report.service(name, ["image"], {
                severity: "warning",
                code: "managed-redis-image",
                message: `x-defang-redis replaces this service with a managed Redis-compatible cache, but its image "${svc.image}" is not a Redis or Valkey image`,
                hint: "use a redis or valkey image (e.g. redis:7) so local runs match the cloud, or remove x-defang-redis",
            });
        }
        if (mongo && repo && !MONGO_IMAGE.test(repo)) {
            report.service(name, ["image"], {
                severity: "warning",
                code: "managed-mongodb-image",
                message: `x-defang-mongodb replaces this service with a managed MongoDB-compatible database, but its image "${svc.image}" is not a MongoDB image`,
                hint: "use a mongo image (e.g. mongo:7) so local runs match the cloud, or remove x-defang-mongodb",
            });
        }
        if (postgres || redis || mongo || hasStorage(svc)) continue;
        // The last segment of the repository (see `imageName`).
        const image = repo.slice(repo.lastIndexOf("/") + 1);
        const db = DATABASES.find((d) => d.pattern.test(image));
        if (!db) continue;
        report.service(name, ["image"], {
            severity: "warning",
            code: "unmanaged-database",
            message: `this ${db.kind} server runs as a plain container with no storage: its data is lost whenever the service restarts or is redeployed`,
            hint: db.extension
                ? `add \`${db.extension}: true\` to use a managed ${db.kind} service instead`
                : `use a managed ${db.kind} service of your cloud and pass its address in \`environment\`, or accept losing the data (e.g. for tests)`,
        });
    }
};
