/**
 * AWS list prices, US East (N. Virginia, us-east-1), on-demand, Linux, in USD. US West (Oregon)
 * lists the same prices for these services. Free tiers, Savings Plans and reserved capacity are
 * not taken into account.
 */
import { PRICES_READ, priceTable } from "./price";

const FARGATE = "https://aws.amazon.com/fargate/pricing/";
const ELB = "https://aws.amazon.com/elasticloadbalancing/pricing/";
const RDS = "https://aws.amazon.com/rds/postgresql/pricing/";
const ELASTICACHE = "https://aws.amazon.com/elasticache/pricing/";
const VPC = "https://aws.amazon.com/vpc/pricing/";
const DOCDB = "https://aws.amazon.com/documentdb/pricing/";
const read = PRICES_READ;

export const AWS_REGION_ASSUMED = "us-east-1";

export const AWS_PRICES = priceTable([
    { id: "aws.fargate.vcpu-hour.x86_64", usd: 0.04048, unit: "vCPU-hour", source: FARGATE, read, note: "Linux/x86; confirmed by a 2026 pricing summary quoting the AWS page" },
    { id: "aws.fargate.gb-hour.x86_64", usd: 0.004445, unit: "GB-hour", source: FARGATE, read },
    { id: "aws.fargate.vcpu-hour.arm64", usd: 0.03238, unit: "vCPU-hour", source: FARGATE, read, note: "Linux/ARM (Graviton)" },
    { id: "aws.fargate.gb-hour.arm64", usd: 0.00356, unit: "GB-hour", source: FARGATE, read },
    {
        id: "aws.public-ipv4.hour",
        usd: 0.005,
        unit: "public IPv4 address-hour",
        source: VPC,
        read,
        note: "every public IPv4 address, including those of Fargate tasks with a public IP and of a load balancer (one per zone)",
    },
    { id: "aws.alb.hour", usd: 0.0225, unit: "load balancer-hour", source: ELB, read },
    { id: "aws.alb.lcu-hour", usd: 0.008, unit: "LCU-hour", source: ELB, read, note: "1 LCU: 25 new connections/s, 3,000 active connections/min, 1 GB/h processed, 1,000 rule evaluations/s" },
    {
        id: "aws.nlb.hour",
        usd: 0.0225,
        unit: "network load balancer-hour",
        source: ELB,
        read: "2026-12-07",
        estimate: true,
        note: "the same hourly rate as the application load balancer; read from a 2025 us-east-1 pricing summary, not from the AWS page itself",
    },
    {
        id: "aws.nlb.nlcu-hour",
        usd: 0.006,
        unit: "NLCU-hour",
        source: ELB,
        read: "2026-12-07",
        estimate: true,
        note: "recalled list price, not re-confirmed; 1 TCP NLCU: 800 new connections/s, 100,000 active connections, 1 GB/h processed (UDP: 400 new flows/s, 50,000 active flows)",
    },
    { id: "aws.nat.hour", usd: 0.045, unit: "NAT gateway-hour", source: VPC, read, estimate: true, note: "the long-standing us-east-1 list price; not re-confirmed" },
    {
        id: "aws.vpc-endpoint.interface.az-hour",
        usd: 0.01,
        unit: "interface endpoint-hour per zone",
        source: "https://aws.amazon.com/privatelink/pricing/",
        read,
        estimate: true,
        note: "the long-standing us-east-1 list price; not re-confirmed; data processed ($0.01/GB) not included",
    },
    { id: "aws.nat.gb", usd: 0.045, unit: "GB processed", source: VPC, read, estimate: true },
    { id: "aws.rds.db.t4g.micro", usd: 0.016, unit: "instance-hour", source: RDS, read, note: "Single-AZ; Multi-AZ is twice" },
    { id: "aws.rds.db.t4g.small", usd: 0.032, unit: "instance-hour", source: RDS, read },
    { id: "aws.rds.db.t4g.medium", usd: 0.065, unit: "instance-hour", source: RDS, read },
    { id: "aws.rds.db.t4g.large", usd: 0.129, unit: "instance-hour", source: RDS, read, estimate: true, note: "twice db.t4g.medium, as the family doubles per size" },
    { id: "aws.rds.db.t4g.xlarge", usd: 0.258, unit: "instance-hour", source: RDS, read, estimate: true, note: "twice db.t4g.large" },
    { id: "aws.rds.db.t4g.2xlarge", usd: 0.516, unit: "instance-hour", source: RDS, read, estimate: true, note: "twice db.t4g.xlarge" },
    { id: "aws.rds.db.m7g.large", usd: 0.168, unit: "instance-hour", source: RDS, read, estimate: true, note: "recalled list price, not re-confirmed" },
    { id: "aws.rds.db.r7g.large", usd: 0.239, unit: "instance-hour", source: RDS, read, estimate: true, note: "recalled list price, not re-confirmed" },
    { id: "aws.rds.storage.gp3", usd: 0.115, unit: "GB-month", source: RDS, read, note: "gp2 lists the same; backups up to the database size are free" },
    { id: "aws.elasticache.cache.t4g.micro", usd: 0.016, unit: "node-hour", source: ELASTICACHE, read, estimate: true, note: "Redis OSS on-demand; recalled list price, not re-confirmed" },
    { id: "aws.elasticache.cache.t4g.small", usd: 0.032, unit: "node-hour", source: ELASTICACHE, read, estimate: true, note: "twice cache.t4g.micro" },
    { id: "aws.elasticache.cache.t4g.medium", usd: 0.065, unit: "node-hour", source: ELASTICACHE, read, estimate: true },
    { id: "aws.elasticache.cache.m7g.large", usd: 0.158, unit: "node-hour", source: ELASTICACHE, read, estimate: true },
    { id: "aws.elasticache.cache.r7g.large", usd: 0.219, unit: "node-hour", source: ELASTICACHE, read, estimate: true },
    { id: "aws.elasticache.valkey-discount", usd: 0.8, unit: "factor", source: ELASTICACHE, read, note: "node-based Valkey is listed 20% below Redis OSS" },
    { id: "aws.docdb.db.t3.medium", usd: 0.078, unit: "instance-hour", source: DOCDB, read, estimate: true, note: "standard (not I/O-optimized) cluster; recalled list price, not re-confirmed" },
    { id: "aws.docdb.db.r6g.large", usd: 0.249, unit: "instance-hour", source: DOCDB, read, estimate: true, note: "recalled list price, not re-confirmed" },
    { id: "aws.docdb.db.r6g.xlarge", usd: 0.498, unit: "instance-hour", source: DOCDB, read, estimate: true, note: "twice db.r6g.large" },
    { id: "aws.docdb.db.r6g.2xlarge", usd: 0.996, unit: "instance-hour", source: DOCDB, read, estimate: true, note: "twice db.r6g.xlarge" },
    { id: "aws.docdb.storage-gb", usd: 0.1, unit: "GB-month", source: DOCDB, read, estimate: true, note: "storage grows with the data; backups up to the cluster's size are free" },
    { id: "aws.docdb.io-million", usd: 0.2, unit: "million I/Os", source: DOCDB, read, estimate: true },
    {
        id: "aws.ssm.standard-parameter",
        usd: 0,
        unit: "parameter-month",
        source: "https://aws.amazon.com/systems-manager/pricing/",
        read,
        note: "standard parameters and standard throughput are free; advanced parameters are $0.05 each a month",
    },
    { id: "aws.ssm.advanced-parameter", usd: 0.05, unit: "parameter-month", source: "https://aws.amazon.com/systems-manager/pricing/", read },
    { id: "aws.secretsmanager.secret", usd: 0.4, unit: "secret-month", source: "https://aws.amazon.com/secrets-manager/pricing/", read },
    { id: "aws.logs.ingest-gb", usd: 0.5, unit: "GB ingested", source: "https://aws.amazon.com/cloudwatch/pricing/", read },
    { id: "aws.logs.store-gb", usd: 0.03, unit: "GB-month", source: "https://aws.amazon.com/cloudwatch/pricing/", read },
    { id: "aws.ecr.storage-gb", usd: 0.1, unit: "GB-month", source: "https://aws.amazon.com/ecr/pricing/", read },
    {
        id: "aws.efs.standard-gb-month",
        usd: 0.3,
        unit: "GB-month",
        source: "https://aws.amazon.com/efs/pricing/",
        read,
        estimate: true,
        note: "EFS Standard storage (Regional); recalled list price, not re-confirmed; Infrequent Access is about a twentieth of it; elastic throughput is billed per GB read and written",
    },
    {
        id: "aws.backup.efs-warm-gb-month",
        usd: 0.05,
        unit: "GB-month",
        source: "https://aws.amazon.com/backup/pricing/",
        read,
        estimate: true,
        note: "AWS Backup warm storage of EFS backups; recalled list price, not re-confirmed",
    },
    { id: "aws.s3.standard-gb", usd: 0.023, unit: "GB-month", source: "https://aws.amazon.com/s3/pricing/", read },
    { id: "aws.codebuild.general1.small", usd: 0.005, unit: "build-minute", source: "https://aws.amazon.com/codebuild/pricing/", read, note: "arm1.small is $0.0034" },
    { id: "aws.route53.hosted-zone", usd: 0.5, unit: "zone-month", source: "https://aws.amazon.com/route53/pricing/", read, note: "a Cloud Map private DNS namespace is a private hosted zone" },
    {
        id: "aws.cloudfront.https-10k",
        usd: 0.01,
        unit: "10,000 HTTPS requests",
        source: "https://aws.amazon.com/cloudfront/pricing/",
        read,
        estimate: true,
        note: "United States, Europe and Canada; the recalled list price, not re-confirmed; data transfer out is billed per GB like the load balancer's and is not included",
    },
    {
        id: "aws.apigateway.http-million",
        usd: 1.0,
        unit: "million HTTP API requests",
        source: "https://aws.amazon.com/api-gateway/pricing/",
        read,
        estimate: true,
        note: "HTTP APIs, the first 300 million requests a month; VPC links of HTTP APIs cost nothing; the recalled list price, not re-confirmed",
    },
    { id: "aws.cloudmap.instance", usd: 0.1, unit: "registered instance-month", source: "https://aws.amazon.com/cloud-map/pricing/", read },
]);

/** The usage the estimate assumes where AWS bills by use. */
export const AWS_USAGE = {
    /** Average load balancer capacity units used, around the clock (a small web app). */
    albLcu: 1,
    /** Load balancer nodes with a public IPv4 address (one per availability zone used). */
    albZones: 2,
    /** Average network load balancer capacity units used, around the clock (a small TCP or UDP service). */
    nlbNlcu: 1,
    /** Network load balancer nodes with a public IPv4 address (one per availability zone used). */
    nlbZones: 2,
    /** Requests a month through each public HTTP port's front door (CloudFront distribution or API Gateway HTTP API): a small app. */
    frontDoorMillionRequests: 1,
    /** Data through each NAT gateway a month. */
    natGb: 10,
    /** Data a DocumentDB cluster stores, and the I/Os it does a month (a small app). */
    docdbGb: 10,
    docdbIoMillions: 10,
    /** Logs ingested a month, for the whole project. */
    logsGb: 1,
    /** Image storage per repository (the lifecycle policy keeps the last few images). */
    imageGb: 1,
    /** Data kept in the project's named volumes (EFS, and as much again in its backups). */
    volumeGb: 10,
    /** Build contexts kept in the build bucket. */
    buildBucketGb: 1,
    /** Build minutes a month per service built from source (e.g. 20 builds of 3 minutes). */
    buildMinutes: 60,
};
