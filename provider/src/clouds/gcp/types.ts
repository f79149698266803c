/**
 * What the Google Cloud backend's parts share: the project's infrastructure as the service,
 * database and cache functions see it. Implemented by `infrastructure.ts`.
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { DeployRequest, ProjectInfrastructure } from "../backend";
import { ServiceDirectory } from "./network/service-directory";

/** The identity Cloud Build runs as, and the grants it needs before a build can start. */
export interface Builder {
    account: gcp.serviceaccount.Account;
    grants: pulumi.Resource[];
}

/** How service instances send traffic into the VPC (Direct VPC egress). */
export type VpcEgress = "ALL_TRAFFIC" | "PRIVATE_RANGES_ONLY";

export interface GcpInfrastructure extends ProjectInfrastructure {
    readonly cloud: "gcp";
    /** The component that owns the shared resources, and the prefix of their names. */
    readonly component: pulumi.ComponentResource;
    readonly name: string;
    /** `gcp:project`. */
    readonly project: string;
    /** `gcp:region`: where every regional resource is. */
    readonly region: string;
    readonly projectNumber: pulumi.Output<string>;
    /** `<Pulumi project>/<stack>/<name>`: hashed into the names Google Cloud needs up front (see `names.ts`). */
    readonly scope: string;
    readonly networkId: pulumi.Output<string>;
    readonly subnetworkId: pulumi.Output<string>;
    /** `ALL_TRAFFIC` (through Cloud NAT) when some service is internal and must be reached through the VPC; else `PRIVATE_RANGES_ONLY`. */
    readonly egress: VpcEgress;
    /** The subnet without Cloud NAT of services only on `internal: true` networks (no internet egress), created on first use. */
    isolatedSubnetworkId(): pulumi.Output<string>;
    /** Databases and caches refuse deletion until this is turned off (`InfrastructureOptions.deletionProtection`). */
    readonly deletionProtection: boolean;
    /** Managed caches encrypt in transit (`InfrastructureOptions.redisTls`). */
    readonly redisTls: boolean;
    /** The storage of named volumes is kept when the stack is destroyed (`InfrastructureOptions.retainVolumes`). */
    readonly retainVolumes: boolean;
    /** Labels put on every resource that takes them. */
    readonly labels: Record<string, string>;
    /** Where a component's compose name really is (see `service-references.ts`). */
    readonly directory: ServiceDirectory;
    /** The Google API `service` (e.g. `sqladmin.googleapis.com`), enabled on first use. */
    api(service: string): gcp.projects.Service;
    /** The reserved range and service networking connection of Cloud SQL and Memorystore, created on first use. */
    privateServicesAccess(): gcp.servicenetworking.Connection;
    /** The Artifact Registry repository of built images, created on first use. */
    imageRepository(): gcp.artifactregistry.Repository;
    /** The Cloud Storage bucket of build contexts, created on first use. */
    buildBucket(): gcp.storage.Bucket;
    /** The Cloud Storage bucket of the project's named volumes, created on first use (see `volume-bucket.ts`). */
    volumeBucket(): gcp.storage.Bucket;
    /** The service account Cloud Build runs as, created on first use. */
    builder(): Builder;
    /** The repository of buildpacks caches, created with the first service built without a Dockerfile. */
    buildCacheRepository(): { repository: gcp.artifactregistry.Repository; grants: pulumi.Resource[] };
}

/** A component's request as this backend receives it, with the project's `GcpInfrastructure`. */
export type GcpDeployRequest<M> = DeployRequest<M, GcpInfrastructure>;
