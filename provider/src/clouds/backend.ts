/**
 * The contract between the cloud-neutral components and a cloud. A backend is a set of plain
 * functions that create native resources parented to the component they are given; the components
 * never name a cloud resource themselves.
 *
 * Scope: every component belongs to a `ProjectInfrastructure`, created once per project (by
 * `DefangProject`) or once per stack (for components created on their own). AWS and Google Cloud
 * put shared network, cluster and load balancer there; DigitalOcean, whose App Platform is
 * app-scoped, collects the services of the project and creates the one App in `finish`.
 *
 * What a cloud refuses is not asked of its backend: it is the cloud's preflight (`preflight.ts`),
 * read by the one verdict (`verdict.ts`) before any backend is loaded.
 */
import * as pulumi from "@pulumi/pulumi";
import { CloudName, ComponentModel, MongoModel, PortModel, PostgresModel, ProjectModel, RedisModel, ServiceModel } from "../model/types";
import { ConfigValues } from "./config-values";
import { portTraffic } from "../model/ports";

/** What a project needs from its shared infrastructure, known before any component is created. */
export interface InfrastructureNeeds {
    /** Some service has a public HTTP port (an HTTP load balancer is needed). */
    ingress: boolean;
    /** Domain names used by services (certificates, DNS). */
    domains: string[];
    /** Some service is built from source. */
    builds: boolean;
    /**
     * The components the infrastructure will hold, when known up front (a whole project; a lone
     * component gives itself): a cloud without shared private DNS (Google Cloud Run) resolves
     * `<name>:<port>` references from these. Optional: a backend must cope without it.
     */
    components?: ComponentSummary[];
}

/** What a backend may know of a component before it is deployed. */
export interface ComponentSummary {
    name: string;
    kind: ComponentModel["kind"];
    aliases: string[];
    ports: PortModel[];
}

/** Choices about the shared infrastructure; every field has a documented default. */
export interface InfrastructureOptions {
    /**
     * Outbound internet access of service tasks. `none`: tasks run in public subnets with a public
     * address, and their security groups admit nothing from the internet (no NAT gateway to pay for).
     * `single`: tasks run in private subnets behind one NAT gateway. `per-az`: one NAT gateway per
     * availability zone (survives the loss of a zone).
     * @default "none"
     */
    nat: "none" | "single" | "per-az";
    /** Days that service logs are kept (AWS CloudWatch log groups). @integer @default 30 */
    logRetentionDays: number;
    /** Refuse to delete databases and caches until this is turned off. @default false */
    deletionProtection: boolean;
    /**
     * Encryption in transit of managed caches: clients connect with `rediss://`. On AWS it also turns
     * the AUTH token on (ElastiCache allows one only with TLS); on Google Cloud AUTH stays on either
     * way; DigitalOcean's Valkey always uses TLS. Turn it off for apps that connect with plain
     * `redis://<name>:6379`.
     * @default true
     */
    redisTls: boolean;
    /**
     * Keep the storage of named volumes (the AWS EFS file system, the Google Cloud bucket) and its
     * data when the stack is destroyed or a project stops using volumes. Turn it off to delete them with the stack.
     * @default true
     */
    retainVolumes: boolean;
}

export const DEFAULT_INFRASTRUCTURE_OPTIONS: InfrastructureOptions = { nat: "none", logRetentionDays: 30, deletionProtection: false, redisTls: true, retainVolumes: true };

/** Opaque to components: each backend knows its own. */
export interface ProjectInfrastructure {
    readonly cloud: CloudName;
    /** The project name used in resource tags and the private DNS domain. */
    readonly projectName: string;
}

export interface DeployRequest<M> {
    /** The component's logical name: children are named `${name}-<role>`. */
    name: string;
    model: M;
    /** The component: every resource created is its descendant. */
    parent: pulumi.ComponentResource;
    infra: ProjectInfrastructure;
    /** Sensitive config, as secrets. */
    config: ConfigValues;
    /** Resources that must exist first (the components this one depends on). */
    dependsOn: pulumi.Resource[];
}

export interface ServiceDeployment {
    /** One URL per ingress port; for host ports, `<name>:<port>` as reached from the project's services. */
    endpoints: pulumi.Output<string[]>;
}

export interface PostgresDeployment {
    host: pulumi.Output<string>;
    port: pulumi.Output<number>;
    database: pulumi.Output<string>;
    user: pulumi.Output<string>;
    /** Secret. */
    password: pulumi.Output<string>;
}

export interface RedisDeployment {
    host: pulumi.Output<string>;
    port: pulumi.Output<number>;
    /** Secret; undefined when the engine has no authentication. */
    password?: pulumi.Output<string>;
    /** Whether clients must use TLS (`rediss://`). */
    tls: boolean;
}

export interface MongoDeployment {
    host: pulumi.Output<string>;
    port: pulumi.Output<number>;
    database: pulumi.Output<string>;
    user: pulumi.Output<string>;
    /** Secret. */
    password: pulumi.Output<string>;
    /**
     * The connection string with credentials (a secret): the cloud's scheme (`mongodb://` or
     * `mongodb+srv://`) and the options its server requires (`tls=true`, and others per cloud).
     */
    url: pulumi.Output<string>;
}

export interface CloudBackend {
    readonly cloud: CloudName;
    /**
     * The shared infrastructure of one project. `name` is the logical name of its children's prefix,
     * `parent` the component that owns them.
     */
    createInfrastructure(name: string, projectName: string, needs: InfrastructureNeeds, options: InfrastructureOptions, parent: pulumi.ComponentResource): ProjectInfrastructure;
    deployService(request: DeployRequest<ServiceModel>): ServiceDeployment;
    deployPostgres(request: DeployRequest<PostgresModel>): PostgresDeployment;
    deployRedis(request: DeployRequest<RedisModel>): RedisDeployment;
    deployMongo(request: DeployRequest<MongoModel>): MongoDeployment;
    /** Called once every component of a project exists (DigitalOcean creates its App here). */
    finish(infra: ProjectInfrastructure): void;
}

/** The needs of a whole project model. */
export function needsOf(model: Pick<ProjectModel, "components">): InfrastructureNeeds {
    const services = model.components.filter((c): c is ServiceModel => c.kind === "service");
    return {
        ingress: services.some((s) => s.ports.some((p) => p.mode === "ingress" && portTraffic(p) === "http")),
        domains: services.map((s) => s.domainname).filter((d): d is string => !!d),
        builds: services.some((s) => !!s.build),
        components: model.components.map((c) => ({ name: c.name, kind: c.kind, aliases: [...c.aliases], ports: [...c.ports] })),
    };
}
