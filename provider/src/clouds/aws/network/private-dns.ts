/**
 * Private DNS: services reach each other by their compose name. A Cloud Map namespace creates the
 * private hosted zone `<project>.internal` on the VPC, and the VPC's DHCP options make that domain
 * the search domain, so that the short name `db` resolves as `db.<project>.internal`.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { privateDomainOf } from "./private-domain";

/** The resolver of the VPC (at the VPC base address + 2): it answers for the private zone and the internet. */
export const AMAZON_PROVIDED_DNS = "AmazonProvidedDNS";

/** Seconds that private CNAMEs are cached: short, so that a replaced database or cache is reached within a minute. */
export const PRIVATE_DNS_TTL_SECONDS = 30;

export interface PrivateDnsArgs {
    name: string;
    projectName: string;
    vpcId: pulumi.Input<string>;
    tags: Record<string, string>;
    parent: pulumi.ComponentResource;
}

export interface PrivateDns {
    privateDomain: string;
    namespaceId: pulumi.Output<string>;
    privateZoneId: pulumi.Output<string>;
    addDnsName(resourceName: string, dnsName: string, target: pulumi.Input<string>, owner: pulumi.ComponentResource): aws.route53.Record;
}

export function createPrivateDns({ name, projectName, vpcId, tags, parent }: PrivateDnsArgs): PrivateDns {
    const opts = { parent };
    const privateDomain = privateDomainOf(projectName);

    // The namespace's name is the DNS domain itself, which AWS requires to be given.
    const namespace = new aws.servicediscovery.PrivateDnsNamespace(`${name}-namespace`, { name: privateDomain, vpc: vpcId, description: `Private names of the services of ${projectName}`, tags }, opts);

    const dhcpOptions = new aws.ec2.VpcDhcpOptions(`${name}-dhcp-options`, { domainName: privateDomain, domainNameServers: [AMAZON_PROVIDED_DNS], tags: { ...tags, Name: `${name}-dhcp-options` } }, opts);
    new aws.ec2.VpcDhcpOptionsAssociation(`${name}-dhcp-options-association`, { vpcId, dhcpOptionsId: dhcpOptions.id }, opts);

    const privateZoneId = namespace.hostedZone;
    return {
        privateDomain,
        namespaceId: namespace.id,
        privateZoneId,
        addDnsName: (resourceName, dnsName, target, owner) =>
            new aws.route53.Record(resourceName, { zoneId: privateZoneId, name: `${dnsName}.${privateDomain}`, type: "CNAME", ttl: PRIVATE_DNS_TTL_SECONDS, records: [target] }, { parent: owner }),
    };
}
