/**
 * The input type of each DigitalOcean resource type the backend registers, by type token: what the
 * offline plan (`plan/properties`, `plan/cost`) reads from the recorded inputs, checked against the
 * SDK's own argument types. Types only (`import type`): the plan imports this file without loading
 * @pulumi/digitalocean at run time.
 */
import type * as digitalocean from "@pulumi/digitalocean";
import type { DockerBuildPushInputs } from "./build/docker-push";
import type { DigitalOceanBuildRunInputs } from "./build/do-build-run";

/** The SDK input type of each DigitalOcean resource type token the plan reads. */
export interface DigitalOceanResourceInputs {
    "digitalocean:index/spacesBucket:SpacesBucket": digitalocean.SpacesBucketArgs;
    "digitalocean:index/app:App": digitalocean.AppArgs;
    "digitalocean:index/databaseCluster:DatabaseCluster": digitalocean.DatabaseClusterArgs;
    "digitalocean:index/databaseFirewall:DatabaseFirewall": digitalocean.DatabaseFirewallArgs;
    "digitalocean:index/databaseDb:DatabaseDb": digitalocean.DatabaseDbArgs;
    "digitalocean:index/databaseUser:DatabaseUser": digitalocean.DatabaseUserArgs;
    "digitalocean:index/containerRegistry:ContainerRegistry": digitalocean.ContainerRegistryArgs;
    "digitalocean:index/domain:Domain": digitalocean.DomainArgs;
    "digitalocean:index/vpc:Vpc": digitalocean.VpcArgs;
    "digitalocean:index/project:Project": digitalocean.ProjectArgs;
    "digitalocean:index/genaiOpenaiApiKey:GenaiOpenaiApiKey": digitalocean.GenaiOpenaiApiKeyArgs;
    "digitalocean:index/genaiAgent:GenaiAgent": digitalocean.GenaiAgentArgs;
    "digitalocean:index/loadBalancer:LoadBalancer": digitalocean.LoadBalancerArgs;
    // The dynamic resources of the backend (their own input types): a remote build job, or a local build and push.
    "pulumi-nodejs:dynamic:Resource": DigitalOceanBuildRunInputs | DockerBuildPushInputs;
}
