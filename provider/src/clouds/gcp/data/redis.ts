/**
 * A Redis or Valkey service on Memorystore for Redis: one instance on the project's private services
 * access, AUTH on, in-transit encryption on by default (`defang:redisTls`), daily RDB snapshots, and
 * a replica in another zone (Standard tier, automatic failover) when `deploy.replicas` is above 1 or
 * with `defang:redisHighAvailability`; above 2, the extra replicas serve reads. Services reach it by its compose
 * name; a `redis://<name>:<port>` URL in their environment gets `rediss`, the AUTH string and the
 * real address (see `service-references.ts`).
 *
 * With TLS, clients must trust the instance's server CA (the `serverCaCerts` of the instance), as
 * Memorystore's certificates are issued by a per-instance Google CA.
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { RedisModel } from "../../../model/types";
import { RedisDeployment } from "../../backend";
import { memorystoreCapacityGb } from "./datastore-sizing";
import { memorystoreRedisVersion } from "./engine-versions";
import { gcpOptions } from "../options";
import { GcpDeployRequest } from "../types";

/** Snapshots of the data every day (restored when the instance restarts). */
export const RDB_SNAPSHOT_PERIOD = "TWENTY_FOUR_HOURS";
/** AUTH is always on: Memorystore allows it with or without TLS. */
export const AUTH_ENABLED = true;

export function deployGcpRedis(request: GcpDeployRequest<RedisModel>): RedisDeployment {
    const { name, model, parent } = request;
    const infra = request.infra;
    const options = gcpOptions(`redis "${model.name}"`);

    // Everything that can be wrong is checked before any resource is created.
    const redisVersion = memorystoreRedisVersion(model.name, model.engine, model.version);
    const memorySizeGb = memorystoreCapacityGb(model.resources);
    const tls = infra.redisTls;
    const title = model.engine === "valkey" ? "Valkey" : "Redis";
    const highAvailability = model.replicas > 1 || options.redisHighAvailability;

    const access = infra.privateServicesAccess();
    const cache = new gcp.redis.Instance(
        `${name}-cache`,
        {
            project: infra.project,
            region: infra.region,
            displayName: `${title} ${model.name}`.slice(0, 80),
            // Standard tier keeps a replica in another zone and fails over to it.
            tier: highAvailability ? "STANDARD_HA" : "BASIC",
            ...(model.replicas > 2 ? { replicaCount: model.replicas - 1, readReplicasMode: "READ_REPLICAS_ENABLED" } : {}),
            memorySizeGb,
            redisVersion,
            connectMode: "PRIVATE_SERVICE_ACCESS",
            authorizedNetwork: infra.networkId,
            authEnabled: AUTH_ENABLED,
            transitEncryptionMode: tls ? "SERVER_AUTHENTICATION" : "DISABLED",
            persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: RDB_SNAPSHOT_PERIOD },
            deletionProtection: infra.deletionProtection,
            labels: infra.labels,
        },
        { parent, dependsOn: [...request.dependsOn, access, infra.api("redis.googleapis.com")] },
    );

    const password = pulumi.secret(cache.authString);
    infra.directory.provide(
        model.name,
        model.aliases,
        "redis",
        pulumi.all([cache.host, cache.port]).apply(([host, port]) => ({ kind: "redis" as const, host, port, tls })),
        password,
    );
    return { host: cache.host, port: cache.port, password, tls };
}
