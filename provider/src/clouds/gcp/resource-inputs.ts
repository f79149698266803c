/**
 * The input type of each Google Cloud resource type the backend registers, by type token: what the
 * offline plan (`plan/properties`, `plan/cost`) reads from the recorded inputs, checked against the
 * SDK's own argument types. Types only (`import type`): the plan imports this file without loading
 * @pulumi/gcp at run time.
 */
import type * as gcp from "@pulumi/gcp";
import type { CloudBuildRunInputs } from "./build/cloud-build-run";

/** The SDK input type of each Google Cloud resource type token the plan reads. */
export interface GcpResourceInputs {
    "gcp:cloudrunv2/service:Service": gcp.cloudrunv2.ServiceArgs;
    "gcp:cloudrunv2/workerPool:WorkerPool": gcp.cloudrunv2.WorkerPoolArgs;
    "gcp:cloudrunv2/job:Job": gcp.cloudrunv2.JobArgs;
    "gcp:sql/databaseInstance:DatabaseInstance": gcp.sql.DatabaseInstanceArgs;
    "gcp:firestore/database:Database": gcp.firestore.DatabaseArgs;
    "gcp:firestore/userCreds:UserCreds": gcp.firestore.UserCredsArgs;
    "gcp:redis/instance:Instance": gcp.redis.InstanceArgs;
    "gcp:memorystore/instance:Instance": gcp.memorystore.InstanceArgs;
    "gcp:compute/globalForwardingRule:GlobalForwardingRule": gcp.compute.GlobalForwardingRuleArgs;
    "gcp:compute/globalAddress:GlobalAddress": gcp.compute.GlobalAddressArgs;
    "gcp:compute/managedSslCertificate:ManagedSslCertificate": gcp.compute.ManagedSslCertificateArgs;
    "gcp:compute/uRLMap:URLMap": gcp.compute.URLMapArgs;
    "gcp:compute/backendService:BackendService": gcp.compute.BackendServiceArgs;
    "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup": gcp.compute.RegionNetworkEndpointGroupArgs;
    "gcp:compute/network:Network": gcp.compute.NetworkArgs;
    "gcp:compute/subnetwork:Subnetwork": gcp.compute.SubnetworkArgs;
    "gcp:artifactregistry/repository:Repository": gcp.artifactregistry.RepositoryArgs;
    "gcp:secretmanager/secret:Secret": gcp.secretmanager.SecretArgs;
    "gcp:secretmanager/secretVersion:SecretVersion": gcp.secretmanager.SecretVersionArgs;
    "gcp:serviceaccount/account:Account": gcp.serviceaccount.AccountArgs;
    "gcp:vpcaccess/connector:Connector": gcp.vpcaccess.ConnectorArgs;
    "gcp:projects/service:Service": gcp.projects.ServiceArgs;
    "gcp:projects/iAMMember:IAMMember": gcp.projects.IAMMemberArgs;
    "gcp:secretmanager/secretIamMember:SecretIamMember": gcp.secretmanager.SecretIamMemberArgs;
    "gcp:artifactregistry/repositoryIamMember:RepositoryIamMember": gcp.artifactregistry.RepositoryIamMemberArgs;
    "gcp:storage/bucketIAMMember:BucketIAMMember": gcp.storage.BucketIAMMemberArgs;
    "gcp:compute/targetHttpProxy:TargetHttpProxy": gcp.compute.TargetHttpProxyArgs;
    "gcp:compute/targetHttpsProxy:TargetHttpsProxy": gcp.compute.TargetHttpsProxyArgs;
    "gcp:servicenetworking/connection:Connection": gcp.servicenetworking.ConnectionArgs;
    "gcp:compute/router:Router": gcp.compute.RouterArgs;
    "gcp:compute/routerNat:RouterNat": gcp.compute.RouterNatArgs;
    "gcp:storage/bucket:Bucket": gcp.storage.BucketArgs;
    "gcp:storage/bucketObject:BucketObject": gcp.storage.BucketObjectArgs;
    "gcp:sql/database:Database": gcp.sql.DatabaseArgs;
    "gcp:sql/user:User": gcp.sql.UserArgs;
    "gcp:dns/recordSet:RecordSet": gcp.dns.RecordSetArgs;
    "gcp:cloudbuild/trigger:Trigger": gcp.cloudbuild.TriggerArgs;
    // The dynamic resource of the backend (its own input type).
    "pulumi-nodejs:dynamic:Resource": CloudBuildRunInputs;
}
