/**
 * The properties that matter of Google Cloud resources, by type token, read from the input shapes
 * of @pulumi/gcp (cloudrunv2, sql, redis, memorystore, compute, artifactregistry, secretmanager).
 */
import { PropertyExtractor } from "./extractor";
import { at, bool, defined, list, mebibytes, num, str, vcpus } from "./read";

/** The size of the first container of a Cloud Run template: vCPU and MiB (Cloud Run's defaults: 1 vCPU, 512 MiB). */
export function cloudRunSize(inputs: Record<string, unknown>, container = "template.containers.0"): { vcpu: number; memoryMiB: number } {
    const limits = at(inputs, `${container}.resources.limits`) as Record<string, string> | undefined;
    return { vcpu: vcpus(limits?.cpu) ?? 1, memoryMiB: mebibytes(limits?.memory) ?? 512 };
}

/** Instances a Cloud Run service keeps running: the template's or the service's minimum. */
export function cloudRunMinInstances(inputs: Record<string, unknown>): number {
    return num(inputs, "template.scaling.minInstanceCount") ?? num(inputs, "scaling.minInstanceCount") ?? num(inputs, "scaling.manualInstanceCount") ?? 0;
}

/** Whether a Cloud Run service bills by request (CPU only during requests, `cpuIdle`, Cloud Run's default) rather than by instance. */
export function cloudRunRequestBilling(inputs: Record<string, unknown>): boolean {
    return at(inputs, "template.containers.0.resources.cpuIdle") !== false;
}

/** The GPU of a Cloud Run template (`nodeSelector.accelerator`, e.g. `nvidia-l4`), if it has one. */
export function cloudRunGpu(inputs: Record<string, unknown>, template = "template"): string | undefined {
    return str(inputs, `${template}.nodeSelector.accelerator`);
}

function ports(inputs: Record<string, unknown>): string | undefined {
    const out = list(inputs, "template.containers.0.ports")
        .map((p) => num(p, "containerPort"))
        .filter((p) => p !== undefined);
    return out.length ? out.join(", ") : undefined;
}

export const GCP_PROPERTIES: Record<string, PropertyExtractor> = {
    "gcp:cloudrunv2/service:Service": {
        kind: "Cloud Run service",
        read: (i) => {
            const size = cloudRunSize(i);
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
            const size = cloudRunSize(i);
            return defined({ vcpu: size.vcpu, memoryMiB: size.memoryMiB, gpu: cloudRunGpu(i), instances: num(i, "scaling.manualInstanceCount") ?? num(i, "scaling.minInstanceCount") ?? 1 });
        },
    },
    "gcp:cloudrunv2/job:Job": {
        kind: "Cloud Run job (one-off, executed at deploy)",
        read: (i) => {
            const size = cloudRunSize(i, "template.template.containers.0");
            const waits = str(i, "runExecutionToken") !== undefined;
            return defined({
                vcpu: size.vcpu,
                memoryMiB: size.memoryMiB,
                gpu: cloudRunGpu(i, "template.template"),
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
        read: (i) => defined({ domains: (at(i, "managed.domains") as string[] | undefined)?.join(", ") }),
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
};
