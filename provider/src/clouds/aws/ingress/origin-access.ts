/**
 * How the load balancer behind CloudFront admits only CloudFront: its security group admits the
 * CloudFront origin-facing managed prefix list (not the internet), and every listener rule behind
 * the front door requires a secret header that only the project's distributions send. Without the
 * header, a request that reached the load balancer gets its default action (404, or the redirect to HTTPS).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";

/** The AWS managed prefix list of the addresses CloudFront reaches origins from (IPv4). */
export const CLOUDFRONT_ORIGIN_FACING_PREFIX_LIST = "com.amazonaws.global.cloudfront.origin-facing";

/** The header CloudFront adds to every request to the load balancer. */
export const ORIGIN_VERIFY_HEADER = "X-Origin-Verify";

/** Length of the secret header value (letters and digits: 32 of them are about 190 bits). */
export const ORIGIN_SECRET_LENGTH = 32;

export interface OriginAccess {
    /** The header the distributions send and the listener rules require; its value is a secret. */
    header: { name: string; value: pulumi.Output<string> };
}

export interface OriginAccessArgs {
    name: string;
    securityGroupId: pulumi.Input<string>;
    tags: Record<string, string>;
    parent: pulumi.ComponentResource;
}

export function createOriginAccess({ name, securityGroupId, tags, parent }: OriginAccessArgs): OriginAccess {
    const opts = { parent };
    const secret = new random.RandomPassword(`${name}-origin-secret`, { length: ORIGIN_SECRET_LENGTH, special: false }, opts);
    const prefixList = aws.ec2.getManagedPrefixListOutput({ name: CLOUDFRONT_ORIGIN_FACING_PREFIX_LIST }, opts);
    // One rule over every port: a security group rule that references this list counts as many rules as the
    // list may hold (about 55 of the default 60 per group), so one rule per listener port would not fit.
    // The load balancer answers only on its listener ports anyway.
    new aws.vpc.SecurityGroupIngressRule(
        `${name}-lb-ingress-cloudfront`,
        { securityGroupId, ipProtocol: "tcp", fromPort: 1, toPort: 65535, prefixListId: prefixList.id, description: "CloudFront origin-facing addresses only", tags },
        opts,
    );
    return { header: { name: ORIGIN_VERIFY_HEADER, value: pulumi.secret(secret.result) } };
}
