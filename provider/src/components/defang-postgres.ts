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
import { cloudArgument } from "./cloud-argument";
import { hasComputedArgs } from "./computed-args";
import { deployWhenResolved } from "./deferred-deploy";
import { DATABASE_OUTPUTS, DatabaseOutputs } from "./database-outputs";
import { Prepared, prepare } from "./prepare";

/** Clients must use TLS: the server refuses plain connections. */
const SSL_MODE = "require";

export class DefangPostgres extends pulumi.ComponentResource {
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
        const title = `DefangPostgres "${name}"`;
        const computed = hasComputedArgs(args);
        const prepared = computed ? undefined : preparePostgres(name, title, args);
        super("defang:index:DefangPostgres", name, {}, opts);
        const outputs = prepared
            ? deployPostgres(name, this, prepared)
            : deployWhenResolved(this, title, args, DATABASE_OUTPUTS, (resolved, dependsOn) => deployPostgres(name, this, preparePostgres(name, title, resolved), dependsOn));
        this.host = outputs.host;
        this.port = outputs.port;
        this.database = outputs.database;
        this.user = outputs.user;
        this.password = outputs.password;
        this.url = outputs.url;
        this.registerOutputs({ host: this.host, port: this.port, database: this.database, user: this.user, password: this.password, url: this.url });
    }
}

function preparePostgres(name: string, title: string, args: DefangPostgresArgs): Prepared<PostgresModel> {
    return prepare<PostgresModel>(args, title, cloudArgument(args, title), () => postgresFromArgs(name, args ?? {}));
}

function deployPostgres(name: string, parent: DefangPostgres, prepared: Prepared<PostgresModel>, computedFrom: pulumi.Resource[] = []): DatabaseOutputs {
    const context = prepared.context();
    const db = context.infra.deployPostgres({ name, model: prepared.model, parent, config: context.config, dependsOn: [...prepared.dependsOn, ...computedFrom] });
    const url = pulumi.interpolate`postgres://${db.user.apply(encodeURIComponent)}:${db.password.apply(encodeURIComponent)}@${db.host}:${db.port}/${db.database.apply(encodeURIComponent)}?sslmode=${SSL_MODE}`;
    prepared.finish();
    return { host: db.host, port: db.port, database: db.database, user: db.user, password: pulumi.secret(db.password), url: pulumi.secret(url) };
}
