/**
 * The shared AWS infrastructure of one project: network, private DNS, ECS cluster, logs and the
 * task execution role, created up front; the load balancers, the build bucket and the isolated
 * subnets (with their AWS API endpoints), created when first asked for (or up front when the
 * project is known to need them).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { InfrastructureRequest } from "../backend";
import { ApiGatewayLink, createApiGatewayLink } from "./ingress/api-gateway";
import { createBuildBucket } from "./build/build-bucket";
import { createProjectFileSystem } from "./storage/efs";
import { ProjectFileSystem } from "./storage/project-file-system";
import { createExecutionRole } from "./iam/execution-role";
import { createIsolatedNetwork, IsolatedNetwork } from "./network/isolated-network";
import { createLoadBalancer } from "./ingress/load-balancer";
import { createNetwork } from "./network/network";
import { awsIngressOf, INGRESS_CONFIG_KEY } from "./ingress/ingress-choice";
import { stackSetting } from "../stack-settings";
import { createPrivateDns } from "./network/private-dns";
import { createNetworkLoadBalancer } from "./ingress/network-load-balancer";
import { AwsInfrastructure, LoadBalancerHandle, NetworkLoadBalancerHandle } from "./types";

/** CloudWatch Container Insights on the cluster: off, because it is billed per metric and task; logs are kept either way. */
export const CONTAINER_INSIGHTS = "disabled";

/** The tags put on every resource that takes them. */
export function projectTags(projectName: string): Record<string, string> {
    return { "defang:project": projectName, "managed-by": "pulumi-defang" };
}

/** The path under which a project's SSM parameters live. */
export function parameterPrefixOf(projectName: string, stack = pulumi.getStack()): string {
    return `/defang/${projectName}/${stack}/`;
}

/** The shared infrastructure of one project (`request.name` prefixes its children, `request.parent` owns them). */
export function createAwsInfrastructure(request: InfrastructureRequest): AwsInfrastructure {
    const { name, projectName, needs, options, parent } = request;
    const tags = projectTags(projectName);
    const ingress = awsIngressOf(stackSetting(INGRESS_CONFIG_KEY));
    const invokeOpts = { parent };
    const region = aws.getRegionOutput({}, invokeOpts).region;
    const accountId = aws.getCallerIdentityOutput({}, invokeOpts).accountId;
    const partition = aws.getPartitionOutput({}, invokeOpts).partition;

    const network = createNetwork({ name, nat: options.nat, tags, parent });
    const dns = createPrivateDns({ name, projectName, vpcId: network.vpcId, tags, parent });

    const cluster = new aws.ecs.Cluster(`${name}-cluster`, { settings: [{ name: "containerInsights", value: CONTAINER_INSIGHTS }], tags }, { parent });
    const logGroup = new aws.cloudwatch.LogGroup(`${name}-logs`, { retentionInDays: options.logRetentionDays, tags }, { parent });
    const executionRole = createExecutionRole({ name, partition, region, accountId, logGroupArn: logGroup.arn, tags, parent });

    // A membership marker: every service task is in it, and databases and host ports admit it. No ingress of its own.
    const members = new aws.ec2.SecurityGroup(`${name}-members-sg`, { vpcId: network.vpcId, description: "Members of the project: referenced by the groups that admit them", tags }, { parent });
    // Tasks reach the internet and AWS APIs (image pulls, logs, parameters).
    new aws.vpc.SecurityGroupEgressRule(`${name}-members-egress`, { securityGroupId: members.id, ipProtocol: "-1", cidrIpv4: "0.0.0.0/0", description: "anywhere", tags }, { parent });

    let loadBalancer: LoadBalancerHandle | undefined;
    const getLoadBalancer = () =>
        (loadBalancer ??= createLoadBalancer({
            name,
            vpcId: network.vpcId,
            vpcCidr: network.vpcCidr,
            publicSubnetIds: network.publicSubnetIds,
            tags,
            parent,
            reach: ingress === "alb-http" ? "internet" : "cloudfront",
            redirectHttp: needs.domains.length > 0,
        }));
    let networkLoadBalancer: NetworkLoadBalancerHandle | undefined;
    const getNetworkLoadBalancer = () => (networkLoadBalancer ??= createNetworkLoadBalancer({ name, vpcId: network.vpcId, vpcCidr: network.vpcCidr, publicSubnetIds: network.publicSubnetIds, tags, parent }));
    let apiLink: ApiGatewayLink | undefined;
    const getApiGatewayLink = () => (apiLink ??= createApiGatewayLink({ name, vpcId: network.vpcId, vpcCidr: network.vpcCidr, subnetIds: network.taskSubnetIds, tags, parent }));
    let buildBucket: aws.s3.Bucket | undefined;
    const getBuildBucket = () => (buildBucket ??= createBuildBucket({ name, tags, parent }));

    let isolated: IsolatedNetwork | undefined;
    const getIsolatedNetwork = () => (isolated ??= createIsolatedNetwork({ name, vpcId: network.vpcId, vpcCidr: network.vpcCidr, zoneNames: network.zoneNames, region, tags, parent }));

    const modelClients = new Map<string, aws.ec2.SecurityGroup>();
    const getModelClients = (endpoint: string) => {
        let group = modelClients.get(endpoint);
        if (!group) {
            // A membership marker like the project's: no rules of its own.
            group = new aws.ec2.SecurityGroup(`${name}-${endpoint}-model-clients-sg`, { vpcId: network.vpcId, description: `Services that use the model endpoint ${endpoint}`, tags }, { parent });
            modelClients.set(endpoint, group);
        }
        return group.id;
    };

    // With API Gateway the project's HTTP ports need no load balancer (a domain name is refused there).
    if (needs.ingress && ingress !== "apigateway") getLoadBalancer();
    if (needs.builds) getBuildBucket();

    let fileSystem: ProjectFileSystem | undefined;
    const infra: AwsInfrastructure = {
        cloud: "aws",
        projectName,
        component: parent,
        name,
        region,
        accountId,
        partition,
        vpcId: network.vpcId,
        vpcCidr: network.vpcCidr,
        privateSubnetIds: network.privateSubnetIds,
        publicSubnetIds: network.publicSubnetIds,
        taskSubnetIds: network.taskSubnetIds,
        assignPublicIp: network.assignPublicIp,
        deletionProtection: options.deletionProtection,
        redisTls: options.redisTls,
        retainVolumes: options.retainVolumes,
        mongoEndpoints: new Map(),
        clusterArn: cluster.arn,
        clusterName: cluster.name,
        logGroupName: logGroup.name,
        logGroupArn: logGroup.arn,
        executionRole,
        membersSecurityGroupId: members.id,
        namespaceId: dns.namespaceId,
        privateZoneId: dns.privateZoneId,
        privateDomain: dns.privateDomain,
        parameterPrefix: parameterPrefixOf(projectName),
        tags,
        ingress,
        loadBalancer: getLoadBalancer,
        networkLoadBalancer: getNetworkLoadBalancer,
        apiGatewayLink: getApiGatewayLink,
        httpIngressSecurityGroupId: () => (ingress === "apigateway" ? getApiGatewayLink().securityGroupId : getLoadBalancer().securityGroupId),
        addDnsName: dns.addDnsName,
        buildBucket: getBuildBucket,
        isolatedNetwork: getIsolatedNetwork,
        modelClientsSecurityGroupId: getModelClients,
        fileSystem: () => (fileSystem ??= createProjectFileSystem(infra)),
    };
    return infra;
}
