/**
 * Plausible DigitalOcean outputs for resources registered offline (under the SDK's mock monitor):
 * the values a real create returns that components read back (App addresses, cluster hosts,
 * ports and generated passwords, registry names).
 */
import { asSecretValue, unwrapSecrets } from "./secret-values";

/** The password DigitalOcean "generates" for a cluster offline (tests check that it stays secret). */
export function cannedClusterPassword(name: string): string {
    return `AVNS_offline_${name.replace(/[^A-Za-z0-9]/g, "")}`;
}

/** What DigitalOcean computes for a resource on create, given its inputs. */
export function cannedDigitalOceanState(type: string, name: string, raw: Record<string, unknown>): Record<string, unknown> {
    // Outputs echo the inputs as registered (secrets stay wrapped); computed values read them unwrapped.
    const inputs = unwrapSecrets(raw) as Record<string, unknown>;
    const base: Record<string, unknown> = { ...raw, name: raw.name ?? name };
    switch (type) {
        case "digitalocean:index/app:App": {
            const appName = String((inputs.spec as { name?: string } | undefined)?.name ?? name);
            const address = `https://${appName}-x7k2p.ondigitalocean.app`;
            return { ...base, defaultIngress: address, liveUrl: address, liveDomain: address.replace("https://", ""), appUrn: `do:app:${name}` };
        }
        case "digitalocean:index/databaseCluster:DatabaseCluster": {
            const valkey = inputs.engine === "valkey";
            const mongo = inputs.engine === "mongodb";
            const host = mongo ? `${name}-1a2b3c4d.mongo.ondigitalocean.com` : `${name}-do-user-1-0.k.db.ondigitalocean.com`;
            return {
                ...base,
                host,
                privateHost: `private-${host}`,
                port: valkey ? 25061 : mongo ? 27017 : 25060,
                user: valkey ? "default" : "doadmin",
                database: valkey ? "" : mongo ? "admin" : "defaultdb",
                // The provider declares the password secret (additionalSecretOutputs).
                password: asSecretValue(cannedClusterPassword(name)),
                urn: `do:dbaas:${name}`,
            };
        }
        case "digitalocean:index/databaseUser:DatabaseUser":
            return { ...base, password: asSecretValue(cannedClusterPassword(name)), role: "normal" };
        case "digitalocean:index/containerRegistry:ContainerRegistry":
            return { ...base, name: raw.name ?? `defang-${name}`.toLowerCase().slice(0, 63), endpoint: `registry.digitalocean.com/${raw.name ?? name}`, serverUrl: "registry.digitalocean.com" };
        default:
            return base;
    }
}

/** What the DigitalOcean provider's functions return. */
export function cannedDigitalOceanCall(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
    switch (token) {
        case "digitalocean:index/getDomains:getDomains": {
            // The account holds the apex (two-label) zone of any name asked about.
            const filters = (inputs.filters as Array<{ values?: string[] }> | undefined) ?? [];
            const names = filters.flatMap((f) => f.values ?? []).filter((n) => n.split(".").length === 2);
            return { domains: names.map((n) => ({ name: n, ttl: 1800, urn: `do:domain:${n}` })), filters: inputs.filters ?? [] };
        }
        default:
            return inputs;
    }
}
