/**
 * A MongoDB service on Google Cloud as Firestore with MongoDB compatibility (Firestore Enterprise
 * edition): a serverless database, encrypted at rest, reached over TLS on port 443 of
 * `<uid>.<location>.firestore.goog` with SCRAM-SHA-256 credentials (a Firestore user). It is a
 * Google API endpoint, not an address in the project's network: access is by the generated
 * credentials only. Point-in-time recovery keeps 7 days of versions; the database is left in
 * place (with its data) when the stack is deleted, and delete protection follows the shared option.
 *
 * Firestore generates the user's password (its API takes none): a configured
 * MONGO_INITDB_ROOT_PASSWORD is not used by the database, and every service that reads that key
 * gets the generated password instead. Services' `mongodb://<name>...` values are rewritten with
 * the credentials and the options Firestore requires (`service-references.ts`).
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { MongoModel } from "../../../model/types";
import { MongoDeployment } from "../../backend";
import { MongoEndpoint, mongoUrl } from "../../mongo-references";
import { checkFirestoreMongoVersion, firestoreDatabaseId } from "./firestore-names";
import { GcpDeployRequest } from "../types";

/** Firestore serves the MongoDB protocol on 443. */
export const FIRESTORE_MONGO_PORT = 443;
/** The edition that serves the MongoDB protocol. */
export const DATABASE_EDITION = "ENTERPRISE";
/** Kept when the stack is deleted: the data outlives `pulumi destroy`, as a final snapshot would. */
export const DELETION_POLICY = "ABANDON";
/**
 * Options Firestore requires of clients: load-balanced mode, TLS, no retryable writes, and the
 * SCRAM-SHA-256 mechanism of its users. Source: https://cloud.google.com/firestore/mongodb-compatibility/docs/connect (read 2026-12-07).
 */
export const FIRESTORE_OPTIONS: ReadonlyArray<readonly [string, string]> = [
    ["loadBalanced", "true"],
    ["tls", "true"],
    ["retryWrites", "false"],
    ["authMechanism", "SCRAM-SHA-256"],
];

export function deployGcpMongo(request: GcpDeployRequest<MongoModel>): MongoDeployment {
    const { name, model, parent, config } = request;
    const infra = request.infra;

    // Everything that can be wrong is checked before any resource is created.
    checkFirestoreMongoVersion(model.name, model.version);
    const databaseId = firestoreDatabaseId(model.name, model.database);
    if (model.password.kind === "input") pulumi.log.warn(`mongo "${model.name}": Firestore generates user passwords; the password given is not used (read it from the component's \`password\` output)`, parent);
    if (model.replicas > 1) pulumi.log.info(`mongo "${model.name}": Firestore replicates across zones itself; deploy.replicas is not needed`, parent);

    const database = new gcp.firestore.Database(
        `${name}-database`,
        {
            project: infra.project,
            name: databaseId,
            locationId: infra.region,
            type: "FIRESTORE_NATIVE",
            databaseEdition: DATABASE_EDITION,
            pointInTimeRecoveryEnablement: "POINT_IN_TIME_RECOVERY_ENABLED",
            deleteProtectionState: infra.deletionProtection ? "DELETE_PROTECTION_ENABLED" : "DELETE_PROTECTION_DISABLED",
            deletionPolicy: DELETION_POLICY,
        },
        { parent, dependsOn: [...request.dependsOn, infra.api("firestore.googleapis.com")] },
    );
    const user = new gcp.firestore.UserCreds(`${name}-user`, { project: infra.project, database: database.name, name: model.user }, { parent });
    const password = pulumi.secret(user.securePassword);
    if (model.password.kind === "config") config.provide(model.password.key, password);

    const host = pulumi.interpolate`${database.uid}.${database.locationId}.firestore.goog`;
    const endpoint = (pw: string) =>
        host.apply((h): MongoEndpoint => ({ scheme: "mongodb", host: h, port: FIRESTORE_MONGO_PORT, user: model.user, password: pw, options: FIRESTORE_OPTIONS, defaultDatabase: databaseId }));
    infra.directory.provide(
        model.name,
        model.aliases,
        "mongo",
        endpoint("").apply((e) => ({ kind: "mongo" as const, host: e.host, port: e.port, endpoint: e })),
        password,
    );
    return {
        host,
        port: pulumi.output(FIRESTORE_MONGO_PORT),
        database: database.name,
        user: pulumi.output(model.user),
        password,
        // The path names the Firestore database, as Firestore requires.
        url: pulumi.secret(pulumi.all([host, password]).apply(([h, pw]) => mongoUrl({ scheme: "mongodb", host: h, port: FIRESTORE_MONGO_PORT, user: model.user, password: pw, options: FIRESTORE_OPTIONS }, databaseId))),
    };
}
