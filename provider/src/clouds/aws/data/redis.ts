/**
 * A Redis or Valkey service on Amazon ElastiCache: one node (a replication group of one) in the
 * project's private subnets, reachable only from the project's services, encrypted at rest and, by
 * default, in transit with an AUTH token. The compose service name (and its aliases) resolves to it
 * in the project's private DNS.
 *
 * TLS and AUTH are on by default (`defang:redisTls`): apps must connect with
 * `rediss://:<token>@<host>:<port>`. A compose app that uses `redis://<name>:6379` without a
 * password needs `pulumi config set defang:redisTls false`, which turns off both (ElastiCache only
 * allows an AUTH token with TLS); the security group still admits the project's services only.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { RedisModel } from "../../../model/types";
import { RedisDeployment } from "../../backend";
import { datastorePort } from "./datastore-port";
import { AwsDeployRequest } from "../types";
import { cacheNodeType } from "./elasticache-sizing";
import { cacheEngineVersion } from "./engine-versions";
import { finalSnapshotIdentifier } from "./snapshot-names";
import { addDatastoreNames, privatePlacement } from "./private-datastore";

/** The port when the service declares none: the standard one, which compose apps expect. */
export const REDIS_PORT = 6379;
/**
 * With TLS on, clients must authenticate with the generated AUTH token (every Redis OSS 6+ and
 * Valkey version ElastiCache offers supports it). ElastiCache allows a token only with TLS, so
 * turning TLS off (`defang:redisTls false`) turns authentication off too.
 */
export const AUTH_REQUIRED = true;
/** Length of the generated AUTH token (ElastiCache allows 16 to 128); letters and digits only, which ElastiCache and URLs accept as is. */
export const AUTH_TOKEN_LENGTH = 32;
/** Days of daily snapshots kept: one, enough to recover from a bad day at little storage cost. */
export const SNAPSHOT_RETENTION_DAYS = 1;
/** Changes wait for the maintenance window rather than restarting the cache during a deployment. */
export const APPLY_IMMEDIATELY = false;

export function deployAwsRedis(request: AwsDeployRequest<RedisModel>): RedisDeployment {
    const { name, model, parent } = request;
    const infra = request.infra;

    // Everything that can be wrong is checked before any resource is created.
    const version = cacheEngineVersion(model.name, model.engine, model.version);
    const nodeType = cacheNodeType(model.name, model.resources);
    const { port } = datastorePort(model.ports, REDIS_PORT);
    const tls = infra.redisTls;
    const title = model.engine === "valkey" ? "Valkey" : "Redis";

    const opts: pulumi.CustomResourceOptions = { parent, dependsOn: request.dependsOn };
    const authToken = tls && AUTH_REQUIRED ? new random.RandomPassword(`${name}-auth-token`, { length: AUTH_TOKEN_LENGTH, special: false }, { parent }) : undefined;
    const password = authToken ? pulumi.secret(authToken.result) : undefined;
    const placement = privatePlacement({ name, what: `${title} ${model.name}`, port, infra, opts }, aws.elasticache.SubnetGroup);

    const cache = new aws.elasticache.ReplicationGroup(
        `${name}-cache`,
        {
            description: `${title} ${model.name}`,
            engine: version.engine,
            engineVersion: version.engineVersion,
            nodeType,
            // One node by default (the cheapest); `deploy.replicas` above 1 adds replicas in other zones and failover.
            numCacheClusters: model.replicas,
            automaticFailoverEnabled: model.replicas > 1,
            multiAzEnabled: model.replicas > 1,
            port,
            subnetGroupName: placement.subnetGroupName,
            securityGroupIds: [placement.securityGroupId],
            atRestEncryptionEnabled: true,
            transitEncryptionEnabled: tls,
            authToken: password,
            snapshotRetentionLimit: SNAPSHOT_RETENTION_DAYS,
            finalSnapshotIdentifier: finalSnapshotIdentifier(infra.projectName, model.name, "redis"),
            applyImmediately: APPLY_IMMEDIATELY,
            autoMinorVersionUpgrade: true,
            tags: infra.tags,
        },
        // ElastiCache has no deletion protection: Pulumi's stands in for it.
        { ...opts, protect: infra.deletionProtection },
    );

    addDatastoreNames(infra, name, model, cache.primaryEndpointAddress, parent);

    const deployment: RedisDeployment = {
        host: cache.primaryEndpointAddress,
        port: cache.port.apply((p) => p ?? port),
        tls,
    };
    if (password) deployment.password = password;
    return deployment;
}
