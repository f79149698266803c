/** The outputs a managed database component (`DefangPostgres`, `DefangMongo`) gives its users. */
import * as pulumi from "@pulumi/pulumi";
import { PostgresDeployment } from "../clouds/backend";
import { OutputNames } from "./component-outputs";

/** What the cloud's backend gives of a database (host, port, database, user, secret password), and the URL to connect with. */
export interface DatabaseOutputs extends PostgresDeployment {
    /** Secret. */
    url: pulumi.Output<string>;
}

/** The names of `DatabaseOutputs`. */
export const DATABASE_OUTPUTS = { host: true, port: true, database: true, user: true, password: true, url: true } as const satisfies OutputNames<DatabaseOutputs>;
