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
import { addDatastore, createManagedCluster } from "./managed-cluster";
import { DigitalOceanDeployRequest } from "../types";

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
    const { name, model, parent } = request;
    const infra = request.infra;

    // Everything that can be wrong is checked before any resource is created.
    const version = postgresVersion(model.name, model.version);
    const size = databaseSize(model.name, model.resources);

    const managed = createManagedCluster(request, infra, { engine: "pg", version, size, nodeCount: NODE_COUNT });
    const { cluster, host, password } = managed;
    const database = DEFAULT_DATABASE_NAMES.has(model.database) ? pulumi.output(DEFAULT_DATABASE) : new digitalocean.DatabaseDb(`${name}-database`, { clusterId: cluster.id, name: model.database }, { parent }).name;
    const user = pulumi.output(ADMIN_USER);
    addDatastore(request, infra, managed, {
        kind: "postgres",
        defaultPort: POSTGRES_PORT,
        composeUser: model.user,
        composeDatabase: model.database,
        values: { host, port: cluster.port, user, password, database },
        attach: { engine: "PG", dbName: database, dbUser: ADMIN_USER },
    });
    return { host, port: cluster.port, database, user, password };
}
