/**
 * The input type of each AWS resource type the backend registers, by type token: what the
 * offline plan (`plan/properties`, `plan/cost`) reads from the recorded inputs, checked against the
 * SDK's own argument types. Types only (`import type`): the plan imports this file without loading
 * @pulumi/aws at run time.
 */
import type * as aws from "@pulumi/aws";
import type { EcsTaskRunInputs } from "./compute/ecs-task-run";
import type { CodeBuildRunInputs } from "./build/codebuild-run";

/** The SDK input type of each AWS resource type token the plan reads. */
export interface AwsResourceInputs {
    "aws:ecs/service:Service": aws.ecs.ServiceArgs;
    "aws:ecs/taskDefinition:TaskDefinition": aws.ecs.TaskDefinitionArgs;
    "aws:ecs/cluster:Cluster": aws.ecs.ClusterArgs;
    "aws:lb/loadBalancer:LoadBalancer": aws.lb.LoadBalancerArgs;
    "aws:cloudfront/distribution:Distribution": aws.cloudfront.DistributionArgs;
    "aws:apigatewayv2/api:Api": aws.apigatewayv2.ApiArgs;
    "aws:lb/listener:Listener": aws.lb.ListenerArgs;
    "aws:lb/targetGroup:TargetGroup": aws.lb.TargetGroupArgs;
    "aws:lb/listenerRule:ListenerRule": aws.lb.ListenerRuleArgs;
    "aws:rds/instance:Instance": aws.rds.InstanceArgs;
    "aws:elasticache/replicationGroup:ReplicationGroup": aws.elasticache.ReplicationGroupArgs;
    "aws:docdb/cluster:Cluster": aws.docdb.ClusterArgs;
    "aws:docdb/clusterInstance:ClusterInstance": aws.docdb.ClusterInstanceArgs;
    "aws:docdb/subnetGroup:SubnetGroup": aws.docdb.SubnetGroupArgs;
    "aws:docdb/clusterParameterGroup:ClusterParameterGroup": aws.docdb.ClusterParameterGroupArgs;
    "aws:ec2/natGateway:NatGateway": aws.ec2.NatGatewayArgs;
    "aws:ec2/eip:Eip": aws.ec2.EipArgs;
    "aws:ec2/vpcEndpoint:VpcEndpoint": aws.ec2.VpcEndpointArgs;
    "aws:ec2/vpc:Vpc": aws.ec2.VpcArgs;
    "aws:ec2/subnet:Subnet": aws.ec2.SubnetArgs;
    "aws:ec2/securityGroup:SecurityGroup": aws.ec2.SecurityGroupArgs;
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": aws.vpc.SecurityGroupIngressRuleArgs;
    "aws:ssm/parameter:Parameter": aws.ssm.ParameterArgs;
    "aws:secretsmanager/secret:Secret": aws.secretsmanager.SecretArgs;
    "aws:acm/certificate:Certificate": aws.acm.CertificateArgs;
    "aws:route53/record:Record": aws.route53.RecordArgs;
    "aws:ecr/repository:Repository": aws.ecr.RepositoryArgs;
    "aws:codebuild/project:Project": aws.codebuild.ProjectArgs;
    "aws:cloudwatch/logGroup:LogGroup": aws.cloudwatch.LogGroupArgs;
    "aws:s3/bucket:Bucket": aws.s3.BucketArgs;
    "aws:appautoscaling/target:Target": aws.appautoscaling.TargetArgs;
    "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace": aws.servicediscovery.PrivateDnsNamespaceArgs;
    "aws:servicediscovery/service:Service": aws.servicediscovery.ServiceArgs;
    "aws:iam/role:Role": aws.iam.RoleArgs;
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": aws.vpc.SecurityGroupEgressRuleArgs;
    "aws:rds/subnetGroup:SubnetGroup": aws.rds.SubnetGroupArgs;
    "aws:rds/parameterGroup:ParameterGroup": aws.rds.ParameterGroupArgs;
    "aws:elasticache/subnetGroup:SubnetGroup": aws.elasticache.SubnetGroupArgs;
    "aws:ecr/lifecyclePolicy:LifecyclePolicy": aws.ecr.LifecyclePolicyArgs;
    "aws:s3/bucketObjectv2:BucketObjectv2": aws.s3.BucketObjectv2Args;
    "aws:acm/certificateValidation:CertificateValidation": aws.acm.CertificateValidationArgs;
    "aws:ec2/internetGateway:InternetGateway": aws.ec2.InternetGatewayArgs;
    "aws:ec2/routeTable:RouteTable": aws.ec2.RouteTableArgs;
    "aws:ec2/route:Route": aws.ec2.RouteArgs;
    "aws:ec2/routeTableAssociation:RouteTableAssociation": aws.ec2.RouteTableAssociationArgs;
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": aws.ec2.DefaultSecurityGroupArgs;
    "aws:ec2/vpcDhcpOptions:VpcDhcpOptions": aws.ec2.VpcDhcpOptionsArgs;
    "aws:ec2/vpcDhcpOptionsAssociation:VpcDhcpOptionsAssociation": aws.ec2.VpcDhcpOptionsAssociationArgs;
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": aws.s3.BucketPublicAccessBlockArgs;
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": aws.s3.BucketOwnershipControlsArgs;
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": aws.s3.BucketServerSideEncryptionConfigurationArgs;
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": aws.s3.BucketLifecycleConfigurationArgs;
    "aws:s3/bucketPolicy:BucketPolicy": aws.s3.BucketPolicyArgs;
    "aws:appautoscaling/policy:Policy": aws.appautoscaling.PolicyArgs;
    "aws:iam/rolePolicy:RolePolicy": aws.iam.RolePolicyArgs;
    "aws:efs/fileSystem:FileSystem": aws.efs.FileSystemArgs;
    // The dynamic resources of the backend (their own input types).
    "pulumi-nodejs:dynamic/defang:EcsTaskRun": EcsTaskRunInputs;
    "pulumi-nodejs:dynamic:Resource": CodeBuildRunInputs;
}

/** One container of an ECS task definition's `containerDefinitions` (a JSON document in the inputs). */
export type AwsContainerDefinition = aws.ecs.ContainerDefinition;
