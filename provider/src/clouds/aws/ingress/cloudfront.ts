/**
 * The HTTPS front door of a public HTTP port without a domain name (`defang:ingress cloudfront`, the
 * default): a CloudFront distribution with CloudFront's own certificate (`https://<id>.cloudfront.net`)
 * that redirects HTTP to HTTPS, caches nothing and forwards every viewer header, so that it is a pure
 * front door (WebSockets included). It reaches the load balancer's listener over HTTP with the
 * project's secret origin header, which the listener rule requires (see `origin-access.ts`).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { IngressRoute } from "./routing-plan";

/** AWS managed cache policy `Managed-CachingDisabled`: the same ID in every account. */
export const CACHING_DISABLED_POLICY_ID = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";

/** AWS managed origin request policy `Managed-AllViewer`: every viewer header, cookie and query string reaches the service. */
export const ALL_VIEWER_ORIGIN_REQUEST_POLICY_ID = "216adef6-5c7f-47e4-b989-5492eafa07d3";

/** Every HTTP method: the service, not the front door, decides what it answers. */
export const ALL_METHODS = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"];

/** Seconds CloudFront waits for the service's response: 60, the load balancer's idle timeout (CloudFront's default is 30). */
export const ORIGIN_READ_TIMEOUT_SECONDS = 60;

/** North America and Europe edge locations only: the cheapest price class; viewers elsewhere are served from the nearest of those. */
export const PRICE_CLASS = "PriceClass_100";

/** The identifier of the single origin of each distribution. */
const ORIGIN_ID = "load-balancer";

export interface DistributionArgs {
    /** The service component's name: the distribution is `${name}-cdn-<suffix>`. */
    name: string;
    route: IngressRoute;
    /** The load balancer's DNS name. */
    originDomain: pulumi.Input<string>;
    /** The secret origin header the listener rule requires. */
    originHeader: { name: string; value: pulumi.Input<string> };
    tags: Record<string, string>;
    parent: pulumi.ComponentResource;
}

export function createDistribution({ name, route, originDomain, originHeader, tags, parent }: DistributionArgs): aws.cloudfront.Distribution {
    return new aws.cloudfront.Distribution(
        `${name}-cdn-${route.suffix}`,
        {
            enabled: true,
            comment: `HTTPS front door of port ${route.port.target}`,
            isIpv6Enabled: true,
            httpVersion: "http2and3",
            priceClass: PRICE_CLASS,
            origins: [
                {
                    originId: ORIGIN_ID,
                    domainName: originDomain,
                    // The load balancer has no certificate for its own name; the hop stays on AWS's network, and the listener admits only CloudFront.
                    customOriginConfig: { httpPort: route.listenerPort, httpsPort: 443, originProtocolPolicy: "http-only", originSslProtocols: ["TLSv1.2"], originReadTimeout: ORIGIN_READ_TIMEOUT_SECONDS },
                    customHeaders: [{ name: originHeader.name, value: originHeader.value }],
                },
            ],
            defaultCacheBehavior: {
                targetOriginId: ORIGIN_ID,
                viewerProtocolPolicy: "redirect-to-https",
                allowedMethods: ALL_METHODS,
                cachedMethods: ["GET", "HEAD"],
                cachePolicyId: CACHING_DISABLED_POLICY_ID,
                originRequestPolicyId: ALL_VIEWER_ORIGIN_REQUEST_POLICY_ID,
                compress: false,
            },
            restrictions: { geoRestriction: { restrictionType: "none" } },
            viewerCertificate: { cloudfrontDefaultCertificate: true },
            tags,
        },
        { parent },
    );
}
