/**
 * A Redis or Valkey service as a DigitalOcean managed Valkey cluster of `deploy.replicas` nodes
 * (one by default; more are standby nodes that take over on failure) (Managed Caching
 * for Redis is no longer offered; Valkey speaks the same protocol). TLS is always on and clients
 * authenticate as `default` with the password DigitalOcean generates; it is in the project's VPC
 * (reached at its private hostname) unless `defang:privateNetworking` is false; the firewall
 * (trusted sources) admits the project's App only, and is created with the App.
 */
import { RedisModel } from "../../../model/types";
import { RedisDeployment } from "../../backend";
import { databaseSize } from "./datastore-sizing";
import { valkeyVersion } from "./engine-versions";
import { addDatastore, createManagedCluster } from "./managed-cluster";
import { DigitalOceanDeployRequest } from "../types";

/** The port compose apps use when the service declares none. */
export const REDIS_PORT = 6379;
/** The user Valkey clients authenticate as. */
export const VALKEY_USER = "default";
/** Keys are never evicted (a cache that fills refuses writes): the Redis default, safe for queues like BullMQ. */
export const EVICTION_POLICY = "noeviction";

export function deployDigitalOceanRedis(request: DigitalOceanDeployRequest<RedisModel>): RedisDeployment {
    const { model } = request;
    const infra = request.infra;

    const version = valkeyVersion(model.name, model.engine, model.version);
    const size = databaseSize(model.name, model.resources);

    const managed = createManagedCluster(request, infra, { engine: "valkey", version, size, nodeCount: model.replicas, engineSettings: { evictionPolicy: EVICTION_POLICY } });
    const { cluster, host, password } = managed;
    addDatastore(request, infra, managed, { kind: "redis", defaultPort: REDIS_PORT, values: { host, port: cluster.port, user: VALKEY_USER, password, database: "0" } });
    return { host, port: cluster.port, password, tls: true };
}
