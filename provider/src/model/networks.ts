/**
 * Compose networks with `internal: true` have no external connectivity: a service attached only
 * to such networks cannot reach the internet (it still reaches the project's other services). A
 * service that is also on a normal network keeps its egress, as in compose.
 */
import { ComposeProject, ComposeService } from "../compose/types";

/** The internal networks of `svc` when every network it is on is internal; undefined otherwise. */
export function internalOnlyNetworks(svc: Pick<ComposeService, "networks" | "network_mode">, networks: ComposeProject["networks"]): string[] | undefined {
    if (svc.network_mode !== undefined) return undefined;
    const names = Object.keys(svc.networks ?? {});
    if (names.length === 0) return undefined;
    return names.every((n) => networks?.[n]?.internal === true) ? names.sort() : undefined;
}
