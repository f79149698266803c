/**
 * The project's private network. With `defang:privateNetworking` (the default), the project's
 * managed clusters are created in one VPC of the project's datacenter, the App is attached to it,
 * and services reach the clusters at their private hostnames (still over TLS, still behind the
 * firewall that trusts the App only). The VPC is created with the first cluster: a project without
 * databases or caches has none. With `defang:privateNetworking false`, clusters are reached at their
 * public hostnames.
 */
import * as digitalocean from "@pulumi/digitalocean";
import * as pulumi from "@pulumi/pulumi";

/** Private networking when `defang:privateNetworking` is not set. */
export const DEFAULT_PRIVATE_NETWORKING = true;

/** The project's VPC, created on first use. */
export interface PrivateNetwork {
    /** Whether clusters are reached over the VPC. */
    readonly enabled: boolean;
    /** The VPC's id for a new cluster, creating the VPC on first use; undefined when private networking is off. */
    forCluster(): pulumi.Output<string> | undefined;
    /** The VPC's id for an App, when a cluster created it; else undefined (an App without clusters needs no VPC). */
    forApp(): pulumi.Output<string> | undefined;
}

/** The project's VPC named `${name}-vpc`, in `datacenter`, a child of `parent`, made when first asked for. */
export function privateNetwork(name: string, datacenter: string, enabled: boolean, parent: pulumi.ComponentResource): PrivateNetwork {
    let vpcId: pulumi.Output<string> | undefined;
    return {
        enabled,
        forCluster() {
            if (!enabled) return undefined;
            vpcId ??= new digitalocean.Vpc(`${name}-vpc`, { region: datacenter, description: "Private network of the project's App and managed databases (pulumi-defang)" }, { parent }).id;
            return vpcId;
        },
        forApp: () => vpcId,
    };
}

/** The host services use to reach a cluster: its private hostname over the VPC, else its public one. */
export function clusterHost(network: PrivateNetwork, cluster: { host: pulumi.Output<string>; privateHost: pulumi.Output<string> }): pulumi.Output<string> {
    return network.enabled ? cluster.privateHost : cluster.host;
}
