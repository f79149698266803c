/**
 * The only IAM actions this package ever grants on `Resource: "*"`, each because AWS does not let
 * the action be scoped to a resource. Every other statement names its resources. A test checks
 * every policy the backend registers against this list.
 */
export const WILDCARD_RESOURCE_ACTIONS: ReadonlySet<string> = new Set([
    // Registry login: the token is account-wide, the action has no resource type.
    "ecr:GetAuthorizationToken",
    // CodeBuild in a VPC describes and manages its own network interfaces; these EC2 actions take no resource ARN.
    "ec2:CreateNetworkInterface",
    "ec2:DescribeDhcpOptions",
    "ec2:DescribeNetworkInterfaces",
    "ec2:DeleteNetworkInterface",
    "ec2:DescribeSubnets",
    "ec2:DescribeSecurityGroups",
    "ec2:DescribeVpcs",
    // Listing models has no resource; invoking them is scoped to model ARNs.
    "bedrock:ListFoundationModels",
    "bedrock:ListInferenceProfiles",
]);
