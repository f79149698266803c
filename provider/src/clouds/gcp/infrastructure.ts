/**
 * The shared Google Cloud infrastructure of one project: the APIs it uses, its VPC network and
 * subnet (and Cloud NAT when services route all traffic through the VPC), created up front;
 * private services access, the image repository, the build bucket and the builder account, created
 * when first asked for (or up front when the project is known to need them).
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { InfrastructureNeeds, InfrastructureOptions, InfrastructureRequest } from "../backend";
import { apiEnabler, BASE_APIS } from "./apis";
import { CacheRepository, createBuildBucket, createBuilder, createCacheRepository, createImageRepository } from "./build/build-resources";
import { cloudRunHost, cloudRunName, serviceAccountId, shortHash } from "./names";
import { createNetwork } from "./network/network";
import { gcpOptions, projectLabels } from "./options";
import { ServiceDirectory } from "./network/service-directory";
import { Builder, GcpInfrastructure, VpcEgress } from "./types";
import { createVolumeBucket } from "./storage/volume-bucket";

/**
 * Services send only private-range traffic through the VPC (to databases and caches; the internet
 * directly, no NAT to pay for), unless some service is internal: Cloud Run admits requests to an
 * internal service only when they come through the VPC, so then every service sends all its traffic
 * there and Cloud NAT takes it to the internet. Any `defang:nat` other than `none` asks for that too.
 */
export function vpcEgress(needs: InfrastructureNeeds, options: InfrastructureOptions): VpcEgress {
    const internal = (needs.components ?? []).some((c) => c.kind === "service" && c.ports.some((p) => p.mode === "host")) || needs.domains.length > 0;
    return internal || options.nat !== "none" ? "ALL_TRAFFIC" : "PRIVATE_RANGES_ONLY";
}

/** The shared infrastructure of one project (`request.name` prefixes its children, `request.parent` owns them). */
export function createGcpInfrastructure(request: InfrastructureRequest): GcpInfrastructure {
    const { name, projectName, needs, options, parent } = request;
    const settings = gcpOptions(`the shared infrastructure "${name}"`);
    const { project, region } = settings;
    const labels = projectLabels(projectName);
    const scope = `${pulumi.getProject()}/${pulumi.getStack()}/${name}`;
    const api = apiEnabler(name, project, parent);
    for (const service of BASE_APIS) api(service);

    const projectNumber = gcp.organizations.getProjectOutput({ projectId: project }, { parent }).apply((p) => String(p.number));
    const egress = vpcEgress(needs, options);
    const network = createNetwork({ name, project, region, subnetCidr: settings.subnetCidr, isolatedSubnetCidr: settings.isolatedSubnetCidr, egress, api, parent });

    const buildArgs = { name, project, region, labels, api, parent };
    let repository: gcp.artifactregistry.Repository | undefined;
    let bucket: gcp.storage.Bucket | undefined;
    let builder: Builder | undefined;
    const imageRepository = () => (repository ??= createImageRepository(buildArgs, `images-${shortHash(scope)}`));
    const buildBucket = () => (bucket ??= createBuildBucket(buildArgs));
    const getBuilder = () => (builder ??= createBuilder(buildArgs, imageRepository(), buildBucket(), serviceAccountId(scope, "builder")));
    let cache: CacheRepository | undefined;
    const buildCacheRepository = () => (cache ??= createCacheRepository(buildArgs, `build-cache-${shortHash(scope)}`, getBuilder()));
    if (needs.builds) getBuilder();
    let volumes: gcp.storage.Bucket | undefined;
    const volumeBucket = () => (volumes ??= createVolumeBucket({ name, project, region, labels, retain: options.retainVolumes, protect: options.deletionProtection, parent }));

    const components = needs.components ?? [];
    // Firestore (managed MongoDB) is a Google API reached over TLS, not through private services access.
    if (components.some((c) => c.kind === "postgres" || c.kind === "redis")) network.privateServicesAccess();

    const directory = new ServiceDirectory((service) => projectNumber.apply((n) => ({ kind: "service" as const, host: cloudRunHost(cloudRunName(scope, service), n, region) })));
    directory.expect(components);

    return {
        cloud: "gcp",
        projectName,
        component: parent,
        name,
        project,
        region,
        projectNumber,
        scope,
        networkId: network.network.id,
        subnetworkId: network.subnetwork.id,
        egress,
        isolatedSubnetworkId: () => network.isolatedSubnetwork().id,
        deletionProtection: options.deletionProtection,
        redisTls: options.redisTls,
        retainVolumes: options.retainVolumes,
        volumeBucket,
        labels,
        directory,
        api,
        privateServicesAccess: network.privateServicesAccess,
        imageRepository,
        buildBucket,
        builder: getBuilder,
        buildCacheRepository,
    };
}
