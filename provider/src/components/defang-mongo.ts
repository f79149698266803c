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
import { cloudArgument } from "./cloud-argument";
import { hasComputedArgs } from "./computed-args";
import { deployWhenResolved } from "./deferred-deploy";
import { DATABASE_OUTPUTS, DatabaseOutputs } from "./database-outputs";
import { Prepared, prepare } from "./prepare";

export class DefangMongo extends pulumi.ComponentResource {
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
        const title = `DefangMongo "${name}"`;
        const computed = hasComputedArgs(args);
        const prepared = computed ? undefined : prepareMongo(name, title, args);
        super("defang:index:DefangMongo", name, {}, opts);
        const outputs = prepared
            ? deployMongo(name, this, prepared)
            : deployWhenResolved(this, title, args, DATABASE_OUTPUTS, (resolved, dependsOn) => deployMongo(name, this, prepareMongo(name, title, resolved), dependsOn));
        this.host = outputs.host;
        this.port = outputs.port;
        this.database = outputs.database;
        this.user = outputs.user;
        this.password = outputs.password;
        this.url = outputs.url;
        this.registerOutputs({ host: this.host, port: this.port, database: this.database, user: this.user, password: this.password, url: this.url });
    }
}

function prepareMongo(name: string, title: string, args: DefangMongoArgs): Prepared<MongoModel> {
    return prepare<MongoModel>(args, title, cloudArgument(args, title), () => mongoFromArgs(name, args ?? {}));
}

function deployMongo(name: string, parent: DefangMongo, prepared: Prepared<MongoModel>, computedFrom: pulumi.Resource[] = []): DatabaseOutputs {
    const context = prepared.context();
    const db = context.infra.deployMongo({ name, model: prepared.model, parent, config: context.config, dependsOn: [...prepared.dependsOn, ...computedFrom] });
    prepared.finish();
    return { host: db.host, port: db.port, database: db.database, user: db.user, password: pulumi.secret(db.password), url: pulumi.secret(db.url) };
}
