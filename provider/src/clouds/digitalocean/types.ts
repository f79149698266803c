/**
 * What the DigitalOcean backend's parts share. App Platform is app-scoped: services are collected
 * as they are deployed and become components of one App when the project (or a lone component)
 * finishes; managed clusters are created at once and trust the App once it exists.
 */
import * as pulumi from "@pulumi/pulumi";
import { ConfigValues } from "../config-values";
import { ServiceModel } from "../../model/types";
import { DeployRequest, ProjectInfrastructure } from "../backend";
import { ManagedValues } from "./compute/environment";
import { BuildBucket } from "./build/build-bucket";
import { GitSource } from "./build/git-source";
import { AppImage } from "./build/image-source";
import { DigitalOceanRegion } from "./region";
import { PrivateNetwork } from "./network/vpc";

/** A build argument of a git build: App Platform gives the build its build-time variables as build args. */
export interface GitBuildArg {
    name: string;
    value: pulumi.Input<string>;
    secret: boolean;
}

/** Where a service's code comes from: an image, or a git repository App Platform builds (with its build args). */
export type ServiceSource = { image: pulumi.Input<AppImage> } | { git: GitSource; buildArgs: GitBuildArg[] };

/** A service waiting for its App. */
export interface PendingService {
    /** The component's logical name (children are `${name}-<role>`). */
    name: string;
    model: ServiceModel;
    parent: pulumi.ComponentResource;
    config: ConfigValues;
    /** Resources the App must wait for (the components this one depends on, its image build). */
    dependsOn: pulumi.Resource[];
    source: ServiceSource;
    /** Receives the service's endpoints once the App exists. */
    resolveEndpoints(endpoints: pulumi.Output<string[]>): void;
}

/** A managed PostgreSQL, Valkey or MongoDB cluster of the project. */
export interface ManagedDatastore {
    kind: "postgres" | "redis" | "mongo";
    /** The compose service name (the id of its tokens in environment values). */
    service: string;
    /** The names services reach it by: the service name and its aliases. */
    names: string[];
    /** The component's logical name and the component, for the firewall. */
    name: string;
    parent: pulumi.ComponentResource;
    clusterId: pulumi.Output<string>;
    clusterName: pulumi.Output<string>;
    /** The port, user and database written in compose, which companion variables may name. */
    composePort: number;
    composeUser?: string;
    composeDatabase?: string;
    values: ManagedValues;
    /** Attached to the App as a database component (bindable `${name.DATABASE_URL}`), PostgreSQL only. */
    attach?: { engine: string; dbName: pulumi.Input<string>; dbUser: pulumi.Input<string> };
    /** Whether its firewall exists (it is created with the first App after the cluster). */
    firewalled: boolean;
}

export interface DigitalOceanInfrastructure extends ProjectInfrastructure {
    readonly cloud: "digitalocean";
    /** The component that owns the project's shared resources (and its App), and the prefix of their names. */
    readonly component: pulumi.ComponentResource;
    readonly name: string;
    /** True for the infrastructure of lone components: each lone service becomes its own App. */
    readonly lone: boolean;
    readonly region: DigitalOceanRegion;
    /** Tags put on every resource that takes them. */
    readonly tags: string[];
    readonly deletionProtection: boolean;
    /** Services deployed since the last App was created. */
    readonly pending: PendingService[];
    readonly datastores: ManagedDatastore[];
    /** The name of the container registry that local builds push to, created on first use unless `defang:registry` names one. */
    registry(): pulumi.Output<string>;
    /** The Spaces bucket that the remote builder fetches contexts from, created on first use. */
    buildBucket(): BuildBucket;
    /** The VPC that the managed clusters and the App share (`defang:privateNetworking`, default true), created with the first cluster. */
    readonly network: PrivateNetwork;
}

/** A component's request as this backend receives it, with the project's `DigitalOceanInfrastructure`. */
export type DigitalOceanDeployRequest<M> = DeployRequest<M, DigitalOceanInfrastructure>;
