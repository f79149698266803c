/**
 * A service's own security group: its ingress ports admit the load balancer and the project's
 * services (in Compose, `http://api:8080` works from the other services whatever the port's mode),
 * its host ports admit the project's members only (every service task is a member), and it may
 * send anywhere. Nothing else reaches it.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ServiceModel } from "../../model/types";
import { AwsInfrastructure } from "./types";

export interface SecurityGroupArgs {
    name: string;
    model: ServiceModel;
    infra: AwsInfrastructure;
    parent: pulumi.ComponentResource;
}

export interface ServiceSecurityGroup {
    group: aws.ec2.SecurityGroup;
    /** The rule that lets tasks send anywhere (pull images, read secrets): a one-off job's run waits for it. */
    egress: aws.vpc.SecurityGroupEgressRule;
}

export function createServiceSecurityGroup({ name, model, infra, parent }: SecurityGroupArgs): ServiceSecurityGroup {
    const opts = { parent };
    const tags = infra.tags;
    const group = new aws.ec2.SecurityGroup(`${name}-sg`, { vpcId: infra.vpcId, description: `Service ${model.name}: ingress ports from the load balancer, host ports from the project`, tags }, opts);
    const seen = new Set<string>();
    for (const port of model.ports) {
        const key = `${port.mode}-${port.target}-${port.protocol}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const suffix = `${port.mode}-${port.target}${port.protocol === "tcp" ? "" : `-${port.protocol}`}`;
        const from = port.mode === "ingress" ? infra.loadBalancer().securityGroupId : infra.membersSecurityGroupId;
        new aws.vpc.SecurityGroupIngressRule(
            `${name}-sg-${suffix}`,
            {
                securityGroupId: group.id,
                referencedSecurityGroupId: from,
                ipProtocol: port.protocol,
                fromPort: port.target,
                toPort: port.target,
                description: port.mode === "ingress" ? `port ${port.target} from the load balancer` : `port ${port.target}/${port.protocol} from the project's services`,
                tags,
            },
            opts,
        );
        if (port.mode === "ingress") {
            new aws.vpc.SecurityGroupIngressRule(
                `${name}-sg-${suffix}-project`,
                {
                    securityGroupId: group.id,
                    referencedSecurityGroupId: infra.membersSecurityGroupId,
                    ipProtocol: port.protocol,
                    fromPort: port.target,
                    toPort: port.target,
                    description: `port ${port.target} from the project's services`,
                    tags,
                },
                opts,
            );
        }
    }
    const egress = new aws.vpc.SecurityGroupEgressRule(`${name}-sg-egress`, { securityGroupId: group.id, ipProtocol: "-1", cidrIpv4: "0.0.0.0/0", description: "anywhere", tags }, opts);
    return { group, egress };
}
