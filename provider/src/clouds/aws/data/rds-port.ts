/**
 * The port an RDS for PostgreSQL instance listens on: the compose port, when RDS allows it. Pure,
 * so that the preflight checks can use it without loading the AWS SDK.
 */
import { UnsupportedFeaturesError } from "../../../model/errors";
import { PostgresModel } from "../../../model/types";
import { datastorePort } from "./datastore-port";

/** The Postgres port when the service declares none: the standard one, which compose apps expect. */
export const POSTGRES_PORT = 5432;
/** The port range RDS for PostgreSQL accepts. */
export const RDS_POSTGRES_PORT_RANGE = { min: 1150, max: 65535 } as const;

/** The port RDS listens on: the compose port, when RDS allows it. */
export function rdsPort(model: PostgresModel): number {
    const { port, index } = datastorePort(model.ports, POSTGRES_PORT);
    if (port < RDS_POSTGRES_PORT_RANGE.min || port > RDS_POSTGRES_PORT_RANGE.max) {
        throw new UnsupportedFeaturesError("aws", [
            {
                service: model.name,
                field: `ports[${index ?? 0}]`,
                message: `RDS for PostgreSQL cannot listen on port ${port}`,
                hint: `use a port from ${RDS_POSTGRES_PORT_RANGE.min} to ${RDS_POSTGRES_PORT_RANGE.max}, e.g. ${POSTGRES_PORT}`,
            },
        ]);
    }
    return port;
}
