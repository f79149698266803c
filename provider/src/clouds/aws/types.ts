/**
 * What the AWS backend's parts share: the project's infrastructure as the service, database and
 * cache functions see it. Implemented by `infrastructure.ts`.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { MongoEndpoint } from "../mongo-references";
import { DeployRequest, ProjectInfrastructure } from "../backend";
import { ProjectFileSystem } from "./storage/project-file-system";
import { IsolatedNetwork } from "./network/isolated-network";
import { AwsIngress } from "./ingress/ingress-choice";
import { ApiGatewayLink } from "./ingress/api-gateway";

/** A load balancer listener that services add rules to. */
export interface ListenerHandle {
    arn: pulumi.Output<string>;
    port: number;
    /** The next free rule priority on this listener for a rule with a host condition (deterministic: in the order services ask). */
    nextPriority(): number;
    /** The next priority for a catch-all rule (`/*`): evaluated after every host rule of the listener. */
    nextCatchAllPriority(): number;
    /** The listener resource, for `dependsOn`. */
    resource: aws.lb.Listener;
}

export interface LoadBalancerHandle {
    arn: pulumi.Output<string>;
    dnsName: pulumi.Output<string>;
    zoneId: pulumi.Output<string>;
    /** The load balancer's security group: service security groups allow their ingress ports from it. */
    securityGroupId: pulumi.Output<string>;
    /** The secret header CloudFront sends and the rules behind it require; absent unless the load balancer is behind CloudFront. */
    originHeader?: { name: string; value: pulumi.Output<string> };
    /** The HTTP listener on `port` (the published port of an ingress port), created on first use; `fromInternet` opens the port to the internet (default: unless behind CloudFront). */
    httpListener(port: number, fromInternet?: boolean): ListenerHandle;
    /**
     * The HTTPS listener on 443, created with the first certificate; later certificates are attached to it.
     * Also makes port 80 redirect `host` to HTTPS.
     */
    httpsListener(certificateArn: pulumi.Output<string>, host: string, owner: pulumi.ComponentResource, ownerName: string): ListenerHandle;
}

/** The project's network load balancer, for public ports that do not carry HTTP. */
export interface NetworkLoadBalancerHandle {
    arn: pulumi.Output<string>;
    dnsName: pulumi.Output<string>;
    zoneId: pulumi.Output<string>;
    /** Its security group: service security groups admit their network ports from it. */
    securityGroupId: pulumi.Output<string>;
    /**
     * A listener on `port` forwarding to `targetGroupArn`, created under `owner` (named
     * `${ownerName}-nlb-listener-<port>`); the port is opened to the internet. A TLS listener needs
     * `certificateArn`.
     */
    listen(port: number, protocol: "TCP" | "UDP" | "TLS", targetGroupArn: pulumi.Input<string>, owner: pulumi.ComponentResource, ownerName: string, certificateArn?: pulumi.Input<string>): aws.lb.Listener;
}

export interface AwsInfrastructure extends ProjectInfrastructure {
    readonly cloud: "aws";
    /** The component that owns the shared resources, and the prefix of their names. */
    readonly component: pulumi.ComponentResource;
    readonly name: string;
    readonly region: pulumi.Output<string>;
    readonly accountId: pulumi.Output<string>;
    readonly partition: pulumi.Output<string>;
    readonly vpcId: pulumi.Output<string>;
    readonly vpcCidr: string;
    readonly privateSubnetIds: pulumi.Output<string>[];
    readonly publicSubnetIds: pulumi.Output<string>[];
    /** The subnets service tasks run in: the public ones when there is no NAT gateway, else the private ones. */
    readonly taskSubnetIds: pulumi.Output<string>[];
    /** Whether service tasks get a public address (only when there is no NAT gateway to reach the internet through). */
    readonly assignPublicIp: boolean;
    readonly clusterArn: pulumi.Output<string>;
    readonly clusterName: pulumi.Output<string>;
    readonly logGroupName: pulumi.Output<string>;
    readonly logGroupArn: pulumi.Output<string>;
    /** The ECS task execution role (pulls images, writes logs); services add their own secret-read policies to it. */
    readonly executionRole: aws.iam.Role;
    /** Every service task is in this group and nothing else is: databases and host ports allow it. */
    readonly membersSecurityGroupId: pulumi.Output<string>;
    /** Cloud Map namespace whose domain is the VPC's DNS search domain: services resolve each other by name. */
    readonly namespaceId: pulumi.Output<string>;
    readonly privateZoneId: pulumi.Output<string>;
    /** The private DNS domain, e.g. `shop.internal`. */
    readonly privateDomain: string;
    /** The path under which the project's SSM parameters live, e.g. `/defang/shop/`. */
    readonly parameterPrefix: string;
    /** Databases and caches refuse deletion until this is turned off (`InfrastructureOptions.deletionProtection`). */
    readonly deletionProtection: boolean;
    /** Managed caches encrypt in transit (`InfrastructureOptions.redisTls`). */
    readonly redisTls: boolean;
    /** The storage of named volumes is kept when the stack is destroyed (`InfrastructureOptions.retainVolumes`). */
    readonly retainVolumes: boolean;
    /** Tags put on every resource that takes them. */
    readonly tags: Record<string, string>;
    /** The front door of public HTTP ports (`defang:ingress`). */
    readonly ingress: AwsIngress;
    /** The project's DocumentDB clusters by compose name and alias, for rewriting services' references (filled as they are deployed). */
    readonly mongoEndpoints: Map<string, pulumi.Output<MongoEndpoint>>;
    /** The load balancer, created on first use (only projects with a public HTTP port have one). */
    loadBalancer(): LoadBalancerHandle;
    /** The VPC link of the API Gateway front door (`defang:ingress apigateway`), created on first use. */
    apiGatewayLink(): ApiGatewayLink;
    /** The security group that service security groups admit their public HTTP ports from: the load balancer's, or the API Gateway VPC link's. */
    httpIngressSecurityGroupId(): pulumi.Output<string>;
    /** The network load balancer, created on first use (only projects with a public TCP or UDP port that is not HTTP have one). */
    networkLoadBalancer(): NetworkLoadBalancerHandle;
    /** A private DNS name (`name.<privateDomain>`, CNAME to `target`), created under `owner`. */
    addDnsName(resourceName: string, dnsName: string, target: pulumi.Input<string>, owner: pulumi.ComponentResource): aws.route53.Record;
    /** The S3 bucket for build contexts, created on first use. */
    buildBucket(): aws.s3.Bucket;
    /**
     * The security group of the clients of a model endpoint (`endpoint` is its component name),
     * created on first use: the tasks of the services that use the model join it, and the
     * endpoint's gateway admits only it.
     */
    modelClientsSecurityGroupId(endpoint: string): pulumi.Output<string>;
    /** The EFS file system of the project's named volumes, created on first use (see `efs.ts`). */
    fileSystem(): ProjectFileSystem;
    /** The isolated subnets (no internet) and their AWS API endpoints, for services only on internal networks; created on first use. */
    isolatedNetwork(): IsolatedNetwork;
}

/** A component's request as this backend receives it, with the project's `AwsInfrastructure`. */
export type AwsDeployRequest<M> = DeployRequest<M, AwsInfrastructure>;
