/**
 * A MongoDB service on Amazon DocumentDB: a cluster with `deploy.replicas` instances (one primary,
 * the others read replicas in other zones) in the project's private subnets, reachable only from
 * the project's services, encrypted at rest (the account's default KMS key), TLS required, daily
 * backups and a final snapshot on deletion. The compose service name (and its aliases) resolves
 * to the cluster endpoint in the project's private DNS, and services' `mongodb://<name>...` values
 * are rewritten with the credentials and options DocumentDB requires (`mongo-references.ts`).
 *
 * DocumentDB's server certificate is signed by the Amazon RDS certificate authority, which is not
 * in the usual trust stores: clients must add the RDS CA bundle
 * (https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem) to the image and pass
 * `tlsCAFile=<path>` (a warning says so at deployment).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { MongoModel } from "../../../model/types";
import { MongoDeployment } from "../../backend";
import { MongoEndpoint, mongoUrl } from "../../mongo-references";
import { postgresPassword } from "../../postgres-password";
import { datastorePort } from "./datastore-port";
import { checkDocdbUser, docdbInstanceClass, docdbInstanceCount } from "./docdb-sizing";
import { docdbVersion } from "./docdb-versions";
import { finalSnapshotIdentifier } from "./snapshot-names";
import { addDatastoreNames, databaseDeployment, privatePlacement, tlsRequiredParameters } from "./private-datastore";
import { AwsDeployRequest } from "../types";

/** The port MongoDB clients use when the compose service declares none. */
export const MONGO_PORT = 27017;
/** Days of automated backups (point-in-time recovery); 7 as for RDS. */
export const BACKUP_RETENTION_DAYS = 7;
/** Changes wait for the maintenance window rather than restarting the database during a deployment. */
export const APPLY_IMMEDIATELY = false;
/**
 * Options DocumentDB requires of clients: TLS, no retryable writes (not supported), and the
 * replica set so that the driver finds the primary. Source: the DocumentDB developer guide,
 * "Connecting programmatically" (read 2026-12-07).
 */
export const DOCDB_OPTIONS: ReadonlyArray<readonly [string, string]> = [
    ["tls", "true"],
    ["replicaSet", "rs0"],
    ["readPreference", "secondaryPreferred"],
    ["retryWrites", "false"],
    ["authSource", "admin"],
];
/** The CA bundle clients must trust (see the file's comment). */
export const RDS_CA_BUNDLE_URL = "https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem";

export function deployAwsMongo(request: AwsDeployRequest<MongoModel>): MongoDeployment {
    const { name, model, parent } = request;
    const infra = request.infra;

    // Everything that can be wrong is checked before any resource is created.
    const version = docdbVersion(model.name, model.version);
    const instanceClass = docdbInstanceClass(model.name, model.resources);
    const instances = docdbInstanceCount(model.name, model.replicas);
    checkDocdbUser(model.name, model.user);
    const { port } = datastorePort(model.ports, MONGO_PORT);
    const password = postgresPassword(request);

    const opts: pulumi.CustomResourceOptions = { parent, dependsOn: request.dependsOn };
    const what = `MongoDB ${model.name}`;
    const placement = privatePlacement({ name, what, port, infra, opts }, aws.docdb.SubnetGroup);
    const parameterGroupName = tlsRequiredParameters({ name, what, infra, opts }, aws.docdb.ClusterParameterGroup, version.family, { name: "tls", value: "enabled" });
    const cluster = new aws.docdb.Cluster(
        `${name}-cluster`,
        {
            engine: "docdb",
            engineVersion: version.engineVersion,
            masterUsername: model.user,
            masterPassword: password,
            port,
            dbSubnetGroupName: placement.subnetGroupName,
            vpcSecurityGroupIds: [placement.securityGroupId],
            dbClusterParameterGroupName: parameterGroupName,
            // Encrypted at rest with the account's default DocumentDB KMS key.
            storageEncrypted: true,
            backupRetentionPeriod: BACKUP_RETENTION_DAYS,
            skipFinalSnapshot: false,
            finalSnapshotIdentifier: finalSnapshotIdentifier(infra.projectName, model.name, "mongo"),
            deletionProtection: infra.deletionProtection,
            applyImmediately: APPLY_IMMEDIATELY,
            tags: infra.tags,
        },
        opts,
    );
    for (let i = 0; i < instances; i++) {
        new aws.docdb.ClusterInstance(
            `${name}-instance-${i}`,
            { clusterIdentifier: cluster.id, instanceClass, engine: "docdb", applyImmediately: APPLY_IMMEDIATELY, autoMinorVersionUpgrade: true, tags: infra.tags },
            { parent },
        );
    }

    const clusterPort = cluster.port.apply((p) => p ?? port);
    addDatastoreNames(infra, name, model, cluster.endpoint, parent);
    pulumi.log.warn(
        `mongo "${model.name}": Amazon DocumentDB's certificate is signed by the Amazon RDS CA, which clients do not trust by default: add ${RDS_CA_BUNDLE_URL} to the images that connect and pass tlsCAFile=<its path> in the connection string`,
        parent,
    );

    const endpoint: pulumi.Output<MongoEndpoint> = pulumi
        .all([cluster.endpoint, clusterPort, password])
        .apply(([host, p, pw]) => ({ scheme: "mongodb" as const, host, port: p, user: model.user, password: pw, options: DOCDB_OPTIONS }));
    const secretEndpoint = pulumi.secret(endpoint);
    for (const n of [model.name, ...model.aliases]) infra.mongoEndpoints.set(n, secretEndpoint);

    return { ...databaseDeployment(model, cluster.endpoint, clusterPort, password), url: pulumi.secret(secretEndpoint.apply((e) => mongoUrl(e, model.database))) };
}
