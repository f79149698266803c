/**
 * `DefangPostgres`: a managed PostgreSQL database (AWS: RDS), private to the project, encrypted,
 * backed up, with a final snapshot when deleted. Services reach it by its name, as in Compose.
 *
 * @example
 * const db = new DefangPostgres("database", { image: "postgres:18", environment: [{ name: "POSTGRES_PASSWORD" }] });
 * new DefangService("app", { image: "my/app", environment: [{ name: "DATABASE_URL", value: db.url }] });
 */
import * as pulumi from "@pulumi/pulumi";
import { postgresFromArgs } from "./model-from-args";
import { PostgresModel } from "../model/types";
import { DefangPostgresArgs } from "./args";
import { DATABASE_OUTPUTS, DatabaseOutputs } from "./database-outputs";
import { ManagedComponent, ManagedRecipe } from "./managed-component";

/** Clients must use TLS: the server refuses plain connections. */
const SSL_MODE = "require";

export class DefangPostgres extends ManagedComponent<DefangPostgresArgs, PostgresModel, DatabaseOutputs> implements DatabaseOutputs {
    /** The server's address inside the project's network (the component name resolves there too). */
    declare readonly host: pulumi.Output<string>;
    /** The server's port. @integer */
    declare readonly port: pulumi.Output<number>;
    /** The database name (`POSTGRES_DB`, else the user name). */
    declare readonly database: pulumi.Output<string>;
    /** The owner's user name (`POSTGRES_USER`, else `postgres`). */
    declare readonly user: pulumi.Output<string>;
    /** Secret. */
    declare readonly password: pulumi.Output<string>;
    /** `postgres://user:password@host:port/database?sslmode=require`. Secret. */
    declare readonly url: pulumi.Output<string>;

    constructor(name: string, args: DefangPostgresArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super("defang:index:DefangPostgres", name, args, opts, POSTGRES);
    }
}

const POSTGRES: ManagedRecipe<DefangPostgresArgs, PostgresModel, DatabaseOutputs> = {
    model: (name, args) => postgresFromArgs(name, args ?? {}),
    deploy: (infra, request) => {
        const db = infra.deployPostgres(request);
        const url = pulumi.interpolate`postgres://${db.user.apply(encodeURIComponent)}:${db.password.apply(encodeURIComponent)}@${db.host}:${db.port}/${db.database.apply(encodeURIComponent)}?sslmode=${SSL_MODE}`;
        return { host: db.host, port: db.port, database: db.database, user: db.user, password: pulumi.secret(db.password), url: pulumi.secret(url) };
    },
    outputs: DATABASE_OUTPUTS,
};
