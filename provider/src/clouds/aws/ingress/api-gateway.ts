/**
 * The API Gateway front door (`defang:ingress apigateway`): no load balancer. The project has one VPC
 * link into its task subnets, with a security group that sends only into the VPC; each service's
 * public HTTP port gets an HTTP API (`https://<id>.execute-api.<region>.amazonaws.com`, API Gateway's
 * own certificate, no plain HTTP at all) whose default route proxies every request through the VPC
 * link to the service's tasks, found in Cloud Map (its discovery service registers their port as an
 * SRV record). The limits of this door are checked in `front-door-plan.ts`.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { API_GATEWAY_TIMEOUT_SECONDS } from "./front-door-plan";

/** The route that takes every method and path. */
export const DEFAULT_ROUTE = "$default";

export interface ApiGatewayLink {
    vpcLinkId: pulumi.Output<string>;
    /** The VPC link's security group: service security groups admit their public HTTP port from it. */
    securityGroupId: pulumi.Output<string>;
}

export interface ApiGatewayLinkArgs {
    name: string;
    vpcId: pulumi.Input<string>;
    vpcCidr: string;
    subnetIds: pulumi.Input<string>[];
    tags: Record<string, string>;
    parent: pulumi.ComponentResource;
}

/** The project's VPC link (free for HTTP APIs) and its security group. */
export function createApiGatewayLink({ name, vpcId, vpcCidr, subnetIds, tags, parent }: ApiGatewayLinkArgs): ApiGatewayLink {
    const opts = { parent };
    const securityGroup = new aws.ec2.SecurityGroup(`${name}-api-link-sg`, { vpcId, description: "API Gateway VPC link: nothing in, out to the VPC only", tags }, opts);
    new aws.vpc.SecurityGroupEgressRule(
        `${name}-api-link-egress`,
        { securityGroupId: securityGroup.id, ipProtocol: "tcp", fromPort: 0, toPort: 65535, cidrIpv4: vpcCidr, description: "to services in the VPC", tags },
        opts,
    );
    const link = new aws.apigatewayv2.VpcLink(`${name}-api-link`, { name: `${name}-api-link`, subnetIds, securityGroupIds: [securityGroup.id], tags }, opts);
    return { vpcLinkId: link.id, securityGroupId: securityGroup.id };
}

export interface ServiceApiArgs {
    /** The service component's name: children are `${name}-api*`. */
    name: string;
    /** The service's Cloud Map service (with an SRV record for the port). */
    discoveryServiceArn: pulumi.Input<string>;
    link: ApiGatewayLink;
    tags: Record<string, string>;
    parent: pulumi.ComponentResource;
}

/** The service's HTTP API; returns its `https://` endpoint. */
export function createServiceApi({ name, discoveryServiceArn, link, tags, parent }: ServiceApiArgs): { endpoint: pulumi.Output<string>; api: aws.apigatewayv2.Api } {
    const opts = { parent };
    const api = new aws.apigatewayv2.Api(`${name}-api`, { protocolType: "HTTP", description: `Public HTTPS front door of service ${name}`, tags }, opts);
    const integration = new aws.apigatewayv2.Integration(
        `${name}-api-integration`,
        {
            apiId: api.id,
            integrationType: "HTTP_PROXY",
            integrationMethod: "ANY",
            connectionType: "VPC_LINK",
            connectionId: link.vpcLinkId,
            integrationUri: discoveryServiceArn,
            payloadFormatVersion: "1.0",
            timeoutMilliseconds: API_GATEWAY_TIMEOUT_SECONDS * 1000,
        },
        opts,
    );
    const route = new aws.apigatewayv2.Route(`${name}-api-route`, { apiId: api.id, routeKey: DEFAULT_ROUTE, target: pulumi.interpolate`integrations/${integration.id}` }, opts);
    new aws.apigatewayv2.Stage(`${name}-api-stage`, { apiId: api.id, name: DEFAULT_ROUTE, autoDeploy: true, tags }, { parent, dependsOn: [route] });
    return { endpoint: api.apiEndpoint, api };
}
