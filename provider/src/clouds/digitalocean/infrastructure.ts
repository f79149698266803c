/**
 * The shared DigitalOcean infrastructure of one project. App Platform needs no network, cluster or
 * load balancer of ours: the App brings its own. What is shared is the region, the tags, the
 * collection of services for the App, the container registry and the build bucket for local
 * contexts (on first use), and the VPC of the App and its managed clusters (with the first cluster).
 */
import * as digitalocean from "@pulumi/digitalocean";
import * as pulumi from "@pulumi/pulumi";
import { InfrastructureRequest } from "../backend";
import { BuildBucket, createBuildBucket } from "./build/build-bucket";
import { digitalOceanRegion } from "./region";
import { DigitalOceanInfrastructure } from "./types";
import { DEFAULT_PRIVATE_NETWORKING, privateNetwork } from "./network/vpc";
import { stackSetting } from "../stack-settings";
import { SharedInfrastructure } from "../shared-infrastructure";

/** The free registry tier (500 MiB), enough for a few images; a larger one is `defang:registry` away. */
export const REGISTRY_TIER = "starter";

/** Tags put on every resource that takes them (DigitalOcean tags are plain names). */
export function projectTags(projectName: string): string[] {
    return ["pulumi-defang", `defang-project-${projectName.toLowerCase().replace(/[^a-z0-9:_-]/g, "-")}`];
}

/** The configured region: `defang:region`, else `digitalocean:region`, else the default. */
export function configuredRegion(): string | undefined {
    return stackSetting("region") ?? new pulumi.Config("digitalocean").get("region");
}

/** Whether managed clusters are reached over the project's VPC: `defang:privateNetworking`, else true. */
export function configuredPrivateNetworking(): boolean {
    return stackSetting("privateNetworking") ?? DEFAULT_PRIVATE_NETWORKING;
}

/** The shared infrastructure of one project (`request.name` prefixes its children, `request.parent` owns them). */
export function createDigitalOceanInfrastructure(request: InfrastructureRequest): DigitalOceanInfrastructure {
    const { name, projectName, options, parent } = request;
    const region = digitalOceanRegion(configuredRegion());
    const tags = projectTags(projectName);
    let registry: pulumi.Output<string> | undefined;
    const getRegistry = () => {
        if (registry) return registry;
        const existing = stackSetting("registry");
        registry = existing ? pulumi.output(existing) : new digitalocean.ContainerRegistry(`${name}-registry`, { subscriptionTierSlug: REGISTRY_TIER }, { parent }).name;
        return registry;
    };
    let bucket: BuildBucket | undefined;
    const getBuildBucket = () => (bucket ??= createBuildBucket(name, region.datacenter, parent));
    return {
        cloud: "digitalocean",
        projectName,
        component: parent,
        name,
        lone: parent instanceof SharedInfrastructure,
        region,
        tags,
        deletionProtection: options.deletionProtection,
        pending: [],
        datastores: [],
        registry: getRegistry,
        buildBucket: getBuildBucket,
        network: privateNetwork(name, region.datacenter, configuredPrivateNetworking(), parent),
    };
}
