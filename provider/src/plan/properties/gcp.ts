/**
 * The properties that matter of Google Cloud resources, by type token, read from the input shapes
 * of @pulumi/gcp (cloudrunv2, sql, redis, memorystore, compute, artifactregistry, secretmanager).
 */
import type { GcpResourceInputs } from "../../clouds/gcp/resource-inputs";
import { PropertyTable } from "./extractor";
import { at, bool, child, defined, list, mebibytes, num, str, strings, vcpus } from "./read";
import { Plain, Recorded, RecordedByType } from "./recorded";

/** The recorded inputs of a Google Cloud resource of type `K`. */
export type GcpRecorded<K extends keyof GcpResourceInputs> = RecordedByType<GcpResourceInputs>[K];

/** The inputs of `r` typed as those of `type`, when `r` is of that type. */
export function gcpInputs<K extends keyof GcpResourceInputs>(r: { type: string; inputs: Recorded<unknown> } | undefined, type: K): GcpRecorded<K> | undefined {
    return r?.type === type ? (r.inputs as GcpRecorded<K>) : undefined;
}

type CloudRunService = GcpRecorded<"gcp:cloudrunv2/service:Service">;
/** A Cloud Run service or worker pool: the paths read must exist in one of them. */
type CloudRunServiceOrPool = Recorded<Plain<GcpResourceInputs["gcp:cloudrunv2/service:Service"] | GcpResourceInputs["gcp:cloudrunv2/workerPool:WorkerPool"]>>;
type CloudRunJob = GcpRecorded<"gcp:cloudrunv2/job:Job">;

/** What the size of a Cloud Run container (of a service, a worker pool or a job) is read from. */
type CloudRunContainer = Recorded<{ resources?: { limits?: Record<string, string> } }>;

/** The first container of a Cloud Run service's or worker pool's template. */
export function cloudRunContainer(inputs: CloudRunServiceOrPool): CloudRunContainer | undefined {
    return list(inputs, "template.containers").at(0);
}

/** The first container of a Cloud Run job's task template. */
export function cloudRunJobContainer(inputs: CloudRunJob): CloudRunContainer | undefined {
    return list(inputs, "template.template.containers").at(0);
}

/** The size of a Cloud Run container: vCPU and MiB (Cloud Run's defaults: 1 vCPU, 512 MiB). */
export function cloudRunSize(container: CloudRunContainer | undefined): { vcpu: number; memoryMiB: number } {
    const limits = child(container, "resources.limits");
    return { vcpu: vcpus(str(limits, "cpu")) ?? 1, memoryMiB: mebibytes(str(limits, "memory")) ?? 512 };
}

/** Instances a Cloud Run service or worker pool keeps running: the template's or the service's minimum, or the pool's count. */
export function cloudRunMinInstances(inputs: CloudRunServiceOrPool): number {
    return num(inputs, "template.scaling.minInstanceCount") ?? num(inputs, "scaling.minInstanceCount") ?? num(inputs, "scaling.manualInstanceCount") ?? 0;
}

/** Whether a Cloud Run service bills by request (CPU only during requests, `cpuIdle`, Cloud Run's default) rather than by instance. */
export function cloudRunRequestBilling(inputs: CloudRunService): boolean {
    return at(inputs, "template.containers.0.resources.cpuIdle") !== false;
}

/** The GPU of a Cloud Run service's or worker pool's template (`nodeSelector.accelerator`, e.g. `nvidia-l4`), if it has one. */
export function cloudRunGpu(inputs: CloudRunServiceOrPool): string | undefined {
    return str(inputs, "template.nodeSelector.accelerator");
}

/** The GPU of a Cloud Run job's task template, if it has one. */
export function cloudRunJobGpu(inputs: CloudRunJob): string | undefined {
    return str(inputs, "template.template.nodeSelector.accelerator");
}

function ports(inputs: CloudRunService): string | undefined {
    const out = list(inputs, "template.containers.0.ports")
        .map((p) => num(p, "containerPort"))
        .filter((p) => p !== undefined);
    return out.length ? out.join(", ") : undefined;
}

export const GCP_PROPERTIES = {
    "gcp:cloudrunv2/service:Service": {
        kind: "Cloud Run service",
        read: (i) => {
            const size = cloudRunSize(cloudRunContainer(i));
            const ingress = str(i, "ingress") ?? "INGRESS_TRAFFIC_ALL";
            return defined({
                vcpu: size.vcpu,
                memoryMiB: size.memoryMiB,
                minInstances: cloudRunMinInstances(i),
                maxInstances: num(i, "template.scaling.maxInstanceCount") ?? num(i, "scaling.maxInstanceCount"),
                ports: ports(i),
                gpu: cloudRunGpu(i),
                billing: cloudRunRequestBilling(i) ? "request-based" : "instance-based",
                ingress,
                // INTERNAL_LOAD_BALANCER: public through the project's external load balancer (a custom domain).
                public: ingress !== "INGRESS_TRAFFIC_INTERNAL_ONLY",
            });
        },
    },
    "gcp:cloudrunv2/workerPool:WorkerPool": {
        kind: "Cloud Run worker pool",
        read: (i) => {
            const size = cloudRunSize(cloudRunContainer(i));
            return defined({ vcpu: size.vcpu, memoryMiB: size.memoryMiB, gpu: cloudRunGpu(i), instances: num(i, "scaling.manualInstanceCount") ?? num(i, "scaling.minInstanceCount") ?? 1 });
        },
    },
    "gcp:cloudrunv2/job:Job": {
        kind: "Cloud Run job (one-off, executed at deploy)",
        read: (i) => {
            const size = cloudRunSize(cloudRunJobContainer(i));
            const waits = str(i, "runExecutionToken") !== undefined;
            return defined({
                vcpu: size.vcpu,
                memoryMiB: size.memoryMiB,
                gpu: cloudRunJobGpu(i),
                tasks: num(i, "template.taskCount"),
                runs: waits ? "once per deployment that changes it, waits for success" : "on demand",
            });
        },
    },
    "gcp:sql/databaseInstance:DatabaseInstance": {
        kind: "Cloud SQL instance",
        read: (i) =>
            defined({
                version: str(i, "databaseVersion"),
                tier: str(i, "settings.tier"),
                edition: str(i, "settings.edition"),
                availability: str(i, "settings.availabilityType") ?? "ZONAL",
                diskGB: num(i, "settings.diskSize"),
                public: bool(i, "settings.ipConfiguration.ipv4Enabled") ?? false,
            }),
    },
    "gcp:firestore/database:Database": {
        kind: "Firestore database (MongoDB compatibility)",
        read: (i) => defined({ edition: str(i, "databaseEdition"), location: str(i, "locationId"), deleteProtection: str(i, "deleteProtectionState") }),
    },
    "gcp:firestore/userCreds:UserCreds": { kind: "Firestore user", read: (i) => defined({ name: str(i, "name") }) },
    "gcp:redis/instance:Instance": {
        kind: "Memorystore for Redis",
        read: (i) =>
            defined({
                tier: str(i, "tier") ?? "BASIC",
                memoryGB: num(i, "memorySizeGb"),
                version: str(i, "redisVersion"),
                tls: str(i, "transitEncryptionMode") === "SERVER_AUTHENTICATION",
                auth: bool(i, "authEnabled"),
                connect: str(i, "connectMode"),
            }),
    },
    "gcp:memorystore/instance:Instance": {
        kind: "Memorystore for Valkey",
        read: (i) =>
            defined({
                nodeType: str(i, "nodeType"),
                shards: num(i, "shardCount"),
                replicas: num(i, "replicaCount") ?? 0,
                version: str(i, "engineVersion"),
                mode: str(i, "mode"),
                tls: str(i, "transitEncryptionMode"),
            }),
    },
    "gcp:compute/globalForwardingRule:GlobalForwardingRule": {
        kind: "global forwarding rule",
        read: (i) => defined({ ports: str(i, "portRange"), scheme: str(i, "loadBalancingScheme") }),
    },
    "gcp:compute/globalAddress:GlobalAddress": { kind: "global IP address", read: (i) => defined({ type: str(i, "addressType"), purpose: str(i, "purpose") }) },
    "gcp:compute/managedSslCertificate:ManagedSslCertificate": {
        kind: "managed certificate",
        read: (i) => defined({ domains: strings(i, "managed.domains").join(", ") || undefined }),
    },
    "gcp:compute/uRLMap:URLMap": { kind: "URL map", read: () => ({}) },
    "gcp:compute/backendService:BackendService": { kind: "backend service", read: (i) => defined({ scheme: str(i, "loadBalancingScheme") }) },
    "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup": { kind: "serverless NEG", read: (i) => defined({ type: str(i, "networkEndpointType") }) },
    "gcp:compute/network:Network": { kind: "VPC network", read: () => ({}) },
    "gcp:compute/subnetwork:Subnetwork": { kind: "subnet", read: (i) => defined({ cidr: str(i, "ipCidrRange") }) },
    "gcp:artifactregistry/repository:Repository": { kind: "Artifact Registry repository", read: (i) => defined({ format: str(i, "format") }) },
    "gcp:secretmanager/secret:Secret": { kind: "Secret Manager secret", read: () => ({}) },
    "gcp:secretmanager/secretVersion:SecretVersion": { kind: "secret version", read: () => ({}) },
    "gcp:serviceaccount/account:Account": { kind: "service account", read: () => ({}) },
    "gcp:vpcaccess/connector:Connector": { kind: "Serverless VPC Access connector", read: (i) => defined({ machine: str(i, "machineType"), min: num(i, "minInstances") }) },
    "gcp:projects/service:Service": { kind: "API enabled", read: (i) => defined({ api: str(i, "service") }) },
    "gcp:projects/iAMMember:IAMMember": { kind: "IAM binding", read: (i) => defined({ role: str(i, "role") }) },
    "gcp:secretmanager/secretIamMember:SecretIamMember": { kind: "secret access", read: () => ({}) },
    "gcp:artifactregistry/repositoryIamMember:RepositoryIamMember": { kind: "registry access", read: () => ({}) },
    "gcp:storage/bucketIAMMember:BucketIAMMember": { kind: "bucket access", read: () => ({}) },
    "gcp:compute/targetHttpProxy:TargetHttpProxy": { kind: "HTTP proxy", read: () => ({}) },
    "gcp:compute/targetHttpsProxy:TargetHttpsProxy": { kind: "HTTPS proxy", read: () => ({}) },
    "gcp:servicenetworking/connection:Connection": { kind: "private service access", read: () => ({}) },
    "gcp:compute/router:Router": { kind: "Cloud Router", read: () => ({}) },
    "gcp:compute/routerNat:RouterNat": { kind: "Cloud NAT", read: () => ({}) },
    "gcp:storage/bucket:Bucket": { kind: "Cloud Storage bucket", read: (i) => defined({ location: str(i, "location") }) },
    "gcp:storage/bucketObject:BucketObject": { kind: "build source upload", read: () => ({}) },
    "gcp:sql/database:Database": { kind: "database", read: (i) => defined({ name: str(i, "name") }) },
    "gcp:sql/user:User": { kind: "database user", read: () => ({}) },
    "gcp:dns/recordSet:RecordSet": { kind: "DNS record", read: (i) => defined({ name: str(i, "name"), type: str(i, "type") }) },
} satisfies PropertyTable<GcpResourceInputs>;
