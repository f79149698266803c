/**
 * The front door of a project's public HTTP ports on AWS (stack config `defang:ingress`): pure, no
 * SDK, read by the backend and by the preflight alike.
 *
 * - `cloudfront` (the default): a CloudFront distribution per public HTTP port serves
 *   `https://<id>.cloudfront.net` with CloudFront's certificate and redirects HTTP to HTTPS; the
 *   load balancer behind it admits only CloudFront's origin-facing addresses and forwards only
 *   requests that carry the project's secret origin header.
 * - `alb-http`: the load balancer serves plain HTTP to the internet (no TLS without a `domainname`:
 *   what users send, passwords and cookies included, crosses the internet readable).
 * - `apigateway`: an API Gateway HTTP API per public HTTP port, reaching the service through a VPC
 *   link and Cloud Map; no load balancer hours, but the limits of `api-gateway-limits.ts`.
 *
 * A service with a `domainname` is served over HTTPS by the load balancer with its ACM certificate
 * whichever door the project has (`cloudfront`, `alb-http`).
 */
import { InvalidArgumentError } from "../../../model/errors";

export const AWS_INGRESS_CHOICES = ["cloudfront", "alb-http", "apigateway"] as const;

export type AwsIngress = (typeof AWS_INGRESS_CHOICES)[number];

/** The stack config key (namespace `defang`). */
export const INGRESS_CONFIG_KEY = "ingress";

/** HTTPS without a domain, every HTTP feature (WebSockets, long requests, large bodies): see the README for why. */
export const DEFAULT_AWS_INGRESS: AwsIngress = "cloudfront";

/** The front door asked for (`defang:ingress`), checked; the default when unset. */
export function awsIngressOf(value: string | undefined): AwsIngress {
    if (value === undefined || value === "") return DEFAULT_AWS_INGRESS;
    if ((AWS_INGRESS_CHOICES as readonly string[]).includes(value)) return value as AwsIngress;
    throw new InvalidArgumentError("defang", INGRESS_CONFIG_KEY, `is "${value}"`, `use one of ${AWS_INGRESS_CHOICES.join(", ")} (pulumi config set defang:ingress cloudfront)`);
}
