/**
 * The project VPC: two availability zones, a public and a private subnet in each, an internet
 * gateway for the public tier, and NAT gateways for the private tier as `options.nat` asks.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { InfrastructureOptions } from "../../backend";
import { AZ_COUNT, VPC_CIDR, natGatewayCount, natGatewayForZone, planSubnets, taskPlacement } from "./network-plan";
import { itemAt } from "../../../util/checked-index";

/** Any IPv4 destination: the default route. */
const ANYWHERE_IPV4 = "0.0.0.0/0";

export interface NetworkArgs {
    name: string;
    nat: InfrastructureOptions["nat"];
    tags: Record<string, string>;
    parent: pulumi.ComponentResource;
}

export interface Network {
    vpc: aws.ec2.Vpc;
    vpcId: pulumi.Output<string>;
    vpcCidr: string;
    /** The availability zones of the subnets, in zone order. */
    zoneNames: pulumi.Output<string[]>;
    publicSubnetIds: pulumi.Output<string>[];
    privateSubnetIds: pulumi.Output<string>[];
    taskSubnetIds: pulumi.Output<string>[];
    assignPublicIp: boolean;
}

export function createNetwork({ name, nat, tags, parent }: NetworkArgs): Network {
    const opts = { parent };
    const named = (role: string) => ({ ...tags, Name: `${name}-${role}` });
    const plan = planSubnets(VPC_CIDR, AZ_COUNT);

    // Zones that need no opt-in: Local and Wavelength Zones lack services the project uses (load balancers, RDS).
    const zones = aws.getAvailabilityZonesOutput({ state: "available", filters: [{ name: "opt-in-status", values: ["opt-in-not-required"] }] }, { parent });

    const vpc = new aws.ec2.Vpc(`${name}-vpc`, { cidrBlock: VPC_CIDR, enableDnsSupport: true, enableDnsHostnames: true, tags: named("vpc") }, opts);

    // The VPC's default security group allows all traffic between its members: empty it so nothing relies on it.
    new aws.ec2.DefaultSecurityGroup(`${name}-default-sg`, { vpcId: vpc.id, tags: named("default-sg") }, opts);

    const internetGateway = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: vpc.id, tags: named("igw") }, opts);

    const subnet = (tier: "public" | "private", zone: number, cidrBlock: string) =>
        new aws.ec2.Subnet(
            `${name}-${tier}-subnet-${zone + 1}`,
            {
                vpcId: vpc.id,
                cidrBlock,
                availabilityZone: zones.names[zone],
                // Nothing gets a public address by accident: tasks that need one ask for it explicitly.
                mapPublicIpOnLaunch: false,
                tags: named(`${tier}-subnet-${zone + 1}`),
            },
            opts,
        );
    const publicSubnets = plan.public.map((cidr, zone) => subnet("public", zone, cidr));
    const privateSubnets = plan.private.map((cidr, zone) => subnet("private", zone, cidr));

    const publicRoutes = new aws.ec2.RouteTable(`${name}-public-routes`, { vpcId: vpc.id, tags: named("public-routes") }, opts);
    new aws.ec2.Route(`${name}-public-internet-route`, { routeTableId: publicRoutes.id, destinationCidrBlock: ANYWHERE_IPV4, gatewayId: internetGateway.id }, opts);
    publicSubnets.forEach((s, zone) => new aws.ec2.RouteTableAssociation(`${name}-public-subnet-${zone + 1}-routes`, { subnetId: s.id, routeTableId: publicRoutes.id }, opts));

    const natGateways = [...Array(natGatewayCount(nat, AZ_COUNT)).keys()].map((i) => {
        const eip = new aws.ec2.Eip(`${name}-nat-eip-${i + 1}`, { domain: "vpc", tags: named(`nat-eip-${i + 1}`) }, opts);
        // A VPC Elastic IP's id is its allocation id.
        const publicSubnet = itemAt(publicSubnets, i, "public subnets");
        return new aws.ec2.NatGateway(`${name}-nat-${i + 1}`, { allocationId: eip.id, subnetId: publicSubnet.id, connectivityType: "public", tags: named(`nat-${i + 1}`) }, { parent, dependsOn: [internetGateway] });
    });

    // One private route table per zone: each zone's default route goes through its own (or the single) NAT gateway, if any.
    privateSubnets.forEach((s, zone) => {
        const routes = new aws.ec2.RouteTable(`${name}-private-routes-${zone + 1}`, { vpcId: vpc.id, tags: named(`private-routes-${zone + 1}`) }, opts);
        const gateway = natGatewayForZone(nat, zone);
        if (gateway !== undefined) {
            new aws.ec2.Route(`${name}-private-nat-route-${zone + 1}`, { routeTableId: routes.id, destinationCidrBlock: ANYWHERE_IPV4, natGatewayId: itemAt(natGateways, gateway, "NAT gateways").id }, opts);
        }
        new aws.ec2.RouteTableAssociation(`${name}-private-subnet-${zone + 1}-routes`, { subnetId: s.id, routeTableId: routes.id }, opts);
    });

    const publicSubnetIds = publicSubnets.map((s) => s.id);
    const privateSubnetIds = privateSubnets.map((s) => s.id);
    const placement = taskPlacement(nat);
    return {
        vpc,
        vpcId: vpc.id,
        vpcCidr: VPC_CIDR,
        zoneNames: zones.names,
        publicSubnetIds,
        privateSubnetIds,
        taskSubnetIds: placement.tier === "public" ? publicSubnetIds : privateSubnetIds,
        assignPublicIp: placement.assignPublicIp,
    };
}
