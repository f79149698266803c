/**
 * The Firestore database of a managed MongoDB on Google Cloud: its id is the compose database
 * (`MONGO_INITDB_DATABASE`), so that an app that names its database (`client.db("app")`, or the
 * path of its URL) finds it. Pure (no SDK).
 */
import { UnsupportedFeaturesError } from "../../../model/errors";

/** Firestore database ids: 4 to 63 lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen. */
const DATABASE_ID = /^[a-z][a-z0-9-]{2,61}[a-z0-9]$/;

/** The Firestore database id for `database`, or a named refusal. */
export function firestoreDatabaseId(service: string, database: string): string {
    if (DATABASE_ID.test(database) && database !== "default") return database;
    throw new UnsupportedFeaturesError("gcp", [
        {
            service,
            field: "environment.MONGO_INITDB_DATABASE",
            message: `"${database}" cannot name a Firestore database (4 to 63 lowercase letters, digits and hyphens, starting with a letter)`,
            hint: "choose a database name that fits, e.g. `MONGO_INITDB_DATABASE: app-data`, and use it in the services' URLs",
        },
    ]);
}

/** The lowest MongoDB version whose applications Firestore with MongoDB compatibility serves (it has no versions of its own). */
export const FIRESTORE_MIN_MONGO_MAJOR = 4;

/** Refuses a MongoDB version older than Firestore serves (drivers before 4.0 lack the load-balanced mode it requires). */
export function checkFirestoreMongoVersion(service: string, version: string | undefined): void {
    const major = Number(version?.split(".")[0]);
    if (version === undefined || !Number.isFinite(major) || major >= FIRESTORE_MIN_MONGO_MAJOR) return;
    throw new UnsupportedFeaturesError("gcp", [
        {
            service,
            field: "image",
            message: `MongoDB ${version} is older than Firestore with MongoDB compatibility serves`,
            hint: `use mongo:${FIRESTORE_MIN_MONGO_MAJOR} or newer (the database has no version of its own)`,
        },
    ]);
}
