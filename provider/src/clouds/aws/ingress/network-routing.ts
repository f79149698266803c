/**
 * A service's public ports that do not carry HTTP on the project's network load balancer: a target
 * group of the service's tasks per port (ip targets, as Fargate tasks have their own addresses,
 * checked over TCP) and a listener on its published port that forwards to it; for a service served
 * at its domain name over TLS, the domain's certificate on those listeners and an alias record.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ServiceModel } from "../../../model/types";
import { createCertificate } from "./domain";
import { NetworkRoute } from "./network-routing-plan";
import { DEREGISTRATION_DELAY_SECONDS } from "./routing-plan";
import { AwsInfrastructure } from "../types";

export interface NetworkRoutingArgs {
    name: string;
    model: ServiceModel;
    routes: NetworkRoute[];
    infra: AwsInfrastructure;
    parent: pulumi.ComponentResource;
}

export interface NetworkRouting {
    /** One per route, in route order. */
    targetGroups: Array<{ route: NetworkRoute; targetGroup: aws.lb.TargetGroup }>;
    /** The listeners: the service must not register targets before they exist. */
    listeners: aws.lb.Listener[];
}

export function createNetworkRouting({ name, model, routes, infra, parent }: NetworkRoutingArgs): NetworkRouting {
    const nlb = infra.networkLoadBalancer();
    // TLS listeners serve the domain's certificate, and the domain points at the network load balancer.
    const domain = routes.some((r) => r.protocol === "TLS") && model.domainname ? model.domainname : undefined;
    const certificate = domain ? createCertificate({ name, domain, infra, parent }) : undefined;
    if (domain && certificate) {
        new aws.route53.Record(`${name}-alias`, { zoneId: certificate.zoneId, name: domain, type: "A", aliases: [{ name: nlb.dnsName, zoneId: nlb.zoneId, evaluateTargetHealth: true }] }, { parent });
    }
    const targetGroups = routes.map((route) => ({
        route,
        targetGroup: new aws.lb.TargetGroup(
            `${name}-nlb-tg-${route.suffix}`,
            {
                targetType: "ip",
                protocol: route.targetProtocol,
                port: route.port.target,
                vpcId: infra.vpcId,
                deregistrationDelay: DEREGISTRATION_DELAY_SECONDS,
                healthCheck: { enabled: true, protocol: "TCP", port: String(route.healthCheckPort) },
                tags: infra.tags,
            },
            { parent },
        ),
    }));
    const listeners = targetGroups.map(({ route, targetGroup }) => nlb.listen(route.listenerPort, route.protocol, targetGroup.arn, parent, name, route.protocol === "TLS" ? certificate?.certificateArn : undefined));
    return { targetGroups, listeners };
}
