/**
 * The one port a managed database or cache listens on, read from its compose ports. Pure (no SDK).
 */
import { PortModel } from "../../../model/types";

/** The port a data store listens on: the target of its first host port (else its first port), else `defaultPort`. */
export function datastorePort(ports: PortModel[], defaultPort: number): { port: number; index?: number } {
    const index = ports.findIndex((p) => p.mode === "host");
    const chosen = index >= 0 ? index : 0;
    const port = ports[chosen];
    return port ? { port: port.target, index: chosen } : { port: defaultPort };
}
