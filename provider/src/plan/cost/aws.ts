/**
 * Monthly cost of AWS resources, from their recorded inputs and the AWS price table.
 */
import { AWS_PRICES, AWS_USAGE } from "../prices/aws";
import { HOURS_PER_MONTH, JOB_MINUTES_PER_MONTH, Price, lookupPrice } from "../prices/price";
import type { AwsResourceInputs } from "../../clouds/aws/resource-inputs";
import { AwsRecorded, awsInputs, taskSize } from "../properties/aws";
import { bool, list, num, str } from "../properties/read";
import { Plain } from "../properties/recorded";
import { RecordedResource } from "../types";
import { CostFunction, CostTable, free, freeTypes, notPriced, perUnitOf, priced, rate } from "./estimate";

/** The cost function of AWS resources of type `K`. */
type AwsCost<K extends keyof AwsResourceInputs> = CostFunction<Plain<AwsResourceInputs[K]>>;

const P = AWS_PRICES;
const H = HOURS_PER_MONTH;

const TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";

/** The one task definition among `siblings`, if there is exactly one. */
function onlyTaskDefinition(siblings: readonly RecordedResource[]): AwsRecorded<typeof TASK_DEFINITION> | undefined {
    const defs = siblings.filter((s) => s.type === TASK_DEFINITION);
    return defs.length === 1 ? awsInputs(defs[0], TASK_DEFINITION) : undefined;
}

/** The task definition an ECS service runs: named by the last segment of its (canned) ARN. */
function taskDefinitionOf(service: AwsRecorded<"aws:ecs/service:Service">, byName: ReadonlyMap<string, RecordedResource>, siblings: readonly RecordedResource[]): AwsRecorded<typeof TASK_DEFINITION> | undefined {
    const arn = str(service, "taskDefinition");
    const name = arn?.split("/").pop()?.split(":")[0];
    return awsInputs(name ? byName.get(name) : undefined, TASK_DEFINITION) ?? onlyTaskDefinition(siblings);
}

const ecsService: AwsCost<"aws:ecs/service:Service"> = (r, { byName, siblings }) => {
    const task = taskDefinitionOf(r.inputs, byName, siblings);
    if (!task) return notPriced("task definition not found");
    const { vcpu, memoryMiB, arch } = taskSize(task);
    if (vcpu === undefined || memoryMiB === undefined) return notPriced("task size unknown");
    const tasks = num(r.inputs, "desiredCount") ?? 1;
    const cpuPrice = P[`aws.fargate.vcpu-hour.${arch}`];
    const memPrice = P[`aws.fargate.gb-hour.${arch}`];
    const gb = memoryMiB / 1024;
    const compute = tasks * (vcpu * cpuPrice.usd + gb * memPrice.usd) * H;
    let basis = `${tasks} task${tasks === 1 ? "" : "s"} x (${vcpu} vCPU x ${rate(cpuPrice)} + ${gb} GB x ${rate(memPrice)}) x ${H} h`;
    const used: Price[] = [cpuPrice, memPrice];
    let total = compute;
    if (bool(r.inputs, "networkConfiguration.assignPublicIp")) {
        const ip = P["aws.public-ipv4.hour"];
        total += tasks * ip.usd * H;
        basis += ` + ${tasks} public IPv4 x ${rate(ip)} x ${H} h`;
        used.push(ip);
    }
    return priced(total, basis, used);
};

/** A one-off job: its task's Fargate time, only while it runs at deploy. */
const ecsTaskRun: AwsCost<"pulumi-nodejs:dynamic/defang:EcsTaskRun"> = (r, { siblings }) => {
    const task = onlyTaskDefinition(siblings);
    if (!task) return notPriced("task definition not found");
    const { vcpu, memoryMiB, arch } = taskSize(task);
    if (vcpu === undefined || memoryMiB === undefined) return notPriced("task size unknown");
    const tasks = num(r.inputs, "count") ?? 1;
    const cpuPrice = P[`aws.fargate.vcpu-hour.${arch}`];
    const memPrice = P[`aws.fargate.gb-hour.${arch}`];
    const gb = memoryMiB / 1024;
    const hours = JOB_MINUTES_PER_MONTH / 60;
    const total = tasks * (vcpu * cpuPrice.usd + gb * memPrice.usd) * hours;
    const basis = `one-off job, runs only at deploy (~nothing a month): ${tasks} task${tasks === 1 ? "" : "s"} x (${vcpu} vCPU x ${rate(cpuPrice)} + ${gb} GB x ${rate(memPrice)}) x ${JOB_MINUTES_PER_MONTH} min`;
    return priced(total, basis, [cpuPrice, memPrice]);
};

const loadBalancer: AwsCost<"aws:lb/loadBalancer:LoadBalancer"> = (r, context) => (str(r.inputs, "loadBalancerType") === "network" ? networkLoadBalancer(r, context) : applicationLoadBalancer(r, context));

const networkLoadBalancer: AwsCost<"aws:lb/loadBalancer:LoadBalancer"> = () => {
    const hour = P["aws.nlb.hour"];
    const nlcu = P["aws.nlb.nlcu-hour"];
    const ip = P["aws.public-ipv4.hour"];
    const { nlbNlcu, nlbZones } = AWS_USAGE;
    const total = (hour.usd + nlbNlcu * nlcu.usd + nlbZones * ip.usd) * H;
    return priced(total, `(${rate(hour)} + ${nlbNlcu} NLCU x ${rate(nlcu)} + ${nlbZones} public IPv4 x ${rate(ip)}) x ${H} h`, [hour, nlcu, ip]);
};

const applicationLoadBalancer: AwsCost<"aws:lb/loadBalancer:LoadBalancer"> = () => {
    const hour = P["aws.alb.hour"];
    const lcu = P["aws.alb.lcu-hour"];
    const ip = P["aws.public-ipv4.hour"];
    const { albLcu, albZones } = AWS_USAGE;
    const total = (hour.usd + albLcu * lcu.usd + albZones * ip.usd) * H;
    return priced(total, `(${rate(hour)} + ${albLcu} LCU x ${rate(lcu)} + ${albZones} public IPv4 x ${rate(ip)}) x ${H} h`, [hour, lcu, ip]);
};

const rdsInstance: AwsCost<"aws:rds/instance:Instance"> = (r) => {
    const cls = str(r.inputs, "instanceClass") ?? "";
    const price = lookupPrice(P, `aws.rds.${cls}`);
    if (!price) return notPriced(`instance class ${cls || "?"} not in the price table`);
    const copies = bool(r.inputs, "multiAz") ? 2 : 1;
    const gb = num(r.inputs, "allocatedStorage") ?? 20;
    const storage = P["aws.rds.storage.gp3"];
    const total = copies * (price.usd * H + gb * storage.usd);
    const az = copies === 2 ? "2 (Multi-AZ) x " : "";
    return priced(total, `${az}(${cls} ${rate(price)} x ${H} h + ${gb} GB x ${rate(storage)})`, [price, storage]);
};

const docdbInstance: AwsCost<"aws:docdb/clusterInstance:ClusterInstance"> = (r) => {
    const cls = str(r.inputs, "instanceClass") ?? "";
    const price = lookupPrice(P, `aws.docdb.${cls}`);
    if (!price) return notPriced(`instance class ${cls || "?"} not in the price table`);
    return priced(price.usd * H, `${cls} ${rate(price)} x ${H} h`, [price]);
};

/** Storage and I/O are billed per cluster, whatever its instances. */
const docdbCluster: AwsCost<"aws:docdb/cluster:Cluster"> = () => {
    const storage = P["aws.docdb.storage-gb"];
    const io = P["aws.docdb.io-million"];
    const { docdbGb, docdbIoMillions } = AWS_USAGE;
    return priced(docdbGb * storage.usd + docdbIoMillions * io.usd, `${docdbGb} GB x ${rate(storage)} + ${docdbIoMillions} million I/Os x ${rate(io)}`, [storage, io]);
};

const replicationGroup: AwsCost<"aws:elasticache/replicationGroup:ReplicationGroup"> = (r) => {
    const nodeType = str(r.inputs, "nodeType") ?? "";
    const price = lookupPrice(P, `aws.elasticache.${nodeType}`);
    if (!price) return notPriced(`node type ${nodeType || "?"} not in the price table`);
    const shards = num(r.inputs, "numNodeGroups");
    const nodes = num(r.inputs, "numCacheClusters") ?? (shards !== undefined ? shards * ((num(r.inputs, "replicasPerNodeGroup") ?? 0) + 1) : 1);
    const valkey = (str(r.inputs, "engine") ?? "redis").toLowerCase() === "valkey";
    const discount = valkey ? P["aws.elasticache.valkey-discount"] : undefined;
    const factor = discount?.usd ?? 1;
    const total = nodes * price.usd * factor * H;
    const basis = `${nodes} node${nodes === 1 ? "" : "s"} x ${nodeType} ${rate(price)}${discount ? ` x ${factor} (Valkey)` : ""} x ${H} h`;
    return priced(total, basis, discount ? [price, discount] : [price]);
};

const natGateway: AwsCost<"aws:ec2/natGateway:NatGateway"> = () => {
    const hour = P["aws.nat.hour"];
    const gb = P["aws.nat.gb"];
    return priced(hour.usd * H + AWS_USAGE.natGb * gb.usd, `${rate(hour)} x ${H} h + ${AWS_USAGE.natGb} GB x ${rate(gb)}`, [hour, gb]);
};

/** An interface endpoint is billed per zone (one network interface per subnet); a gateway endpoint (S3) costs nothing. */
const vpcEndpoint: AwsCost<"aws:ec2/vpcEndpoint:VpcEndpoint"> = (r) => {
    if ((str(r.inputs, "vpcEndpointType") ?? "Gateway") !== "Interface") return free("gateway endpoint: no charge");
    const zones = Math.max(1, list(r.inputs, "subnetIds").length);
    const p = P["aws.vpc-endpoint.interface.az-hour"];
    return priced(zones * p.usd * H, `${zones} zone${zones === 1 ? "" : "s"} x ${rate(p)} x ${H} h`, [p]);
};

const eip: AwsCost<"aws:ec2/eip:Eip"> = () => {
    const ip = P["aws.public-ipv4.hour"];
    return priced(ip.usd * H, `${rate(ip)} x ${H} h`, [ip]);
};

const ssmParameter: AwsCost<"aws:ssm/parameter:Parameter"> = (r) => {
    const advanced = (str(r.inputs, "tier") ?? "Standard") === "Advanced";
    const p = P[advanced ? "aws.ssm.advanced-parameter" : "aws.ssm.standard-parameter"];
    return advanced ? priced(p.usd, rate(p), [p]) : priced(0, "standard parameter: no charge", [p]);
};

const perUnit = perUnitOf(P);

/** The project's volumes: their data on EFS Standard and in daily backups, at the stated size. */
const efsFileSystem: AwsCost<"aws:efs/fileSystem:FileSystem"> = () => {
    const storage = P["aws.efs.standard-gb-month"];
    const backup = P["aws.backup.efs-warm-gb-month"];
    const gb = AWS_USAGE.volumeGb;
    return priced(gb * (storage.usd + backup.usd), `${gb} GB of volume data x ${rate(storage)} + ${gb} GB of backups x ${rate(backup)}`, [storage, backup]);
};

const logGroup: AwsCost<"aws:cloudwatch/logGroup:LogGroup"> = () => {
    const ingest = P["aws.logs.ingest-gb"];
    const store = P["aws.logs.store-gb"];
    const gb = AWS_USAGE.logsGb;
    return priced(gb * (ingest.usd + store.usd), `${gb} GB/month x (${rate(ingest)} + ${rate(store)})`, [ingest, store]);
};

const cloudMapService: AwsCost<"aws:servicediscovery/service:Service"> = (_r, { siblings }) => {
    const p = P["aws.cloudmap.instance"];
    const service = awsInputs(
        siblings.find((s) => s.type === "aws:ecs/service:Service"),
        "aws:ecs/service:Service",
    );
    const instances = service ? (num(service, "desiredCount") ?? 1) : 1;
    return priced(instances * p.usd, `${instances} registered instance${instances === 1 ? "" : "s"} x ${rate(p)}`, [p]);
};

/** A CloudFront distribution or an API Gateway HTTP API: billed per request. */
const cloudFrontDistribution: AwsCost<"aws:cloudfront/distribution:Distribution"> = () => {
    const p = P["aws.cloudfront.https-10k"];
    const m = AWS_USAGE.frontDoorMillionRequests;
    return priced(m * 100 * p.usd, `${m} million requests x ${rate(p)}`, [p]);
};
const httpApi: AwsCost<"aws:apigatewayv2/api:Api"> = () => {
    const p = P["aws.apigateway.http-million"];
    const m = AWS_USAGE.frontDoorMillionRequests;
    return priced(m * p.usd, `${m} million requests x ${rate(p)}`, [p]);
};

export const AWS_COSTS = {
    "aws:cloudfront/distribution:Distribution": cloudFrontDistribution,
    "aws:apigatewayv2/api:Api": httpApi,
    "aws:ecs/service:Service": ecsService,
    "pulumi-nodejs:dynamic/defang:EcsTaskRun": ecsTaskRun,
    "aws:lb/loadBalancer:LoadBalancer": loadBalancer,
    "aws:rds/instance:Instance": rdsInstance,
    "aws:elasticache/replicationGroup:ReplicationGroup": replicationGroup,
    "aws:docdb/clusterInstance:ClusterInstance": docdbInstance,
    "aws:docdb/cluster:Cluster": docdbCluster,
    "aws:ec2/natGateway:NatGateway": natGateway,
    "aws:ec2/vpcEndpoint:VpcEndpoint": vpcEndpoint,
    "aws:ec2/eip:Eip": eip,
    "aws:ssm/parameter:Parameter": ssmParameter,
    "aws:secretsmanager/secret:Secret": perUnit("aws.secretsmanager.secret", 1, "secret"),
    "aws:cloudwatch/logGroup:LogGroup": logGroup,
    "aws:ecr/repository:Repository": perUnit("aws.ecr.storage-gb", AWS_USAGE.imageGb, "GB of images"),
    "aws:efs/fileSystem:FileSystem": efsFileSystem,
    "aws:s3/bucket:Bucket": perUnit("aws.s3.standard-gb", AWS_USAGE.buildBucketGb, "GB of build contexts"),
    "aws:codebuild/project:Project": perUnit("aws.codebuild.general1.small", AWS_USAGE.buildMinutes, "build minutes"),
    "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace": perUnit("aws.route53.hosted-zone", 1, "private hosted zone"),
    "aws:servicediscovery/service:Service": cloudMapService,
    // The build run is a step of the deployment: its minutes are counted on the CodeBuild project.
    "pulumi-nodejs:dynamic:Resource": () => free("counted with the build project"),
    "aws:s3/bucketObjectv2:BucketObjectv2": () => free("counted with the bucket"),
    ...freeTypes([
        "aws:ecs/taskDefinition:TaskDefinition",
        "aws:efs/mountTarget:MountTarget",
        "aws:efs/accessPoint:AccessPoint",
        "aws:efs/backupPolicy:BackupPolicy",
        "aws:efs/fileSystemPolicy:FileSystemPolicy",
        "aws:ecs/cluster:Cluster",
        "aws:lb/listener:Listener",
        "aws:lb/listenerRule:ListenerRule",
        "aws:lb/listenerCertificate:ListenerCertificate",
        "aws:lb/targetGroup:TargetGroup",
        "aws:apigatewayv2/vpcLink:VpcLink",
        "aws:apigatewayv2/integration:Integration",
        "aws:apigatewayv2/route:Route",
        "aws:apigatewayv2/stage:Stage",
        "aws:ec2/vpc:Vpc",
        "aws:ec2/subnet:Subnet",
        "aws:ec2/internetGateway:InternetGateway",
        "aws:ec2/routeTable:RouteTable",
        "aws:ec2/route:Route",
        "aws:ec2/routeTableAssociation:RouteTableAssociation",
        "aws:ec2/securityGroup:SecurityGroup",
        "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
        "aws:ec2/vpcDhcpOptions:VpcDhcpOptions",
        "aws:ec2/vpcDhcpOptionsAssociation:VpcDhcpOptionsAssociation",
        "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
        "aws:iam/role:Role",
        "aws:iam/rolePolicy:RolePolicy",
        "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
        "aws:iam/policy:Policy",
        "aws:acm/certificate:Certificate",
        "aws:acm/certificateValidation:CertificateValidation",
        "aws:route53/record:Record",
        "aws:rds/subnetGroup:SubnetGroup",
        "aws:rds/parameterGroup:ParameterGroup",
        "aws:docdb/subnetGroup:SubnetGroup",
        "aws:docdb/clusterParameterGroup:ClusterParameterGroup",
        "aws:elasticache/subnetGroup:SubnetGroup",
        "aws:elasticache/parameterGroup:ParameterGroup",
        "aws:ecr/lifecyclePolicy:LifecyclePolicy",
        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
        "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
        "aws:s3/bucketPolicy:BucketPolicy",
        "aws:appautoscaling/target:Target",
        "aws:appautoscaling/policy:Policy",
        "random:index/randomPassword:RandomPassword",
        "random:index/randomId:RandomId",
        "random:index/randomString:RandomString",
    ]),
} satisfies CostTable<AwsResourceInputs>;

export const AWS_ASSUMPTIONS = [
    `region us-east-1 list prices (on-demand, Linux), ${H} hours a month, no free tier, no Savings Plans`,
    `load balancer: ${AWS_USAGE.albLcu} LCU on average (a small web app), ${AWS_USAGE.albZones} public IPv4 addresses`,
    `front door of each public HTTP port (CloudFront by default, or API Gateway with defang:ingress apigateway): ${AWS_USAGE.frontDoorMillionRequests} million requests a month`,
    `one-off jobs: ${JOB_MINUTES_PER_MONTH} minutes of their tasks a month (they run only at the deployments that change them)`,
    `logs: ${AWS_USAGE.logsGb} GB a month; images: ${AWS_USAGE.imageGb} GB per repository; builds: ${AWS_USAGE.buildMinutes} minutes a month per service built from source`,
    `NAT gateway (when used): ${AWS_USAGE.natGb} GB a month; data transfer out to the internet is not included`,
    `named volumes (when used): ${AWS_USAGE.volumeGb} GB on EFS Standard and ${AWS_USAGE.volumeGb} GB of backups; EFS elastic throughput (per GB read and written) is not included`,
    "Bedrock model use is billed per token and is not included",
    `prices read ${P["aws.fargate.vcpu-hour.x86_64"].read}; figures marked estimate in provider/src/plan/prices/aws.ts are not confirmed from a published page`,
];
