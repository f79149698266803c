/**
 * A Postgres service as a DigitalOcean managed PostgreSQL cluster of one node: the major version of
 * the image tag, the cheapest node that fits the reservations, daily backups (DigitalOcean keeps
 * seven days, with point-in-time recovery), TLS required on every connection, in the project's VPC
 * (reached at its private hostname) unless `defang:privateNetworking` is false, and a firewall
 * (trusted sources) that admits the project's App only, created with the App. It is attached to
 * the App, so services can also bind `${<name>.DATABASE_URL}`.
 *
 * The database named by POSTGRES_DB is created (`postgres` means the cluster's `defaultdb`).
 * Services connect as the cluster's admin user `doadmin`: DigitalOcean's API creates other users
 * without rights on the `public` schema of PostgreSQL 15 and later and cannot grant them, so an
 * app connecting as POSTGRES_USER could not create its tables. DigitalOcean generates the
 * password (its API takes none): the configured POSTGRES_PASSWORD is not used by the database, and
 * every service that reads that key gets the generated password instead.
 */
import * as digitalocean from "@pulumi/digitalocean";
import * as pulumi from "@pulumi/pulumi";
import { PostgresModel } from "../../../model/types";
import { PostgresDeployment } from "../../backend";
import { databaseSize } from "./datastore-sizing";
import { postgresVersion } from "./engine-versions";
import { DigitalOceanDeployRequest } from "../types";
import { clusterHost } from "../network/vpc";

/** The port compose apps use when the service declares none. */
export const POSTGRES_PORT = 5432;
/** One node: the cheapest; a standby node (failover) doubles the cost. */
export const NODE_COUNT = 1;
/** The database every cluster has. */
export const DEFAULT_DATABASE = "defaultdb";
/** The cluster's admin user, created with it. */
export const ADMIN_USER = "doadmin";
/** Database names that mean the cluster's default database. */
const DEFAULT_DATABASE_NAMES = new Set(["postgres", DEFAULT_DATABASE]);

export function deployDigitalOceanPostgres(request: DigitalOceanDeployRequest<PostgresModel>): PostgresDeployment {
    const { name, model, parent, config } = request;
    const infra = request.infra;

    // Everything that can be wrong is checked before any resource is created.
    const version = postgresVersion(model.name, model.version);
    const size = databaseSize(model.name, model.resources);
    if (model.password.kind === "input") pulumi.log.warn(`postgres "${model.name}": DigitalOcean generates database passwords; the password given is not used (read it from the component's \`password\` output)`);

    const cluster = new digitalocean.DatabaseCluster(
        `${name}-cluster`,
        { engine: "pg", version, size: size.slug, region: infra.region.datacenter, nodeCount: NODE_COUNT, tags: infra.tags, privateNetworkUuid: infra.network.forCluster() },
        { parent, dependsOn: request.dependsOn, protect: infra.deletionProtection },
    );
    const database = DEFAULT_DATABASE_NAMES.has(model.database) ? pulumi.output(DEFAULT_DATABASE) : new digitalocean.DatabaseDb(`${name}-database`, { clusterId: cluster.id, name: model.database }, { parent }).name;
    const host = clusterHost(infra.network, cluster);
    const password = pulumi.secret(cluster.password);
    const user = pulumi.output(ADMIN_USER);
    if (model.password.kind === "config") config.provide(model.password.key, password);

    const port = model.ports[0]?.target ?? POSTGRES_PORT;
    infra.datastores.push({
        kind: "postgres",
        service: model.name,
        names: [model.name, ...model.aliases],
        name,
        parent,
        clusterId: cluster.id,
        clusterName: cluster.name,
        composePort: port,
        composeUser: model.user,
        composeDatabase: model.database,
        values: { host, port: cluster.port, user, password, database },
        attach: { engine: "PG", dbName: database, dbUser: ADMIN_USER },
        firewalled: false,
    });
    return { host, port: cluster.port, database, user, password };
}
