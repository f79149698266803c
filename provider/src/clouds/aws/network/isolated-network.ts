/**
 * The isolated tier of the project VPC, for services only on compose `internal: true` networks:
 * one subnet per zone whose route table has no route to the internet (no internet gateway, no NAT),
 * so such tasks reach the project's services and nothing outside. Fargate still has to pull the
 * image from ECR, write logs and read parameters: VPC endpoints give it exactly those AWS APIs
 * (ECR api and dkr, S3 for ECR's layers, CloudWatch Logs; SSM only once a service there has
 * secrets). Created on first use: projects without such a service pay for none of it.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AZ_COUNT, isolatedSubnetCidrs } from "./network-plan";

/** HTTPS: the port every endpoint of an AWS API listens on. */
const HTTPS = 443;

/** The interface endpoints every isolated task needs, by role: image manifests and auth, image layers' registry, logs. */
const REQUIRED_INTERFACE_ENDPOINTS = { "ecr-api": "ecr.api", "ecr-dkr": "ecr.dkr", logs: "logs" } as const;

export interface IsolatedNetworkArgs {
    name: string;
    vpcId: pulumi.Output<string>;
    vpcCidr: string;
    zoneNames: pulumi.Output<string[]>;
    region: pulumi.Output<string>;
    tags: Record<string, string>;
    parent: pulumi.ComponentResource;
}

export interface IsolatedNetwork {
    subnetIds: pulumi.Output<string>[];
    /** The endpoints an isolated task needs before it can start. */
    endpoints: pulumi.Resource[];
    /** The SSM endpoint (secrets in the environment), created on first use. */
    parametersEndpoint(): aws.ec2.VpcEndpoint;
}

export function createIsolatedNetwork({ name, vpcId, vpcCidr, zoneNames, region, tags, parent }: IsolatedNetworkArgs): IsolatedNetwork {
    const opts = { parent };
    const named = (role: string) => ({ ...tags, Name: `${name}-${role}` });
    const subnets = isolatedSubnetCidrs(vpcCidr, AZ_COUNT).map(
        (cidrBlock, zone) =>
            new aws.ec2.Subnet(`${name}-isolated-subnet-${zone + 1}`, { vpcId, cidrBlock, availabilityZone: zoneNames[zone], mapPublicIpOnLaunch: false, tags: named(`isolated-subnet-${zone + 1}`) }, opts),
    );
    // No default route: only the VPC itself (and the S3 gateway endpoint's prefix list) is reachable.
    const routes = new aws.ec2.RouteTable(`${name}-isolated-routes`, { vpcId, tags: named("isolated-routes") }, opts);
    subnets.forEach((s, zone) => new aws.ec2.RouteTableAssociation(`${name}-isolated-subnet-${zone + 1}-routes`, { subnetId: s.id, routeTableId: routes.id }, opts));

    const endpointsGroup = new aws.ec2.SecurityGroup(`${name}-endpoints-sg`, { vpcId, description: "AWS API endpoints of the isolated subnets: HTTPS from the VPC", tags: named("endpoints-sg") }, opts);
    new aws.vpc.SecurityGroupIngressRule(
        `${name}-endpoints-sg-https`,
        { securityGroupId: endpointsGroup.id, ipProtocol: "tcp", fromPort: HTTPS, toPort: HTTPS, cidrIpv4: vpcCidr, description: "HTTPS from the VPC", tags },
        opts,
    );

    const subnetIds = subnets.map((s) => s.id);
    const interfaceEndpoint = (role: string, service: string) =>
        new aws.ec2.VpcEndpoint(
            `${name}-endpoint-${role}`,
            {
                vpcId,
                vpcEndpointType: "Interface",
                serviceName: pulumi.interpolate`com.amazonaws.${region}.${service}`,
                subnetIds,
                securityGroupIds: [endpointsGroup.id],
                // The API's usual name resolves to the endpoint inside the VPC: clients need no setting.
                privateDnsEnabled: true,
                tags: named(`endpoint-${role}`),
            },
            opts,
        );
    const endpoints: pulumi.Resource[] = Object.entries(REQUIRED_INTERFACE_ENDPOINTS).map(([role, service]) => interfaceEndpoint(role, service));
    // ECR keeps image layers in S3: a gateway endpoint on the isolated route table (no charge).
    endpoints.push(
        new aws.ec2.VpcEndpoint(`${name}-endpoint-s3`, { vpcId, vpcEndpointType: "Gateway", serviceName: pulumi.interpolate`com.amazonaws.${region}.s3`, routeTableIds: [routes.id], tags: named("endpoint-s3") }, opts),
    );

    let parameters: aws.ec2.VpcEndpoint | undefined;
    return { subnetIds, endpoints, parametersEndpoint: () => (parameters ??= interfaceEndpoint("ssm", "ssm")) };
}
