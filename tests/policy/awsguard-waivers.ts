/**
 * The awsguard findings the package accepts on purpose, each with its reason. Keep this list short:
 * a finding that is not here fails `awsguard.test.ts` and the AWS sample suite.
 */
export interface Waiver {
    /** The awsguard policy name. */
    policy: string;
    /** The resource type it is waived for. */
    type: string;
    reason: string;
}

export const AWSGUARD_WAIVERS: Waiver[] = [
    {
        policy: "rds-instance-multi-az-enabled",
        type: "aws:rds/instance:Instance",
        reason: "single-zone databases by default, for cost (a standby doubles the instance price); backups are kept 7 days and a final snapshot is taken on delete (README: Security, trade-offs)",
    },
    {
        policy: "elb-logging-enabled",
        type: "aws:lb/loadBalancer:LoadBalancer",
        reason: "access logs need an S3 bucket with a load-balancer-writable policy and cost storage; services' own logs go to CloudWatch; CloudFront is the public door by default",
    },
    {
        policy: "elb-deletion-protection-enabled",
        type: "aws:lb/loadBalancer:LoadBalancer",
        reason: "the load balancer belongs to the stack and holds no data: `pulumi destroy` must be able to remove it (databases and caches have defang:deletionProtection)",
    },
    {
        policy: "alb-http-to-https-redirection",
        type: "aws:lb/listener:Listener",
        reason: "an HTTP listener without a domain in the project is CloudFront's origin: only CloudFront's origin-facing addresses reach it, its rules require the secret origin header, and CloudFront redirects viewers to HTTPS (with a domain in the project, port 80's default action is the redirect)",
    },
    {
        policy: "s3-bucket-logging-enabled",
        type: "aws:s3/bucket:Bucket",
        reason: "the build bucket holds build contexts only: private, encrypted, TLS-only, objects expire after 30 days; logging it would need a second bucket",
    },
    {
        policy: "efs-encrypted",
        type: "aws:efs/fileSystem:FileSystem",
        reason: "the volumes' file system is encrypted at rest with the AWS managed key (aws/elasticfilesystem), like the SSM parameters; a customer managed key costs a key a month and a key policy to keep, and adds no protection within the account",
    },
];
