/**
 * Ports: compose long syntax to the model, one entry per container port. As the loader's rules
 * warn: a published port is not used (an ingress port is exposed on its target port), and a UDP
 * port cannot be load balanced, so it is a host port, reachable from the project's services.
 */
import { ComposePort } from "../compose/types";
import { PortModel } from "./types";

export function portsFromCompose(ports: ComposePort[] | undefined): PortModel[] {
    return (ports ?? []).map((p) => {
        const protocol = p.protocol === "udp" ? "udp" : "tcp";
        const mode = p.mode === "host" || protocol === "udp" ? "host" : "ingress";
        const port: PortModel = { target: p.target, mode, protocol };
        if (p.app_protocol) port.appProtocol = p.app_protocol;
        return port;
    });
}
