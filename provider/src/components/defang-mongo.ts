/**
 * `DefangMongo`: a managed MongoDB-compatible database (AWS: Amazon DocumentDB; Google Cloud:
 * Firestore with MongoDB compatibility; DigitalOcean: managed MongoDB), private to the project
 * where the cloud allows it, encrypted, TLS required, backed up. Services reach it by its name, as
 * in Compose: their `mongodb://<name>:27017/<db>` values are rewritten to its endpoint.
 *
 * @example
 * const db = new DefangMongo("mongo", { image: "mongo:7", environment: [{ name: "MONGO_INITDB_DATABASE", value: "app" }] });
 * new DefangService("app", { image: "my/app", environment: [{ name: "MONGODB_URI", value: db.url }] });
 */
import * as pulumi from "@pulumi/pulumi";
import { mongoFromArgs } from "./model-from-args";
import { MongoModel } from "../model/types";
import { DefangMongoArgs } from "./args";
import { DATABASE_OUTPUTS, DatabaseOutputs } from "./database-outputs";
import { ManagedComponent, ManagedRecipe } from "./managed-component";

export class DefangMongo extends ManagedComponent<DefangMongoArgs, MongoModel, DatabaseOutputs> implements DatabaseOutputs {
    /** The server's address (the component name resolves to it for the project's services). */
    declare readonly host: pulumi.Output<string>;
    /** The server's port. @integer */
    declare readonly port: pulumi.Output<number>;
    /** The database name (`MONGO_INITDB_DATABASE`, else `test`). */
    declare readonly database: pulumi.Output<string>;
    /** The user name (`MONGO_INITDB_ROOT_USERNAME`, else `mongo`; the cloud's own on some clouds). */
    declare readonly user: pulumi.Output<string>;
    /** Secret. */
    declare readonly password: pulumi.Output<string>;
    /** The connection string with credentials and the TLS options the server requires. Secret. */
    declare readonly url: pulumi.Output<string>;

    constructor(name: string, args: DefangMongoArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super("defang:index:DefangMongo", name, args, opts, MONGO);
    }
}

const MONGO: ManagedRecipe<DefangMongoArgs, MongoModel, DatabaseOutputs> = {
    model: (name, args) => mongoFromArgs(name, args ?? {}),
    deploy: (infra, request) => {
        const db = infra.deployMongo(request);
        return { host: db.host, port: db.port, database: db.database, user: db.user, password: pulumi.secret(db.password), url: pulumi.secret(db.url) };
    },
    outputs: DATABASE_OUTPUTS,
};
