/**
 * The contract between the cloud-neutral components and a cloud. A backend is a set of plain
 * functions that create native resources parented to the component they are given; the components
 * never name a cloud resource themselves.
 *
 * Scope: every component belongs to a project's infrastructure, created once per project (by
 * `DefangProject`) or once per stack (for components created on their own). AWS and Google Cloud
 * put shared network, cluster and load balancer there; DigitalOcean, whose App Platform is
 * app-scoped, collects the services of the project and creates the one App in `finish`. Each
 * backend has its own infrastructure type (`CloudBackend<I>`); the components hold it as an opaque
 * `InfrastructureHandle`.
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

/** What every backend's infrastructure has; the rest is the backend's own (`CloudBackend<I>`). */
export interface ProjectInfrastructure {
    readonly cloud: CloudName;
    /** The project name used in resource tags and the private DNS domain. */
    readonly projectName: string;
}

/** What a backend is given to create the shared infrastructure of one project. */
export interface InfrastructureRequest {
    /** The logical name of the infrastructure: its children are named `${name}-<role>`. */
    name: string;
    /** The project name used in resource tags and the private DNS domain. */
    projectName: string;
    needs: InfrastructureNeeds;
    options: InfrastructureOptions;
    /** The component that owns the shared resources. */
    parent: pulumi.ComponentResource;
}

/** What a component asks of its cloud, the same on every cloud. */
export interface ComponentRequest<M> {
    /** The component's logical name: children are named `${name}-<role>`. */
    name: string;
    model: M;
    /** The component: every resource created is its descendant. */
    parent: pulumi.ComponentResource;
    /** Sensitive config, as secrets. */
    config: ConfigValues;
    /** Resources that must exist first (the components this one depends on). */
    dependsOn: pulumi.Resource[];
}

/** A component's request as its backend receives it: with the project's infrastructure, of the backend's own type. */
export interface DeployRequest<M, I extends ProjectInfrastructure> extends ComponentRequest<M> {
    infra: I;
}

export interface ServiceDeployment {
    /** One URL per ingress port; for host ports, `<name>:<port>` as reached from the project's services. */
    endpoints: pulumi.Output<string[]>;
}

/** Where a managed database is, and the credentials of its application user. */
export interface DatabaseDeployment {
    host: pulumi.Output<string>;
    port: pulumi.Output<number>;
    database: pulumi.Output<string>;
    user: pulumi.Output<string>;
    /** Secret. */
    password: pulumi.Output<string>;
}

export type PostgresDeployment = DatabaseDeployment;

export interface RedisDeployment {
    host: pulumi.Output<string>;
    port: pulumi.Output<number>;
    /** Secret; undefined when the engine has no authentication. */
    password?: pulumi.Output<string>;
    /** Whether clients must use TLS (`rediss://`). */
    tls: boolean;
}

export interface MongoDeployment extends DatabaseDeployment {
    /**
     * The connection string with credentials (a secret): the cloud's scheme (`mongodb://` or
     * `mongodb+srv://`) and the options its server requires (`tls=true`, and others per cloud).
     */
    url: pulumi.Output<string>;
}

/**
 * What a cloud implements, in the type of its own infrastructure `I`: each method receives the
 * infrastructure that `createInfrastructure` made. The members are function-typed properties (not
 * methods) so that the compiler checks their parameters strictly: a `CloudBackend<I>` is not a
 * `CloudBackend` of another infrastructure type, and only `opaqueBackend` hides `I`.
 */
export interface CloudBackend<I extends ProjectInfrastructure> {
    readonly cloud: I["cloud"];
    /** The shared infrastructure of one project. */
    readonly createInfrastructure: (request: InfrastructureRequest) => I;
    readonly deployService: (request: DeployRequest<ServiceModel, I>) => ServiceDeployment;
    readonly deployPostgres: (request: DeployRequest<PostgresModel, I>) => PostgresDeployment;
    readonly deployRedis: (request: DeployRequest<RedisModel, I>) => RedisDeployment;
    readonly deployMongo: (request: DeployRequest<MongoModel, I>) => MongoDeployment;
    /** Called once every component of a project exists (DigitalOcean creates its App here). */
    readonly finish: (infra: I) => void;
}

/**
 * One project's infrastructure as the components hold it: an opaque handle that deploys into it.
 * Its backend's infrastructure type stays inside (see `opaqueBackend`).
 */
export interface InfrastructureHandle {
    readonly cloud: CloudName;
    /** The project name used in resource tags and the private DNS domain. */
    readonly projectName: string;
    deployService(request: ComponentRequest<ServiceModel>): ServiceDeployment;
    deployPostgres(request: ComponentRequest<PostgresModel>): PostgresDeployment;
    deployRedis(request: ComponentRequest<RedisModel>): RedisDeployment;
    deployMongo(request: ComponentRequest<MongoModel>): MongoDeployment;
    /** Called once every component of the project exists (DigitalOcean creates its App here). */
    finish(): void;
}

/** A backend as the components see it (from `clouds/registry.ts`): it creates infrastructure handles. */
export interface OpaqueBackend<C extends CloudName = CloudName> {
    readonly cloud: C;
    createInfrastructure(request: InfrastructureRequest): InfrastructureHandle;
}

/** `backend` with its infrastructure type hidden: each handle hands its backend the infrastructure it was made with. */
export function opaqueBackend<I extends ProjectInfrastructure>(backend: CloudBackend<I>): OpaqueBackend<I["cloud"]> {
    return {
        cloud: backend.cloud,
        createInfrastructure(request) {
            const infra = backend.createInfrastructure(request);
            return {
                cloud: infra.cloud,
                projectName: infra.projectName,
                deployService: (r) => backend.deployService({ ...r, infra }),
                deployPostgres: (r) => backend.deployPostgres({ ...r, infra }),
                deployRedis: (r) => backend.deployRedis({ ...r, infra }),
                deployMongo: (r) => backend.deployMongo({ ...r, infra }),
                finish: () => backend.finish(infra),
            };
        },
    };
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
