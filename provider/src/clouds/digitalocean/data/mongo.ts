/**
 * A MongoDB service as a DigitalOcean managed MongoDB cluster: the major version of the image tag,
 * one node (or three, a replica set, for `deploy.replicas` above 1), the cheapest size that fits the
 * reservations, daily backups (DigitalOcean keeps seven days, with point-in-time recovery), TLS
 * always on, in the project's VPC (reached at its private hostname) unless
 * `defang:privateNetworking` is false, and a firewall (trusted sources) that admits the project's
 * App only, created with the App.
 *
 * Services connect as the cluster's admin user `doadmin` with the password DigitalOcean generates
 * (its API takes none): a configured MONGO_INITDB_ROOT_PASSWORD is not used by the database, and
 * every service that reads that key gets the generated password instead. MongoDB creates the
 * database named in the URL on first write.
 */
import * as pulumi from "@pulumi/pulumi";
import { MongoModel } from "../../../model/types";
import { MongoDeployment } from "../../backend";
import { mongoUrl } from "../../mongo-references";
import { databaseSize } from "./datastore-sizing";
import { mongoNodeCount, mongoVersion } from "./engine-versions";
import { addDatastore, createManagedCluster } from "./managed-cluster";
import { MONGO_OPTIONS } from "../network/references";
import { DigitalOceanDeployRequest } from "../types";

/** The port compose apps use when the service declares none. */
export const MONGO_PORT = 27017;
/** The cluster's admin user, created with it. */
export const ADMIN_USER = "doadmin";

export function deployDigitalOceanMongo(request: DigitalOceanDeployRequest<MongoModel>): MongoDeployment {
    const { model } = request;
    const infra = request.infra;

    // Everything that can be wrong is checked before any resource is created.
    const version = mongoVersion(model.name, model.version);
    const nodeCount = mongoNodeCount(model.name, model.replicas);
    const size = databaseSize(model.name, model.resources);

    const managed = createManagedCluster(request, infra, { engine: "mongodb", version, size, nodeCount });
    const { cluster, host, password } = managed;
    addDatastore(request, infra, managed, {
        kind: "mongo",
        defaultPort: MONGO_PORT,
        composeUser: model.user,
        composeDatabase: model.database,
        values: { host, port: cluster.port, user: ADMIN_USER, password, database: model.database },
    });
    return {
        host,
        port: cluster.port,
        database: pulumi.output(model.database),
        user: pulumi.output(ADMIN_USER),
        password,
        url: pulumi.secret(pulumi.all([host, cluster.port, password]).apply(([h, p, pw]) => mongoUrl({ scheme: "mongodb+srv", host: h, port: p, user: ADMIN_USER, password: pw, options: MONGO_OPTIONS }, model.database))),
    };
}
