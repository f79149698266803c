/**
 * A service's ingress ports on the project's load balancer: a target group per port, a rule on the
 * listener of its public port, and for the first port of a service with a domain name, HTTPS at
 * that name (see `domain.ts`).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ServiceModel } from "../../model/types";
import { createDomain, Domain } from "./domain";
import { DEREGISTRATION_DELAY_SECONDS, IngressRoute } from "./routing-plan";
import { AwsInfrastructure } from "./types";

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

    for (const { route, targetGroup } of targetGroups) {
        if (!route.plainHttp) continue;
        const listener = infra.loadBalancer().httpListener(route.listenerPort);
        rules.push(
            new aws.lb.ListenerRule(
                `${name}-rule-${route.suffix}`,
                {
                    listenerArn: listener.arn,
                    priority: listener.nextPriority(),
                    conditions: [{ pathPattern: { values: ["/*"] } }],
                    actions: [{ type: "forward", targetGroupArn: targetGroup.arn }],
                    tags: infra.tags,
                },
                { parent, dependsOn: [listener.resource] },
            ),
        );
    }
    return { targetGroups, rules, domain };
}
