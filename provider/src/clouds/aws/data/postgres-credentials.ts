/**
 * What RDS for PostgreSQL accepts as the master user name (`POSTGRES_USER`) and the database name
 * (`POSTGRES_DB`), checked before any resource is created so that a bad name fails at once, with
 * the fix, rather than after a long `pulumi up`. Pure: no Pulumi resource here.
 *
 * `postgres`, the compose image's default user, is allowed on RDS.
 */
import { UnsupportedFeature, UnsupportedFeaturesError } from "../../../model/errors";

/** Role names RDS keeps for itself or that PostgreSQL reserves. */
export const RESERVED_MASTER_USERNAMES: ReadonlySet<string> = new Set([
    // RDS's own administration roles.
    "rdsadmin",
    "rdsrepladmin",
    "rds_superuser",
    "rds_replication",
    "rds_password",
    "rds_iam",
    // Rejected by RDS for PostgreSQL as "a reserved word used by the engine".
    "admin",
    // Role names PostgreSQL gives a meaning to.
    "public",
    "none",
]);

/** Keywords PostgreSQL reserves outright: neither a role nor a database may be named so (unquoted, as RDS creates them). */
export const POSTGRES_RESERVED_KEYWORDS: ReadonlySet<string> = new Set(
    (
        "all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create " +
        "current_catalog current_date current_role current_time current_timestamp current_user default deferrable desc " +
        "distinct do else end except false fetch for foreign from grant group having in initially intersect into lateral " +
        "leading limit localtime localtimestamp not null offset on only or order placing primary references returning " +
        "select session_user some symmetric system_user table then to trailing true union unique user using variadic " +
        "when where window with"
    ).split(" "),
);

/** Letters, digits and underscores, starting with a letter, as PostgreSQL's identifiers are at most 63 characters. */
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;

/** The problem with `user` as the RDS master user name, or undefined. */
export function masterUsernameProblem(user: string): string | undefined {
    if (!IDENTIFIER.test(user)) return "must be 1 to 63 letters, digits or underscores, starting with a letter";
    const lower = user.toLowerCase();
    if (lower.startsWith("pg_")) return `starts with "pg_", which PostgreSQL reserves for its own roles`;
    if (RESERVED_MASTER_USERNAMES.has(lower)) return "is reserved by RDS or PostgreSQL";
    if (POSTGRES_RESERVED_KEYWORDS.has(lower)) return "is a reserved word of PostgreSQL";
    return undefined;
}

/** The problem with `database` as the name of the database RDS creates, or undefined. */
export function databaseNameProblem(database: string): string | undefined {
    if (!IDENTIFIER.test(database)) return "must be 1 to 63 letters, digits or underscores, starting with a letter";
    if (POSTGRES_RESERVED_KEYWORDS.has(database.toLowerCase())) return "is a reserved word of PostgreSQL";
    return undefined;
}

/** Throws one error listing every problem with the user and database names of a Postgres service. */
export function checkPostgresNames(service: string, user: string, database: string): void {
    const problems: UnsupportedFeature[] = [];
    const userProblem = masterUsernameProblem(user);
    if (userProblem) {
        problems.push({
            service,
            field: "environment.POSTGRES_USER",
            message: `"${user}" ${userProblem}, so RDS cannot create it as the master user`,
            hint: `set POSTGRES_USER to another name, e.g. "postgres" or "app"`,
        });
    }
    const dbProblem = databaseNameProblem(database);
    if (dbProblem) {
        problems.push({
            service,
            field: "environment.POSTGRES_DB",
            message: `"${database}" ${dbProblem}, so RDS cannot create the database`,
            hint: `set POSTGRES_DB to a name such as "${suggestIdentifier(database)}"`,
        });
    }
    if (problems.length > 0) throw new UnsupportedFeaturesError("aws", problems);
}

function suggestIdentifier(name: string): string {
    const s = name
        .replace(/[^A-Za-z0-9_]+/g, "_")
        .replace(/^[^A-Za-z]+/, "")
        .slice(0, 63);
    return s && !POSTGRES_RESERVED_KEYWORDS.has(s.toLowerCase()) ? s : "app";
}
