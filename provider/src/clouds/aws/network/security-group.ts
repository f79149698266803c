/**
 * A service's own security group: its public HTTP ports admit the load balancer, its other public
 * ports (plain TCP, UDP) the network load balancer, and every port admits the project's services
 * (in Compose, `http://api:8080` works from the other services whatever the port's mode; private
 * ports, from `expose`, `mode: host` or a private `host_ip`, admit them only). Every service task is
 * a member of the project's group. It may send anywhere. Nothing else reaches it.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { portTraffic } from "../../../model/ports";
import { ServiceModel } from "../../../model/types";
import { AwsInfrastructure } from "../types";

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
    const group = new aws.ec2.SecurityGroup(
        `${name}-sg`,
        {
            vpcId: infra.vpcId,
            description: model.modelEndpoint ? `Model endpoint ${model.name}: its port from the services that use the model` : `Service ${model.name}: public ports from the load balancers, all ports from the project`,
            tags,
        },
        opts,
    );
    const rules = new Set<string>();
    const admit = (suffix: string, from: pulumi.Input<string>, protocol: "tcp" | "udp", port: number, description: string) => {
        if (rules.has(suffix)) return;
        rules.add(suffix);
        new aws.vpc.SecurityGroupIngressRule(`${name}-sg-${suffix}`, { securityGroupId: group.id, referencedSecurityGroupId: from, ipProtocol: protocol, fromPort: port, toPort: port, description, tags }, opts);
    };
    const members = infra.membersSecurityGroupId;
    // A model endpoint's gateway is reached by the services that use the model, and by nothing else of the project.
    const privateClients = model.modelEndpoint ? infra.modelClientsSecurityGroupId(model.name) : members;
    for (const port of model.ports) {
        const id = `${port.target}${port.protocol === "tcp" ? "" : `-${port.protocol}`}`;
        const fromProject = `port ${port.target}/${port.protocol} from the project's services`;
        if (port.mode === "host" || port.publishedRange !== undefined) {
            admit(`host-${id}`, privateClients, port.protocol, port.target, model.modelEndpoint ? `port ${port.target}/${port.protocol} from the services that use the model` : fromProject);
            continue;
        }
        // Compose: a public port is also reachable from the project's services (`http://api:8080`).
        if (portTraffic(port) === "http") {
            admit(`ingress-${id}`, infra.httpIngressSecurityGroupId(), port.protocol, port.target, `port ${port.target} from the ${infra.ingress === "apigateway" ? "API Gateway VPC link" : "load balancer"}`);
            admit(`ingress-${id}-project`, members, port.protocol, port.target, `port ${port.target} from the project's services`);
            continue;
        }
        const nlb = infra.networkLoadBalancer().securityGroupId;
        admit(`nlb-${id}`, nlb, port.protocol, port.target, `port ${port.target}/${port.protocol} from the network load balancer`);
        admit(`ingress-${id}-project`, members, port.protocol, port.target, fromProject);
        // Its health check of a UDP port connects over TCP (see network-routing-plan.ts).
        if (port.protocol === "udp") {
            const check = model.ports.find((p) => p.protocol === "tcp")?.target ?? port.target;
            admit(`nlb-${check}`, nlb, "tcp", check, `port ${check} from the network load balancer (health check)`);
        }
    }
    const egress = new aws.vpc.SecurityGroupEgressRule(`${name}-sg-egress`, { securityGroupId: group.id, ipProtocol: "-1", cidrIpv4: "0.0.0.0/0", description: "anywhere", tags }, opts);
    return { group, egress };
}
