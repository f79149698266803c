/**
 * A Postgres service on Amazon RDS for PostgreSQL: one private, encrypted instance in the project's
 * private subnets, reachable only from the project's services, with TLS required, daily backups and
 * a final snapshot on deletion. The compose service name (and its aliases) resolves to it in the
 * project's private DNS, so `POSTGRES_HOST: db` keeps working.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PostgresModel } from "../../../model/types";
import { PostgresDeployment } from "../../backend";
import { postgresPassword } from "../../postgres-password";
import { AwsDeployRequest } from "../types";
import { rdsPostgresVersion } from "./engine-versions";
import { checkPostgresNames } from "./postgres-credentials";
import { rdsInstanceClass } from "./rds-sizing";
import { rdsPort } from "./rds-port";
import { finalSnapshotIdentifier } from "./snapshot-names";
import { addDatastoreNames, databaseDeployment, privatePlacement, tlsRequiredParameters } from "./private-datastore";

/** Storage allocated at creation (GiB): the smallest gp3 volume RDS allows, the cheapest start. */
export const ALLOCATED_STORAGE_GIB = 20;
/** Storage autoscaling ceiling (GiB): RDS grows the volume as it fills, up to this; a bound on cost. */
export const MAX_ALLOCATED_STORAGE_GIB = 100;
/** gp3: cheaper than gp2 with a 3000 IOPS baseline at any size. */
export const STORAGE_TYPE = "gp3";
/** Days of automated backups (point-in-time recovery); 7 is the RDS console default. */
export const BACKUP_RETENTION_DAYS = 7;
/** One availability zone: half the cost of Multi-AZ; the backups and final snapshot protect the data. */
export const MULTI_AZ = false;
/** The CA of the server certificate that clients verify with `sslmode=verify-full`: RSA 2048, valid until 2061. */
export const CA_CERT_IDENTIFIER = "rds-ca-rsa2048-g1";
/**
 * Do not enroll in RDS Extended Support, which is billed per vCPU-hour (more than a small instance
 * costs) once a major version leaves standard support: at that point RDS upgrades the major
 * version instead. Creating a database of a major past standard support fails.
 */
export const ENGINE_LIFECYCLE_SUPPORT = "open-source-rds-extended-support-disabled";
/** Allow a new major version (a new image tag) to upgrade the database in place, as a compose user expects. */
export const ALLOW_MAJOR_VERSION_UPGRADE = true;
/** Changes wait for the maintenance window rather than restarting the database during a deployment. */
export const APPLY_IMMEDIATELY = false;

export function deployAwsPostgres(request: AwsDeployRequest<PostgresModel>): PostgresDeployment {
    const { name, model, parent } = request;
    const infra = request.infra;

    // Everything that can be wrong is checked before any resource is created.
    const version = rdsPostgresVersion(model.name, model.version);
    const instanceClass = rdsInstanceClass(model.name, model.resources);
    checkPostgresNames(model.name, model.user, model.database);
    const port = rdsPort(model);
    const password = postgresPassword(request);

    const opts: pulumi.CustomResourceOptions = { parent, dependsOn: request.dependsOn };
    const what = `Postgres ${model.name}`;
    const placement = privatePlacement({ name, what, port, infra, opts }, aws.rds.SubnetGroup);
    const parameterGroupName = tlsRequiredParameters({ name, what, infra, opts }, aws.rds.ParameterGroup, version.parameterGroupFamily, { name: "rds.force_ssl", value: "1" });

    const instance = new aws.rds.Instance(
        `${name}-instance`,
        {
            engine: "postgres",
            engineVersion: version.engineVersion,
            engineLifecycleSupport: ENGINE_LIFECYCLE_SUPPORT,
            allowMajorVersionUpgrade: ALLOW_MAJOR_VERSION_UPGRADE,
            autoMinorVersionUpgrade: true,
            instanceClass,
            allocatedStorage: ALLOCATED_STORAGE_GIB,
            maxAllocatedStorage: MAX_ALLOCATED_STORAGE_GIB,
            storageType: STORAGE_TYPE,
            storageEncrypted: true,
            publiclyAccessible: false,
            dbSubnetGroupName: placement.subnetGroupName,
            vpcSecurityGroupIds: [placement.securityGroupId],
            parameterGroupName,
            dbName: model.database,
            username: model.user,
            password,
            port,
            backupRetentionPeriod: BACKUP_RETENTION_DAYS,
            copyTagsToSnapshot: true,
            skipFinalSnapshot: false,
            finalSnapshotIdentifier: finalSnapshotIdentifier(infra.projectName, model.name, "postgres"),
            deletionProtection: infra.deletionProtection,
            multiAz: MULTI_AZ,
            performanceInsightsEnabled: false,
            applyImmediately: APPLY_IMMEDIATELY,
            caCertIdentifier: CA_CERT_IDENTIFIER,
            iamDatabaseAuthenticationEnabled: false,
            tags: infra.tags,
        },
        opts,
    );

    addDatastoreNames(infra, name, model, instance.address, parent);
    // The RDS address resolves from anywhere in the VPC; the service name resolves to it too.
    return databaseDeployment(model, instance.address, instance.port, password);
}
