/**
 * The properties that matter of AWS resources (size, ports, replicas, engine and version, public or
 * private), by type token, read from the inputs the AWS backend registers.
 */
import type { AwsContainerDefinition, AwsResourceInputs } from "../../clouds/aws/resource-inputs";
import { PropertyTable } from "./extractor";
import { bool, defined, jsonList, list, num, str, strings } from "./read";
import { Plain, Recorded, RecordedByType } from "./recorded";

/** The recorded inputs of an AWS resource of type `K`. */
export type AwsRecorded<K extends keyof AwsResourceInputs> = RecordedByType<AwsResourceInputs>[K];

/** The inputs of `r` typed as those of `type`, when `r` is of that type. */
export function awsInputs<K extends keyof AwsResourceInputs>(r: { type: string; inputs: Recorded<unknown> } | undefined, type: K): AwsRecorded<K> | undefined {
    return r?.type === type ? (r.inputs as AwsRecorded<K>) : undefined;
}

const containerDefinitions = jsonList<Plain<AwsContainerDefinition>>();

/** ECS task definition sizes: CPU units (1024 = 1 vCPU) and memory in MiB. */
export function taskSize(inputs: AwsRecorded<"aws:ecs/taskDefinition:TaskDefinition">): { vcpu?: number; memoryMiB?: number; arch: "x86_64" | "arm64" } {
    const cpu = num(inputs, "cpu");
    const arch = (str(inputs, "runtimePlatform.cpuArchitecture") ?? "X86_64").toUpperCase() === "ARM64" ? "arm64" : "x86_64";
    return { vcpu: cpu === undefined ? undefined : cpu / 1024, memoryMiB: num(inputs, "memory"), arch };
}

function containerSummary(inputs: AwsRecorded<"aws:ecs/taskDefinition:TaskDefinition">): { image?: string; ports?: string } {
    const first = containerDefinitions(inputs, "containerDefinitions").at(0);
    if (!first) return {};
    const ports = list(first, "portMappings").map((p) => `${num(p, "containerPort")}/${str(p, "protocol") ?? "tcp"}`);
    const image = str(first, "image");
    return { image: image?.includes("[secret]") ? undefined : image, ports: ports.length ? ports.join(", ") : undefined };
}

export const AWS_PROPERTIES = {
    "aws:ecs/service:Service": {
        kind: "ECS Fargate service",
        read: (i) =>
            defined({
                replicas: num(i, "desiredCount"),
                launch: str(i, "launchType"),
                publicIp: bool(i, "networkConfiguration.assignPublicIp"),
                loadBalanced:
                    list(i, "loadBalancers")
                        .map((l) => num(l, "containerPort"))
                        .join(", ") || undefined,
            }),
    },
    "aws:ecs/taskDefinition:TaskDefinition": {
        kind: "ECS task definition",
        read: (i) => {
            const size = taskSize(i);
            const c = containerSummary(i);
            return defined({ vcpu: size.vcpu, memoryMiB: size.memoryMiB, arch: size.arch, ports: c.ports, image: c.image });
        },
    },
    "aws:ecs/cluster:Cluster": { kind: "ECS cluster", read: () => ({}) },
    // EcsTaskRun (clouds/aws/compute/ecs-task-run.ts): a one-off job, run during `pulumi up` and waited for.
    "pulumi-nodejs:dynamic/defang:EcsTaskRun": {
        kind: "ECS task run at deploy (one-off job)",
        read: (i) => defined({ tasks: num(i, "count"), runs: "once per deployment that changes it, waits for exit code 0", publicIp: bool(i, "assignPublicIp") }),
    },
    "aws:lb/loadBalancer:LoadBalancer": {
        kind: "load balancer",
        read: (i) => defined({ type: str(i, "loadBalancerType") ?? "application", public: bool(i, "internal") === true ? false : true }),
    },
    "aws:cloudfront/distribution:Distribution": {
        kind: "CloudFront distribution (HTTPS front door)",
        read: (i) => defined({ viewer: str(i, "defaultCacheBehavior.viewerProtocolPolicy"), originPort: num(i, "origins.0.customOriginConfig.httpPort"), caching: "disabled" }),
    },
    "aws:apigatewayv2/api:Api": {
        kind: "API Gateway HTTP API (HTTPS front door)",
        read: (i) => defined({ protocol: str(i, "protocolType") }),
    },
    "aws:lb/listener:Listener": {
        kind: "load balancer listener",
        read: (i) => defined({ port: num(i, "port"), protocol: str(i, "protocol"), action: str(i, "defaultActions.0.type") }),
    },
    "aws:lb/targetGroup:TargetGroup": {
        kind: "target group",
        read: (i) => defined({ port: num(i, "port"), protocol: str(i, "protocol"), healthCheck: str(i, "healthCheck.path") }),
    },
    "aws:lb/listenerRule:ListenerRule": {
        kind: "listener rule",
        read: (i) =>
            defined({
                priority: num(i, "priority"),
                host:
                    list(i, "conditions")
                        .map((c) => strings(c, "hostHeader.values").join(","))
                        .filter(Boolean)
                        .join(" ") || undefined,
                action: str(i, "actions.0.type"),
            }),
    },
    "aws:rds/instance:Instance": {
        kind: "RDS PostgreSQL instance",
        read: (i) =>
            defined({
                engine: str(i, "engine"),
                version: str(i, "engineVersion"),
                class: str(i, "instanceClass"),
                storageGB: num(i, "allocatedStorage"),
                multiAz: bool(i, "multiAz") ?? false,
                public: bool(i, "publiclyAccessible") ?? false,
                encrypted: bool(i, "storageEncrypted"),
            }),
    },
    "aws:elasticache/replicationGroup:ReplicationGroup": {
        kind: "ElastiCache replication group",
        read: (i) =>
            defined({
                engine: str(i, "engine"),
                version: str(i, "engineVersion"),
                nodeType: str(i, "nodeType"),
                nodes: num(i, "numCacheClusters"),
                tls: bool(i, "transitEncryptionEnabled"),
                encrypted: bool(i, "atRestEncryptionEnabled"),
            }),
    },
    "aws:docdb/cluster:Cluster": {
        kind: "DocumentDB cluster",
        read: (i) =>
            defined({
                version: str(i, "engineVersion"),
                encrypted: bool(i, "storageEncrypted"),
                backupDays: num(i, "backupRetentionPeriod"),
                deletionProtection: bool(i, "deletionProtection") ?? false,
            }),
    },
    "aws:docdb/clusterInstance:ClusterInstance": { kind: "DocumentDB instance", read: (i) => defined({ class: str(i, "instanceClass") }) },
    "aws:docdb/subnetGroup:SubnetGroup": { kind: "DocumentDB subnet group", read: () => ({}) },
    "aws:docdb/clusterParameterGroup:ClusterParameterGroup": { kind: "DocumentDB parameter group", read: (i) => defined({ family: str(i, "family") }) },
    "aws:ec2/natGateway:NatGateway": { kind: "NAT gateway", read: (i) => defined({ connectivity: str(i, "connectivityType") ?? "public" }) },
    "aws:ec2/eip:Eip": { kind: "Elastic IP", read: () => ({}) },
    "aws:ec2/vpcEndpoint:VpcEndpoint": { kind: "VPC endpoint", read: (i) => defined({ service: str(i, "serviceName"), type: str(i, "vpcEndpointType") }) },
    "aws:ec2/vpc:Vpc": { kind: "VPC", read: (i) => defined({ cidr: str(i, "cidrBlock") }) },
    "aws:ec2/subnet:Subnet": { kind: "subnet", read: (i) => defined({ cidr: str(i, "cidrBlock"), public: bool(i, "mapPublicIpOnLaunch") ?? false }) },
    "aws:ec2/securityGroup:SecurityGroup": { kind: "security group", read: () => ({}) },
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": {
        kind: "ingress rule",
        read: (i) => defined({ port: num(i, "fromPort"), from: str(i, "cidrIpv4") ?? str(i, "cidrIpv6") ?? (str(i, "referencedSecurityGroupId") !== undefined ? "security group" : undefined) }),
    },
    "aws:ssm/parameter:Parameter": { kind: "SSM parameter", read: (i) => defined({ type: str(i, "type"), tier: str(i, "tier") ?? "Standard" }) },
    "aws:secretsmanager/secret:Secret": { kind: "Secrets Manager secret", read: () => ({}) },
    "aws:acm/certificate:Certificate": { kind: "ACM certificate", read: (i) => defined({ domain: str(i, "domainName"), validation: str(i, "validationMethod") }) },
    "aws:route53/record:Record": { kind: "DNS record", read: (i) => defined({ name: str(i, "name"), type: str(i, "type") }) },
    "aws:ecr/repository:Repository": { kind: "ECR repository", read: (i) => defined({ scanOnPush: bool(i, "imageScanningConfiguration.scanOnPush") }) },
    "aws:codebuild/project:Project": { kind: "CodeBuild project", read: (i) => defined({ compute: str(i, "environment.computeType"), image: str(i, "environment.image") }) },
    "aws:cloudwatch/logGroup:LogGroup": { kind: "CloudWatch log group", read: (i) => defined({ retentionDays: num(i, "retentionInDays") }) },
    "aws:s3/bucket:Bucket": { kind: "S3 bucket", read: () => ({}) },
    "aws:appautoscaling/target:Target": { kind: "autoscaling target", read: (i) => defined({ min: num(i, "minCapacity"), max: num(i, "maxCapacity") }) },
    "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace": { kind: "private DNS namespace", read: (i) => defined({ domain: str(i, "name") }) },
    "aws:servicediscovery/service:Service": { kind: "Cloud Map service", read: (i) => defined({ name: str(i, "name") }) },
    "aws:iam/role:Role": { kind: "IAM role", read: () => ({}) },
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": { kind: "egress rule", read: () => ({}) },
    "aws:rds/subnetGroup:SubnetGroup": { kind: "DB subnet group", read: () => ({}) },
    "aws:rds/parameterGroup:ParameterGroup": { kind: "DB parameter group", read: (i) => defined({ family: str(i, "family") }) },
    "aws:elasticache/subnetGroup:SubnetGroup": { kind: "cache subnet group", read: () => ({}) },
    "aws:ecr/lifecyclePolicy:LifecyclePolicy": { kind: "image lifecycle policy", read: () => ({}) },
    "aws:s3/bucketObjectv2:BucketObjectv2": { kind: "build context upload", read: () => ({}) },
    "aws:acm/certificateValidation:CertificateValidation": { kind: "certificate validation", read: () => ({}) },
    "aws:ec2/internetGateway:InternetGateway": { kind: "internet gateway", read: () => ({}) },
    "aws:ec2/routeTable:RouteTable": { kind: "route table", read: () => ({}) },
    "aws:ec2/route:Route": { kind: "route", read: () => ({}) },
    "aws:ec2/routeTableAssociation:RouteTableAssociation": { kind: "route table association", read: () => ({}) },
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": { kind: "default security group (locked)", read: () => ({}) },
    "aws:ec2/vpcDhcpOptions:VpcDhcpOptions": { kind: "DHCP options", read: () => ({}) },
    "aws:ec2/vpcDhcpOptionsAssociation:VpcDhcpOptionsAssociation": { kind: "DHCP options association", read: () => ({}) },
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": { kind: "bucket public access block", read: () => ({}) },
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": { kind: "bucket ownership controls", read: () => ({}) },
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": { kind: "bucket encryption", read: () => ({}) },
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": { kind: "bucket lifecycle", read: () => ({}) },
    "aws:s3/bucketPolicy:BucketPolicy": { kind: "bucket policy", read: () => ({}) },
    "aws:appautoscaling/policy:Policy": { kind: "autoscaling policy", read: (i) => defined({ type: str(i, "policyType") }) },
    "aws:iam/rolePolicy:RolePolicy": { kind: "IAM role policy", read: () => ({}) },
} satisfies PropertyTable<AwsResourceInputs>;
