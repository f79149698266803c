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
import * as digitalocean from "@pulumi/digitalocean";
import * as pulumi from "@pulumi/pulumi";
import { MongoModel } from "../../../model/types";
import { MongoDeployment } from "../../backend";
import { mongoUrl } from "../../mongo-references";
import { databaseSize } from "./datastore-sizing";
import { mongoNodeCount, mongoVersion } from "./engine-versions";
import { MONGO_OPTIONS } from "../network/references";
import { DigitalOceanDeployRequest } from "../types";
import { clusterHost } from "../network/vpc";

/** The port compose apps use when the service declares none. */
export const MONGO_PORT = 27017;
/** The cluster's admin user, created with it. */
export const ADMIN_USER = "doadmin";

export function deployDigitalOceanMongo(request: DigitalOceanDeployRequest<MongoModel>): MongoDeployment {
    const { name, model, parent, config } = request;
    const infra = request.infra;

    // Everything that can be wrong is checked before any resource is created.
    const version = mongoVersion(model.name, model.version);
    const nodeCount = mongoNodeCount(model.name, model.replicas);
    const size = databaseSize(model.name, model.resources);
    if (model.password.kind === "input") pulumi.log.warn(`mongo "${model.name}": DigitalOcean generates database passwords; the password given is not used (read it from the component's \`password\` output)`, parent);

    const cluster = new digitalocean.DatabaseCluster(
        `${name}-cluster`,
        { engine: "mongodb", version, size: size.slug, region: infra.region.datacenter, nodeCount, tags: infra.tags, privateNetworkUuid: infra.network.forCluster() },
        { parent, dependsOn: request.dependsOn, protect: infra.deletionProtection },
    );
    const host = clusterHost(infra.network, cluster);
    const password = pulumi.secret(cluster.password);
    const user = pulumi.output(ADMIN_USER);
    const database = pulumi.output(model.database);
    if (model.password.kind === "config") config.provide(model.password.key, password);

    infra.datastores.push({
        kind: "mongo",
        service: model.name,
        names: [model.name, ...model.aliases],
        name,
        parent,
        clusterId: cluster.id,
        clusterName: cluster.name,
        composePort: model.ports[0]?.target ?? MONGO_PORT,
        composeUser: model.user,
        composeDatabase: model.database,
        values: { host, port: cluster.port, user: ADMIN_USER, password, database: model.database },
        firewalled: false,
    });
    return {
        host,
        port: cluster.port,
        database,
        user,
        password,
        url: pulumi.secret(pulumi.all([host, cluster.port, password]).apply(([h, p, pw]) => mongoUrl({ scheme: "mongodb+srv", host: h, port: p, user: ADMIN_USER, password: pw, options: MONGO_OPTIONS }, model.database))),
    };
}
