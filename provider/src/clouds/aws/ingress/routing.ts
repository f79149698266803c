/**
 * A service's public HTTP ports on the project's load balancer: a target group per port, and for the
 * first port of a service with a domain name, HTTPS at that name (see `domain.ts`). Behind CloudFront
 * (the default), every other port gets its own distribution (`cloudfront.ts`) and a rule on the
 * listener of its published port that forwards only the requests of that distribution (its host
 * name and the secret origin header). With `defang:ingress alb-http`, the rule is by host name for a
 * service with a domain name, so that several share a port, else for every path, after the
 * listener's host rules.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ServiceModel } from "../../../model/types";
import { createDistribution } from "./cloudfront";
import { createDomain, Domain } from "./domain";
import { DEREGISTRATION_DELAY_SECONDS, IngressRoute } from "./routing-plan";
import { AwsInfrastructure } from "../types";

export interface RoutingArgs {
    name: string;
    model: ServiceModel;
    routes: IngressRoute[];
    infra: AwsInfrastructure;
    parent: pulumi.ComponentResource;
}

export interface Routing {
    /** One per route, in route order. */
    targetGroups: Array<{ route: IngressRoute; targetGroup: aws.lb.TargetGroup }>;
    /** Every listener rule created: the service must not register targets before they exist. */
    rules: aws.lb.ListenerRule[];
    domain?: Domain;
    /** The CloudFront host name of each port served through CloudFront, by index in `model.ports`. */
    frontDoors: Map<number, pulumi.Output<string>>;
}

export function createRouting({ name, model, routes, infra, parent }: RoutingArgs): Routing {
    const opts = { parent };
    const targetGroups = routes.map((route) => ({
        route,
        targetGroup: new aws.lb.TargetGroup(
            `${name}-tg-${route.suffix}`,
            {
                targetType: "ip",
                protocol: "HTTP",
                protocolVersion: route.protocolVersion,
                port: route.port.target,
                vpcId: infra.vpcId,
                deregistrationDelay: DEREGISTRATION_DELAY_SECONDS,
                healthCheck: { enabled: true, protocol: "HTTP", path: route.healthCheck.path, matcher: route.healthCheck.matcher },
                tags: infra.tags,
            },
            opts,
        ),
    }));
    const rules: aws.lb.ListenerRule[] = [];

    // HTTPS first: its redirect of the domain from port 80 must come before any catch-all rule there.
    let domain: Domain | undefined;
    const secure = targetGroups.find((t) => t.route.https);
    if (secure && model.domainname) {
        domain = createDomain({ name, domain: model.domainname, targetGroup: secure.targetGroup, infra, parent });
        rules.push(domain.rule);
    }

    const frontDoors = new Map<number, pulumi.Output<string>>();
    const loadBalancer = infra.loadBalancer();
    for (const { route, targetGroup } of targetGroups) {
        if (!route.plainHttp) continue;
        const originHeader = loadBalancer.originHeader;
        if (originHeader) {
            // The domain name is served over HTTPS by the load balancer, and its port 80 redirects there.
            if (route.https) continue;
            const distribution = createDistribution({ name, route, originDomain: loadBalancer.dnsName, originHeader, tags: infra.tags, parent });
            frontDoors.set(route.portIndex, distribution.domainName);
            const listener = loadBalancer.httpListener(route.listenerPort);
            rules.push(
                new aws.lb.ListenerRule(
                    `${name}-rule-${route.suffix}`,
                    {
                        listenerArn: listener.arn,
                        priority: listener.nextPriority(),
                        conditions: [{ hostHeader: { values: [distribution.domainName] } }, { httpHeader: { httpHeaderName: originHeader.name, values: [originHeader.value] } }],
                        actions: [{ type: "forward", targetGroupArn: targetGroup.arn }],
                        tags: infra.tags,
                    },
                    { parent, dependsOn: [listener.resource] },
                ),
            );
            continue;
        }
        const listener = loadBalancer.httpListener(route.listenerPort);
        // A service with a domain name is told apart by it, so that several can share a port; another takes the rest of the port.
        const domain = model.domainname;
        rules.push(
            new aws.lb.ListenerRule(
                `${name}-rule-${route.suffix}`,
                {
                    listenerArn: listener.arn,
                    priority: domain ? listener.nextPriority() : listener.nextCatchAllPriority(),
                    conditions: [domain ? { hostHeader: { values: [domain] } } : { pathPattern: { values: ["/*"] } }],
                    actions: [{ type: "forward", targetGroupArn: targetGroup.arn }],
                    tags: infra.tags,
                },
                { parent, dependsOn: [listener.resource] },
            ),
        );
    }
    return { targetGroups, rules, domain, frontDoors };
}
