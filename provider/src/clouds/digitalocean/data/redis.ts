/**
 * A Redis or Valkey service as a DigitalOcean managed Valkey cluster of `deploy.replicas` nodes
 * (one by default; more are standby nodes that take over on failure) (Managed Caching
 * for Redis is no longer offered; Valkey speaks the same protocol). TLS is always on and clients
 * authenticate as `default` with the password DigitalOcean generates; it is in the project's VPC
 * (reached at its private hostname) unless `defang:privateNetworking` is false; the firewall
 * (trusted sources) admits the project's App only, and is created with the App.
 */
import * as digitalocean from "@pulumi/digitalocean";
import * as pulumi from "@pulumi/pulumi";
import { RedisModel } from "../../../model/types";
import { RedisDeployment } from "../../backend";
import { databaseSize } from "./datastore-sizing";
import { valkeyVersion } from "./engine-versions";
import { DigitalOceanDeployRequest } from "../types";
import { clusterHost } from "../network/vpc";

/** The port compose apps use when the service declares none. */
export const REDIS_PORT = 6379;
/** The user Valkey clients authenticate as. */
export const VALKEY_USER = "default";
/** Keys are never evicted (a cache that fills refuses writes): the Redis default, safe for queues like BullMQ. */
export const EVICTION_POLICY = "noeviction";

export function deployDigitalOceanRedis(request: DigitalOceanDeployRequest<RedisModel>): RedisDeployment {
    const { name, model, parent } = request;
    const infra = request.infra;

    const version = valkeyVersion(model.name, model.engine, model.version);
    const size = databaseSize(model.name, model.resources);

    const cluster = new digitalocean.DatabaseCluster(
        `${name}-cluster`,
        { engine: "valkey", version, size: size.slug, region: infra.region.datacenter, nodeCount: model.replicas, evictionPolicy: EVICTION_POLICY, tags: infra.tags, privateNetworkUuid: infra.network.forCluster() },
        { parent, dependsOn: request.dependsOn, protect: infra.deletionProtection },
    );
    const host = clusterHost(infra.network, cluster);
    const password = pulumi.secret(cluster.password);
    infra.datastores.push({
        kind: "redis",
        service: model.name,
        names: [model.name, ...model.aliases],
        name,
        parent,
        clusterId: cluster.id,
        clusterName: cluster.name,
        composePort: model.ports[0]?.target ?? REDIS_PORT,
        values: { host, port: cluster.port, user: VALKEY_USER, password, database: "0" },
        firewalled: false,
    });
    return { host, port: cluster.port, password, tls: true };
}
