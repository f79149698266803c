/**
 * A stand-in for the AWS project infrastructure, for testing one part of the AWS backend on its own
 * (services, databases, builds) under mocks. Its shared resources are plain outputs; DNS names,
 * listeners and the build bucket are real mock registrations so that tests can see them.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { createProjectFileSystem } from "../../provider/src/clouds/aws/storage/efs";
import { ProjectFileSystem } from "../../provider/src/clouds/aws/storage/project-file-system";
import { IsolatedNetwork } from "../../provider/src/clouds/aws/network/isolated-network";
import { AwsInfrastructure, ListenerHandle, LoadBalancerHandle, NetworkLoadBalancerHandle } from "../../provider/src/clouds/aws/types";
import { infrastructureOptions } from "../../provider/src/components/infrastructure-options";

export class FakeInfraComponent extends pulumi.ComponentResource {
    constructor(name: string) {
        super("test:index:FakeInfrastructure", name, {}, {});
        this.registerOutputs({});
    }
}

export function fakeAwsInfrastructure(projectName = "shop", deletionProtection = false): AwsInfrastructure {
    const component = new FakeInfraComponent("infra");
    const o = pulumi.output;
    const listeners = new Map<number, ListenerHandle>();
    let https: ListenerHandle | undefined;
    let bucket: aws.s3.Bucket | undefined;
    let isolated: IsolatedNetwork | undefined;
    let ssm: aws.ec2.VpcEndpoint | undefined;
    let fileSystem: ProjectFileSystem | undefined;
    const listener = (port: number): ListenerHandle => {
        const resource = new aws.lb.Listener(
            `infra-listener-${port}`,
            { loadBalancerArn: "arn:lb", port, protocol: "HTTP", defaultActions: [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "404" } }] },
            { parent: component },
        );
        let priority = 0;
        let catchAll = 50001;
        return { arn: resource.arn, port, resource, nextPriority: () => ++priority, nextCatchAllPriority: () => --catchAll };
    };
    const lb: LoadBalancerHandle = {
        arn: o("arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/infra/1"),
        dnsName: o("infra-lb.us-west-2.elb.amazonaws.com"),
        zoneId: o("Z1H1FL5HABSF5"),
        securityGroupId: o("sg-alb"),
        httpListener(port) {
            let l = listeners.get(port);
            if (!l) listeners.set(port, (l = listener(port)));
            return l;
        },
        httpsListener() {
            https ??= listener(443);
            return https;
        },
    };
    const nlb: NetworkLoadBalancerHandle = {
        arn: o("arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/net/infra/1"),
        dnsName: o("infra-nlb.elb.us-west-2.amazonaws.com"),
        zoneId: o("Z26RNL4JYFTOTI"),
        securityGroupId: o("sg-nlb"),
        listen: (port, protocol, targetGroupArn, owner, ownerName, certificateArn) =>
            new aws.lb.Listener(
                `${ownerName}-nlb-listener-${port}${protocol === "UDP" ? "-udp" : ""}`,
                { loadBalancerArn: "arn:nlb", port, protocol, certificateArn, defaultActions: [{ type: "forward", targetGroupArn }] },
                { parent: owner },
            ),
    };
    const infra: AwsInfrastructure = {
        cloud: "aws",
        projectName,
        component,
        name: "infra",
        region: o("us-west-2"),
        accountId: o("123456789012"),
        partition: o("aws"),
        vpcId: o("vpc-1"),
        vpcCidr: "10.0.0.0/16",
        privateSubnetIds: [o("subnet-private-a"), o("subnet-private-b")],
        publicSubnetIds: [o("subnet-public-a"), o("subnet-public-b")],
        taskSubnetIds: [o("subnet-public-a"), o("subnet-public-b")],
        assignPublicIp: true,
        clusterArn: o("arn:aws:ecs:us-west-2:123456789012:cluster/infra"),
        clusterName: o("infra-cluster"),
        logGroupName: o("/defang/shop"),
        logGroupArn: o("arn:aws:logs:us-west-2:123456789012:log-group:/defang/shop"),
        executionRole: new aws.iam.Role("infra-execution-role", { assumeRolePolicy: "{}" }, { parent: component }),
        membersSecurityGroupId: o("sg-members"),
        namespaceId: o("ns-1"),
        privateZoneId: o("Z-private"),
        privateDomain: `${projectName}.internal`,
        parameterPrefix: `/defang/${projectName}/stack/`,
        deletionProtection,
        ingress: "alb-http",
        apiGatewayLink: () => ({ vpcLinkId: o("vpclink-1"), securityGroupId: o("sg-api-link") }),
        httpIngressSecurityGroupId: () => lb.securityGroupId,
        // As the stack config says (`defang:redisTls`), like a real project's options.
        redisTls: infrastructureOptions().redisTls,
        retainVolumes: infrastructureOptions().retainVolumes,
        mongoEndpoints: new Map(),
        tags: { "defang:project": projectName },
        loadBalancer: () => lb,
        networkLoadBalancer: () => nlb,
        addDnsName: (resourceName, dnsName, target, owner) =>
            new aws.route53.Record(resourceName, { zoneId: "Z-private", name: `${dnsName}.${projectName}.internal`, type: "CNAME", ttl: 60, records: [target] }, { parent: owner }),
        buildBucket: () => (bucket ??= new aws.s3.Bucket("infra-builds", {}, { parent: component })),
        modelClientsSecurityGroupId: (endpoint) => o(`sg-${endpoint}-model-clients`),
        isolatedNetwork: () =>
            (isolated ??= {
                subnetIds: [o("subnet-isolated-a"), o("subnet-isolated-b")],
                endpoints: [new aws.ec2.VpcEndpoint("infra-endpoint-ecr-api", { vpcId: "vpc-1", serviceName: "com.amazonaws.us-west-2.ecr.api" }, { parent: component })],
                parametersEndpoint: () => (ssm ??= new aws.ec2.VpcEndpoint("infra-endpoint-ssm", { vpcId: "vpc-1", serviceName: "com.amazonaws.us-west-2.ssm" }, { parent: component })),
            }),
        // The real file system of the project's volumes, on this stand-in's network.
        fileSystem: () => (fileSystem ??= createProjectFileSystem(infra)),
    };
    return infra;
}
