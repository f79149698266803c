/**
 * One service on Cloud Run: its own service account, its sensitive environment in Secret Manager
 * (readable by that account only), Direct VPC egress into the project's subnet (to reach private
 * databases, caches and internal services), and
 * - with a port: a Cloud Run service, served over HTTPS on 443 whatever port was published (a
 *   warning says so). A public port makes it public (`INGRESS_TRAFFIC_ALL`); a private port
 *   (`expose`, `mode: host`, a private `host_ip`) keeps it internal (`INGRESS_TRAFFIC_INTERNAL_ONLY`:
 *   only the project's VPC reaches it); a domain name puts a global HTTPS load balancer in front
 *   (see `domain.ts`). Ports that do not carry HTTP are refused before (see `capabilities.ts`).
 * - without a port: a Cloud Run worker pool (always-on instances, no address).
 * - a one-off job: a Cloud Run job, executed at deploy and waited for (see `job.ts`).
 * A service that asks for a GPU gets one NVIDIA GPU per instance, CPU always allocated
 * (instance-based billing) and at least the size Cloud Run requires with it (see `cloud-run-gpu.ts`).
 * Other services reach it by its compose name through the rewrite of `service-references.ts`.
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { PortModel, ServiceModel } from "../../../model/types";
import { ServiceDeployment } from "../../backend";
import { secretBuildArgs } from "../../common/build-arg-values";
import { buildImage } from "../build/build";
import { cloudRunInstance, gpuTemplateFields, invitationOnly } from "./cloud-run-gpu";
import { container } from "./container";
import { createDomain } from "../ingress/domain";
import { fileContents } from "../../file-content";
import { createFileMounts } from "../storage/file-mounts";
import { serviceEnvironment } from "./environment";
import { createCloudRunJob } from "./job";
import { imageSource, remoteImage, remoteRepositoryId } from "../build/image-source";
import { cloudRunHost, cloudRunName, HASH_LENGTH, serviceAccountId, shortHash } from "../names";
import { gcpOptions } from "../options";
import { createEnvironmentSecrets } from "../secrets/secret-store";
import { GcpInfrastructure, GcpDeployRequest } from "../types";
import { grantVertexAccess, vertexEnvironment } from "../models/model-access";
import { createServiceVolumes, FUSE_EXECUTION_ENVIRONMENT } from "../storage/volume-mounts";
import { serviceImageSource } from "../../common/image-source";
import { instancesAtLeastOne } from "../../../model/replicas";

/** Services hold no data: deleting one needs no second confirmation. */
export const SERVICE_DELETION_PROTECTION = false;

/** Who may reach the service over the network. */
export function ingressSetting(model: Pick<ServiceModel, "ports" | "domainname">): string {
    if (model.domainname) return "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER";
    return model.ports.some((p) => p.mode === "ingress") ? "INGRESS_TRAFFIC_ALL" : "INGRESS_TRAFFIC_INTERNAL_ONLY";
}

/** Instance counts: the autoscaling range, else exactly `replicas` (from zero with `defang:scaleToZero`). */
export function instanceCounts(model: Pick<ServiceModel, "replicas" | "autoscaling">, scaleToZero: boolean): { minInstanceCount: number; maxInstanceCount: number } {
    if (model.autoscaling) return { minInstanceCount: scaleToZero ? 0 : model.autoscaling.minReplicas, maxInstanceCount: model.autoscaling.maxReplicas };
    const replicas = instancesAtLeastOne(model);
    return { minInstanceCount: scaleToZero ? 0 : replicas, maxInstanceCount: replicas };
}

/** The image Cloud Run pulls: Docker Hub in full, Artifact Registry as is, other registries through a remote repository. */
function pullableImage(name: string, image: string, infra: GcpInfrastructure, parent: pulumi.ComponentResource): { image: pulumi.Input<string>; dependsOn: pulumi.Resource[] } {
    const source = imageSource(image);
    if (source.kind === "direct") return { image: source.image, dependsOn: [] };
    const repositoryId = remoteRepositoryId(source.registry);
    const repository = new gcp.artifactregistry.Repository(
        `${name}-registry`,
        {
            project: infra.project,
            location: infra.region,
            // Unique in the project: one per service and stack.
            repositoryId: `${repositoryId.slice(0, 63 - HASH_LENGTH - 1)}-${shortHash(`${infra.scope}/${name}`)}`,
            format: "DOCKER",
            mode: "REMOTE_REPOSITORY",
            description: `pulumi-defang: images of ${source.registry}`,
            remoteRepositoryConfig: { dockerRepository: { customRepository: { uri: `https://${source.registry}` } } },
            labels: infra.labels,
        },
        { parent, dependsOn: [infra.api("artifactregistry.googleapis.com")] },
    );
    return { image: repository.repositoryId.apply((id) => remoteImage(infra.region, infra.project, id, source.path)), dependsOn: [repository] };
}

export function deployGcpService(request: GcpDeployRequest<ServiceModel>): ServiceDeployment {
    const { name, model, parent, config } = request;
    const infra = request.infra;
    const options = gcpOptions(`service "${model.name}"`);

    // Everything that can be refused is checked before the first resource.
    const { size, gpu } = cloudRunInstance(model.name, model.resources, { region: infra.region, ...(options.gpu ? { gpuType: options.gpu } : {}) });
    serviceImageSource(model);
    const port: PortModel | undefined = model.ports[0];
    if (port) infra.directory.addService(model.name, model.aliases);
    const extra = model.llm ? vertexEnvironment(model, infra.project, infra.region) : [];
    const environment = serviceEnvironment(model, config, infra.directory, extra);
    const buildArgs = model.build && !model.image ? secretBuildArgs(model.build, config, model.name) : [];
    if (gpu && invitationOnly(gpu, infra.region)) {
        pulumi.log.warn(`service "${model.name}": ${infra.region} offers the ${gpu.title} GPU to invited projects only; the deployment fails unless Google has enabled it for this project`);
    }
    const fileValues = fileContents(model.files, config, model.name);
    if (port?.mode === "host" && !model.domainname && infra.egress !== "ALL_TRAFFIC") {
        pulumi.log.warn(
            `service "${model.name}" is internal, but the project's services send only private traffic through the VPC and cannot reach it; set \`pulumi config set defang:nat single\` (or deploy it in a DefangProject)`,
        );
    }

    const serviceName = cloudRunName(infra.scope, model.name);
    const account = new gcp.serviceaccount.Account(
        `${name}-account`,
        { project: infra.project, accountId: serviceAccountId(infra.scope, model.name), displayName: `pulumi-defang: service ${model.name}`.slice(0, 100) },
        { parent, dependsOn: [infra.api("iam.googleapis.com")] },
    );
    const member = pulumi.interpolate`serviceAccount:${account.email}`;

    const built = model.build && !model.image ? buildImage({ name, service: model.name, build: model.build, secretArgs: buildArgs, parent, infra }) : undefined;
    const pulled = model.image ? pullableImage(name, model.image, infra, parent) : undefined;
    const image = built?.image ?? pulled!.image;

    const secrets = createEnvironmentSecrets({ name, service: model.name, values: environment.sensitive, member, infra, parent });
    const files = createFileMounts({ name, model, contents: fileValues, member, infra, parent });
    const waitFor: pulumi.Resource[] = [...request.dependsOn, ...secrets.grants, ...(files?.dependsOn ?? []), ...(built?.dependsOn ?? []), ...(pulled?.dependsOn ?? []), infra.api("run.googleapis.com")];
    if (model.llm) waitFor.push(grantVertexAccess(name, model, member, infra, parent));

    const spec = <gcp.types.input.cloudrunv2.ServiceTemplateContainer>container({ model, image, size, plain: environment.plain, secrets: secrets.env, port, cpuIdle: !gpu });
    if (files) spec.volumeMounts = [...((spec.volumeMounts as gcp.types.input.cloudrunv2.ServiceTemplateContainerVolumeMount[]) ?? []), ...files.volumeMounts];
    const vpcAccess = cloudRunVpcAccess(model, infra);
    const volumes = createServiceVolumes({ name, model, member, infra, parent });
    if (volumes.volumeMounts.length > 0) spec.volumeMounts = [...((spec.volumeMounts as gcp.types.input.cloudrunv2.ServiceTemplateContainerVolumeMount[] | undefined) ?? []), ...volumes.volumeMounts];
    waitFor.push(...volumes.grants);
    // Named volumes and the directories of secret and config files.
    const templateVolumes = [...volumes.volumes, ...(files?.volumes ?? [])];
    const volumeTemplate = {
        ...(templateVolumes.length > 0 ? { volumes: templateVolumes } : {}),
        ...(volumes.needsGen2 ? { executionEnvironment: FUSE_EXECUTION_ENVIRONMENT } : {}),
    };

    if (model.lifecycle === "job") {
        const jobContainer = spec as gcp.types.input.cloudrunv2.JobTemplateTemplateContainer;
        createCloudRunJob({ name, jobName: serviceName, model, container: jobContainer, serviceAccount: account.email, vpcAccess, gpu, volumeTemplate, infra, parent, dependsOn: waitFor });
        return { endpoints: pulumi.output([]) };
    }

    if (!port) {
        new gcp.cloudrunv2.WorkerPool(
            `${name}-pool`,
            {
                project: infra.project,
                location: infra.region,
                name: serviceName,
                deletionProtection: SERVICE_DELETION_PROTECTION,
                // Worker pools are scaled by hand: `replicas` instances (the low end of an autoscaling range).
                scaling: { manualInstanceCount: instancesAtLeastOne(model) },
                template: {
                    serviceAccount: account.email,
                    containers: [spec as gcp.types.input.cloudrunv2.WorkerPoolTemplateContainer],
                    vpcAccess,
                    labels: infra.labels,
                    ...gpuTemplateFields(gpu),
                    ...(templateVolumes.length > 0 ? { volumes: templateVolumes } : {}),
                },
                labels: infra.labels,
            },
            { parent, dependsOn: waitFor },
        );
        return { endpoints: pulumi.output([]) };
    }

    const service = new gcp.cloudrunv2.Service(
        `${name}-service`,
        {
            project: infra.project,
            location: infra.region,
            name: serviceName,
            ingress: ingressSetting(model),
            // Reaching the service is the ingress setting's decision: compose clients send no identity token.
            invokerIamDisabled: true,
            deletionProtection: SERVICE_DELETION_PROTECTION,
            template: {
                serviceAccount: account.email,
                containers: [spec],
                scaling: instanceCounts(model, options.scaleToZero),
                vpcAccess,
                labels: infra.labels,
                ...gpuTemplateFields(gpu),
                ...volumeTemplate,
            },
            labels: infra.labels,
        },
        { parent, dependsOn: waitFor },
    );

    if (model.domainname) {
        createDomain({ name, domain: model.domainname, serviceName: service.name, dnsZone: options.dnsZone, infra, parent });
        return { endpoints: pulumi.output([`https://${model.domainname}`]) };
    }
    if (port.mode === "host") return { endpoints: pulumi.output(model.ports.map((p) => `${model.name}:${p.target}`)) };
    // The deterministic URL: the same that other services are given.
    return { endpoints: pulumi.all([infra.projectNumber, service.name]).apply(([n, s]) => [`https://${cloudRunHost(s, n, infra.region)}`]) };
}

/**
 * Direct VPC egress: into the project's subnet, or, for a service only on compose `internal: true`
 * networks, all traffic into the isolated subnet, which has no Cloud NAT: the service reaches the
 * project's services and Google APIs, and not the internet.
 */
export function cloudRunVpcAccess(model: ServiceModel, infra: GcpInfrastructure): gcp.types.input.cloudrunv2.ServiceTemplateVpcAccess {
    if (model.internalNetworks) return { egress: "ALL_TRAFFIC", networkInterfaces: [{ network: infra.networkId, subnetwork: infra.isolatedSubnetworkId() }] };
    return { egress: infra.egress, networkInterfaces: [{ network: infra.networkId, subnetwork: infra.subnetworkId }] };
}
