/**
 * A service's public domain name: a global external Application Load Balancer in front of the Cloud
 * Run service (a serverless network endpoint group), with a Google-managed certificate for the name,
 * a host rule that sends the name to the service, and plain HTTP redirected to HTTPS. The service
 * itself then admits only the load balancer and the VPC (`INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER`).
 *
 * DNS: with `defang:dnsZone` (a Cloud DNS managed zone), the A record is created; otherwise point
 * the name at the load balancer's address yourself. The certificate is issued once the name resolves.
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { GcpInfrastructure } from "../types";

/** TTL of the domain's A record: 5 minutes. */
export const RECORD_TTL_SECONDS = 300;

export interface DomainArgs {
    name: string;
    domain: string;
    /** The Cloud Run service's name. */
    serviceName: pulumi.Input<string>;
    dnsZone?: string;
    infra: GcpInfrastructure;
    parent: pulumi.ComponentResource;
}

export interface Domain {
    address: pulumi.Output<string>;
    certificate: gcp.compute.ManagedSslCertificate;
    urlMap: gcp.compute.URLMap;
}

export function createDomain({ name, domain, serviceName, dnsZone, infra, parent }: DomainArgs): Domain {
    const { project, region } = infra;
    const opts = { parent };
    const address = new gcp.compute.GlobalAddress(`${name}-address`, { project, description: `${domain}` }, opts);
    const neg = new gcp.compute.RegionNetworkEndpointGroup(`${name}-neg`, { project, region, networkEndpointType: "SERVERLESS", cloudRun: { service: serviceName } }, opts);
    const backend = new gcp.compute.BackendService(`${name}-backend`, { project, protocol: "HTTPS", loadBalancingScheme: "EXTERNAL_MANAGED", backends: [{ group: neg.id }], logConfig: { enable: false } }, opts);
    const urlMap = new gcp.compute.URLMap(
        `${name}-urls`,
        {
            project,
            // Names other than the domain (e.g. the bare address) are sent to the domain.
            defaultUrlRedirect: { hostRedirect: domain, httpsRedirect: true, stripQuery: false, redirectResponseCode: "MOVED_PERMANENTLY_DEFAULT" },
            hostRules: [{ hosts: [domain], pathMatcher: "service" }],
            pathMatchers: [{ name: "service", defaultService: backend.id }],
        },
        opts,
    );
    const certificate = new gcp.compute.ManagedSslCertificate(`${name}-certificate`, { project, managed: { domains: [domain] } }, opts);
    const httpsProxy = new gcp.compute.TargetHttpsProxy(`${name}-https-proxy`, { project, urlMap: urlMap.id, sslCertificates: [certificate.id] }, opts);
    new gcp.compute.GlobalForwardingRule(`${name}-https`, { project, target: httpsProxy.id, portRange: "443", ipAddress: address.address, loadBalancingScheme: "EXTERNAL_MANAGED", labels: infra.labels }, opts);
    const redirect = new gcp.compute.URLMap(`${name}-redirect`, { project, defaultUrlRedirect: { httpsRedirect: true, stripQuery: false, redirectResponseCode: "MOVED_PERMANENTLY_DEFAULT" } }, opts);
    const httpProxy = new gcp.compute.TargetHttpProxy(`${name}-http-proxy`, { project, urlMap: redirect.id }, opts);
    new gcp.compute.GlobalForwardingRule(`${name}-http`, { project, target: httpProxy.id, portRange: "80", ipAddress: address.address, loadBalancingScheme: "EXTERNAL_MANAGED", labels: infra.labels }, opts);
    if (dnsZone) {
        new gcp.dns.RecordSet(`${name}-record`, { project, managedZone: dnsZone, name: `${domain}.`, type: "A", ttl: RECORD_TTL_SECONDS, rrdatas: [address.address] }, opts);
    }
    return { address: address.address, certificate, urlMap };
}
