/** The outputs a managed database component (`DefangPostgres`, `DefangMongo`) gives its users. */
import * as pulumi from "@pulumi/pulumi";

export interface DatabaseOutputs {
    [key: string]: pulumi.Output<unknown>;
    host: pulumi.Output<string>;
    port: pulumi.Output<number>;
    database: pulumi.Output<string>;
    user: pulumi.Output<string>;
    /** Secret. */
    password: pulumi.Output<string>;
    /** Secret. */
    url: pulumi.Output<string>;
}

/** The names of `DatabaseOutputs`. */
export const DATABASE_OUTPUTS = ["host", "port", "database", "user", "password", "url"] as const satisfies ReadonlyArray<keyof DatabaseOutputs>;
