/**
 * A Postgres service on Cloud SQL for PostgreSQL: one instance with a private IP only (through the
 * project's private services access), TLS required, daily backups with point-in-time recovery, a
 * final backup when deleted, and the database and user of the compose service with its password.
 * Services reach it by its compose name (see `service-references.ts`).
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { PostgresModel } from "../../../model/types";
import { PostgresDeployment } from "../../backend";
import { postgresPassword } from "../../postgres-password";
import { cloudSqlTier } from "./datastore-sizing";
import { cloudSqlPostgresVersion } from "./engine-versions";
import { GcpDeployRequest } from "../types";

/** Cloud SQL for PostgreSQL always listens on 5432; references to another port of the service are rewritten to it. */
export const CLOUD_SQL_PORT = 5432;
/** Enterprise edition: the one with shared-core tiers (Enterprise Plus starts at about 10 times the price). */
export const EDITION = "ENTERPRISE";
/** One zone: half the cost of a regional (HA) instance; backups protect the data. */
export const AVAILABILITY_TYPE = "ZONAL";
/** Disk: 10 GB SSD to start (the minimum), grown automatically up to 100 GB. */
export const DISK_SIZE_GB = 10;
export const DISK_AUTORESIZE_LIMIT_GB = 100;
/** Daily backups kept, and days of write-ahead logs for point-in-time recovery. */
export const RETAINED_BACKUPS = 7;
export const TRANSACTION_LOG_RETENTION_DAYS = 7;
/** Days the final backup taken at deletion is kept. */
export const FINAL_BACKUP_RETENTION_DAYS = 30;
/** Clients must use TLS; client certificates are not required (`sslmode=require` works). */
export const SSL_MODE = "ENCRYPTED_ONLY";
/** The user and database Cloud SQL creates with every instance. */
const BUILT_IN = "postgres";

export function deployGcpPostgres(request: GcpDeployRequest<PostgresModel>): PostgresDeployment {
    const { name, model, parent } = request;
    const infra = request.infra;

    // Everything that can be wrong is checked before any resource is created.
    const databaseVersion = cloudSqlPostgresVersion(model.name, model.version);
    const tier = cloudSqlTier(model.resources);
    const password = postgresPassword(request);

    const access = infra.privateServicesAccess();
    const opts: pulumi.CustomResourceOptions = { parent, dependsOn: [...request.dependsOn, access, infra.api("sqladmin.googleapis.com")] };
    const instance = new gcp.sql.DatabaseInstance(
        `${name}-instance`,
        {
            project: infra.project,
            region: infra.region,
            databaseVersion,
            // The built-in `postgres` user gets the service's password when it is the service's user.
            ...(model.user === BUILT_IN ? { rootPassword: password } : {}),
            deletionProtection: infra.deletionProtection,
            settings: {
                tier,
                edition: EDITION,
                availabilityType: AVAILABILITY_TYPE,
                diskType: "PD_SSD",
                diskSize: DISK_SIZE_GB,
                diskAutoresize: true,
                diskAutoresizeLimit: DISK_AUTORESIZE_LIMIT_GB,
                deletionProtectionEnabled: infra.deletionProtection,
                ipConfiguration: { ipv4Enabled: false, privateNetwork: infra.networkId, sslMode: SSL_MODE, enablePrivatePathForGoogleCloudServices: false },
                backupConfiguration: {
                    enabled: true,
                    pointInTimeRecoveryEnabled: true,
                    transactionLogRetentionDays: TRANSACTION_LOG_RETENTION_DAYS,
                    backupRetentionSettings: { retainedBackups: RETAINED_BACKUPS, retentionUnit: "COUNT" },
                },
                retainBackupsOnDelete: true,
                finalBackupConfig: { enabled: true, retentionDays: FINAL_BACKUP_RETENTION_DAYS },
                userLabels: infra.labels,
            },
        },
        opts,
    );
    if (model.database !== BUILT_IN) new gcp.sql.Database(`${name}-database`, { project: infra.project, instance: instance.name, name: model.database }, { parent });
    if (model.user !== BUILT_IN) new gcp.sql.User(`${name}-user`, { project: infra.project, instance: instance.name, name: model.user, password }, { parent });

    const host = instance.privateIpAddress;
    infra.directory.provide(
        model.name,
        model.aliases,
        "postgres",
        host.apply((h) => ({ kind: "postgres" as const, host: h, port: CLOUD_SQL_PORT })),
    );
    return { host, port: pulumi.output(CLOUD_SQL_PORT), database: pulumi.output(model.database), user: pulumi.output(model.user), password };
}
