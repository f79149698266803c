/**
 * The project's internet-facing network load balancer, for public ports that do not carry HTTP
 * (plain TCP, UDP, and TLS at a service's domain name), with its listeners created as services ask
 * for them. It has its own security
 * group (which AWS allows only at creation): it admits exactly the listener ports, by protocol, from
 * the internet, and sends only into the VPC; service security groups admit it by reference.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { HTTPS_SSL_POLICY, LoadBalancerArgs } from "./load-balancer";
import { NetworkProtocol } from "./network-routing-plan";
import { NetworkLoadBalancerHandle } from "../types";

/** Anywhere on the internet (the load balancer is IPv4 only). */
const ANYWHERE_IPV4 = "0.0.0.0/0";

/** The same inputs as the application load balancer's: the project's VPC, its public subnets, tags and parent. */
export type NetworkLoadBalancerArgs = Omit<LoadBalancerArgs, "reach" | "redirectHttp">;

export function createNetworkLoadBalancer({ name, vpcId, vpcCidr, publicSubnetIds, tags, parent }: NetworkLoadBalancerArgs): NetworkLoadBalancerHandle {
    const opts = { parent };
    const securityGroup = new aws.ec2.SecurityGroup(`${name}-nlb-sg`, { vpcId, description: "Network load balancer: listener ports from the internet, out to the VPC only", tags }, opts);
    // Traffic and health checks go to targets in the VPC only, over TCP and UDP.
    for (const protocol of ["tcp", "udp"] as const) {
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-nlb-egress-${protocol}`,
            { securityGroupId: securityGroup.id, ipProtocol: protocol, fromPort: 0, toPort: 65535, cidrIpv4: vpcCidr, description: `to targets in the VPC (${protocol})`, tags },
            opts,
        );
    }
    const loadBalancer = new aws.lb.LoadBalancer(
        `${name}-nlb`,
        {
            loadBalancerType: "network",
            internal: false,
            subnets: publicSubnetIds,
            securityGroups: [securityGroup.id],
            // Each zone's node serves the targets of every zone: a task in one zone serves all clients.
            enableCrossZoneLoadBalancing: true,
            tags,
        },
        opts,
    );

    const listeners = new Map<string, aws.lb.Listener>();
    const listen = (port: number, protocol: NetworkProtocol, targetGroupArn: pulumi.Input<string>, owner: pulumi.ComponentResource, ownerName: string, certificateArn?: pulumi.Input<string>): aws.lb.Listener => {
        // TLS is TCP on the wire: one port either way.
        const key = `${protocol === "UDP" ? "UDP" : "TCP"}:${port}`;
        if (listeners.has(key)) throw new Error(`${protocol} port ${port} of the network load balancer already forwards to another service`);
        const suffix = `${port}${protocol === "UDP" ? "-udp" : ""}`;
        const ipProtocol = protocol === "UDP" ? "udp" : "tcp";
        new aws.vpc.SecurityGroupIngressRule(
            `${name}-nlb-ingress-${suffix}`,
            { securityGroupId: securityGroup.id, ipProtocol, fromPort: port, toPort: port, cidrIpv4: ANYWHERE_IPV4, description: `listener port ${port}/${ipProtocol}`, tags },
            opts,
        );
        const tls = protocol === "TLS" ? { certificateArn, sslPolicy: HTTPS_SSL_POLICY } : {};
        const listener = new aws.lb.Listener(
            `${ownerName}-nlb-listener-${suffix}`,
            { loadBalancerArn: loadBalancer.arn, port, protocol, ...tls, defaultActions: [{ type: "forward", targetGroupArn }], tags },
            { parent: owner },
        );
        listeners.set(key, listener);
        return listener;
    };

    return { arn: loadBalancer.arn, dnsName: loadBalancer.dnsName, zoneId: loadBalancer.zoneId, securityGroupId: securityGroup.id, listen };
}
