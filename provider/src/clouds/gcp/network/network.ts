/**
 * The project's VPC network: one subnet in the region that services send their private traffic from
 * (Direct VPC egress, no connector VMs to pay for), with Private Google Access; Cloud NAT when
 * services send all their traffic through the VPC; an isolated subnet without Cloud NAT for services
 * only on compose `internal: true` networks; and private services access (a reserved range peered
 * with Google's service producers) for Cloud SQL and Memorystore; these two created on first use.
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { VpcEgress } from "../types";

/** Size of the range reserved for Cloud SQL and Memorystore private addresses: a /20 (4096 addresses) holds many instances. */
export const SERVICES_RANGE_PREFIX_LENGTH = 20;

export interface NetworkArgs {
    name: string;
    project: string;
    region: string;
    subnetCidr: string;
    isolatedSubnetCidr: string;
    egress: VpcEgress;
    api: (service: string) => gcp.projects.Service;
    parent: pulumi.ComponentResource;
}

export interface Network {
    network: gcp.compute.Network;
    subnetwork: gcp.compute.Subnetwork;
    /**
     * The subnet of services that must have no internet egress: they send all their traffic into it
     * (`ALL_TRAFFIC`), and it has no Cloud NAT, so only the VPC and Google APIs (Private Google
     * Access) are reachable. Created on first use.
     */
    isolatedSubnetwork(): gcp.compute.Subnetwork;
    privateServicesAccess(): gcp.servicenetworking.Connection;
}

export function createNetwork({ name, project, region, subnetCidr, isolatedSubnetCidr, egress, api, parent }: NetworkArgs): Network {
    const compute = api("compute.googleapis.com");
    const opts = { parent, dependsOn: [compute] };
    const network = new gcp.compute.Network(`${name}-network`, { project, autoCreateSubnetworks: false, routingMode: "REGIONAL", description: "pulumi-defang: the project's private network" }, opts);
    const subnetwork = new gcp.compute.Subnetwork(
        `${name}-subnet`,
        {
            project,
            region,
            network: network.id,
            ipCidrRange: subnetCidr,
            // Services reach Google APIs without public addresses, and run.app requests go through the VPC (internal ingress).
            privateIpGoogleAccess: true,
        },
        { parent },
    );

    if (egress === "ALL_TRAFFIC") {
        // Services send everything through the VPC (to reach internal services); Cloud NAT takes them to the internet.
        const router = new gcp.compute.Router(`${name}-router`, { project, region, network: network.id }, { parent });
        new gcp.compute.RouterNat(
            `${name}-nat`,
            {
                project,
                region,
                router: router.name,
                natIpAllocateOption: "AUTO_ONLY",
                sourceSubnetworkIpRangesToNat: "LIST_OF_SUBNETWORKS",
                subnetworks: [{ name: subnetwork.id, sourceIpRangesToNats: ["ALL_IP_RANGES"] }],
                logConfig: { enable: true, filter: "ERRORS_ONLY" },
            },
            { parent },
        );
    }

    let isolated: gcp.compute.Subnetwork | undefined;
    const isolatedSubnetwork = () =>
        (isolated ??= new gcp.compute.Subnetwork(
            `${name}-isolated-subnet`,
            {
                project,
                region,
                network: network.id,
                ipCidrRange: isolatedSubnetCidr,
                privateIpGoogleAccess: true,
                description: "pulumi-defang: services only on internal networks; no Cloud NAT, no internet egress",
            },
            { parent },
        ));

    let connection: gcp.servicenetworking.Connection | undefined;
    const privateServicesAccess = () => {
        if (connection) return connection;
        const range = new gcp.compute.GlobalAddress(
            `${name}-services-range`,
            { project, purpose: "VPC_PEERING", addressType: "INTERNAL", prefixLength: SERVICES_RANGE_PREFIX_LENGTH, network: network.id, description: "Cloud SQL and Memorystore private addresses" },
            { parent },
        );
        connection = new gcp.servicenetworking.Connection(
            `${name}-services-peering`,
            { network: network.id, service: "servicenetworking.googleapis.com", reservedPeeringRanges: [range.name] },
            { parent, dependsOn: [api("servicenetworking.googleapis.com")] },
        );
        return connection;
    };
    return { network, subnetwork, isolatedSubnetwork, privateServicesAccess };
}
