/**
 * What the other AWS front door would cost, beside the one planned: a plan made with CloudFront (the
 * default) in front of a load balancer says what API Gateway (`defang:ingress apigateway`) would cost
 * instead for the same public HTTP ports, and the reverse. Only the front door differs between them.
 */
import { AWS_PRICES, AWS_USAGE } from "../prices/aws";
import { HOURS_PER_MONTH } from "../prices/price";
import { PlanComponent } from "../types";
import { dollars } from "./estimate";

const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const HTTP_API = "aws:apigatewayv2/api:Api";
const LOAD_BALANCER = "aws:lb/loadBalancer:LoadBalancer";

/** The load balancer's fixed monthly price (hours, capacity units, addresses), as `cost/aws.ts` prices it. */
function loadBalancerMonthly(): number {
    const { albLcu, albZones } = AWS_USAGE;
    return (AWS_PRICES["aws.alb.hour"].usd + albLcu * AWS_PRICES["aws.alb.lcu-hour"].usd + albZones * AWS_PRICES["aws.public-ipv4.hour"].usd) * HOURS_PER_MONTH;
}

/** One line comparing the two front doors of the planned project, or none when it has no public HTTP port. */
export function frontDoorComparison(components: PlanComponent[]): string[] {
    const resources = components.flatMap((c) => c.resources);
    const doors = resources.filter((r) => r.type === DISTRIBUTION || r.type === HTTP_API);
    const first = doors[0];
    if (!first) return [];
    const requests = AWS_USAGE.frontDoorMillionRequests;
    const cloudFrontPerDoor = requests * 100 * AWS_PRICES["aws.cloudfront.https-10k"].usd;
    const apiPerDoor = requests * AWS_PRICES["aws.apigateway.http-million"].usd;
    const n = doors.length;
    const ports = `${n} public HTTP port${n === 1 ? "" : "s"}`;
    if (first.type === DISTRIBUTION) {
        const loadBalancer = resources.find((r) => r.type === LOAD_BALANCER && r.properties.type !== "network");
        const planned = n * cloudFrontPerDoor + (loadBalancer ? loadBalancer.cost.monthly : 0);
        const summary = `front door: CloudFront + load balancer ${dollars(planned)} a month for ${ports} (planned, the default)`;
        const domains = components.filter((c) => c.endpoints.some((e) => e.startsWith("https://") && !/\.cloudfront\.net$/.test(e))).map((c) => c.name);
        if (domains.length > 0) return [`${summary}; API Gateway (defang:ingress apigateway, ${dollars(n * apiPerDoor)} for the same ports without a load balancer) does not serve custom domains (${domains.join(", ")})`];
        return [`${summary}; API Gateway (defang:ingress apigateway) would be ${dollars(n * apiPerDoor)}, no load balancer, within its limits (30 s per request, 10 MB bodies, no WebSockets)`];
    }
    return [
        `front door: API Gateway ${dollars(n * apiPerDoor)} a month for ${ports} (planned, defang:ingress apigateway); CloudFront + load balancer (the default) would be ${dollars(n * cloudFrontPerDoor + loadBalancerMonthly())}`,
    ];
}
