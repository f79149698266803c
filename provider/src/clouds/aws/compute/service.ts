/**
 * One service on ECS Fargate: its task definition and ECS service in the project's cluster, its
 * sensitive environment in SSM Parameter Store, its own task role and security group, a private DNS
 * name (Cloud Map) for the project's services, its public HTTP ports on the project's load balancer,
 * and its other public ports (plain TCP, UDP) on the project's network load balancer. A one-off job
 * has the same task definition, role, group and secrets, and instead of a service a run of its task
 * during `pulumi up` (see `job-run.ts`).
 */
import { modelClientGroups } from "../models/model-clients";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ServiceDeployment } from "../../backend";
import { secretBuildArgs } from "../../common/build-arg-values";
import { ServiceModel } from "../../../model/types";
import { createServiceApi } from "../ingress/api-gateway";
import { createAutoscaling } from "./autoscaling";
import { buildImage } from "../build/build";
import { containerDefinition, EcsEnvironmentVariable } from "./container-definition";
import { createEnvironmentSecrets, sensitiveValues } from "./environment";
import { fileContents } from "../../file-content";
import { withFileMounts } from "../storage/file-mount-plan";
import { createFileMounts } from "../storage/file-mounts";
import { withMongoReferences } from "../data/mongo-references";
import { fargateSize } from "./fargate-sizing";
import { checkFrontDoor } from "../ingress/front-door-plan";
import { grantImagePull } from "../build/image-pull";
import { runAwsJob } from "./job-run";
import { jobTaskCount } from "./job-task-count";
import { createNetworkRouting, NetworkRouting } from "../ingress/network-routing";
import { planNetworkPorts } from "../ingress/network-routing-plan";
import { createRouting, Routing } from "../ingress/routing";
import { planIngress, serviceEndpoints } from "../ingress/routing-plan";
import { createServiceSecurityGroup } from "../network/security-group";
import { createTaskRole } from "./task-role";
import { createServiceVolumes } from "../storage/volume-mounts";
import { AwsInfrastructure, AwsDeployRequest } from "../types";
import { serviceImageSource } from "../../common/image-source";
import { requestedInstances } from "../../../model/replicas";
import { zip } from "../../../util/zip";

/**
 * Seconds ECS ignores failing load balancer health checks after a task starts, when the service's
 * health check has no start period: 60, time for a typical app to boot before it can be replaced.
 */
export const DEFAULT_HEALTH_CHECK_GRACE_SECONDS = 60;

/** TTL of the service's private DNS records: 10 seconds, so that replaced tasks drop out of other services' lookups quickly. */
export const DISCOVERY_TTL_SECONDS = 10;

/** During a deployment, keep every running task until its replacement is healthy (no capacity dip)... */
export const DEPLOYMENT_MINIMUM_HEALTHY_PERCENT = 100;
/** ...and start at most as many new tasks as there are (double the cost for the minutes of a deployment). */
export const DEPLOYMENT_MAXIMUM_PERCENT = 200;

/**
 * `pulumi up` does not wait for the service to reach a steady state: a deployment that fails is
 * rolled back by the ECS circuit breaker, and waiting would hold the update for up to the whole
 * rollout (a service whose tasks cannot start would block for many minutes).
 */
export const WAIT_FOR_STEADY_STATE = false;

/** The longest task definition family AWS accepts. */
const MAX_FAMILY_LENGTH = 255;

/**
 * The task definition family: ECS has no generated names, so one is made from the Pulumi project,
 * stack and component name, which is unique within an account unless the same stack is deployed twice.
 */
export function taskFamily(project: string, stack: string, name: string): string {
    return `${project}-${stack}-${name}`.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, MAX_FAMILY_LENGTH);
}

export function deployAwsService(request: AwsDeployRequest<ServiceModel>): ServiceDeployment {
    const { name, parent, config } = request;
    const infra = request.infra;
    // References to the project's DocumentDB clusters carry their credentials and options.
    const model = withMongoReferences(request.model, infra.mongoEndpoints);
    const opts = { parent };

    // Everything that can be refused is checked before the first resource.
    const size = fargateSize(model.name, model.resources);
    const routes = planIngress(model);
    checkFrontDoor(model, routes, infra.ingress);
    const networkRoutes = planNetworkPorts(model);
    const values = sensitiveValues(model, config);
    const fileValues = fileContents(model.files, config, model.name);
    const buildArgs = model.image ? [] : secretBuildArgs(model.build!, config, model.name);
    if (model.lifecycle === "job") jobTaskCount(model);
    serviceImageSource(model);

    const built = model.image ? undefined : buildImage({ name, service: model.name, build: model.build!, secretArgs: buildArgs, architecture: model.architecture, parent, infra });
    const image: pulumi.Input<string> = model.image ?? built!.imageUri;

    const pullPolicy = grantImagePull({ name, repositoryArn: built?.repositoryArn, image: model.image, infra, parent });
    const environment = createEnvironmentSecrets({ name, model, values, infra, parent });
    const files = createFileMounts({ name, model, contents: fileValues, infra, parent });
    const taskRole = createTaskRole({ name, model, infra, parent });
    const { group: securityGroup, egress } = createServiceSecurityGroup({ name, model, infra, parent });
    const throughApiGateway = infra.ingress === "apigateway" && routes.length > 0;
    // The route API Gateway reaches the service by (through Cloud Map), when it is the front door.
    const apiGatewayRoute = throughApiGateway ? routes[0] : undefined;
    const routing: Routing | undefined = routes.length > 0 && !throughApiGateway ? createRouting({ name, model, routes, infra, parent }) : undefined;
    const networkRouting: NetworkRouting | undefined = networkRoutes.length > 0 ? createNetworkRouting({ name, model, routes: networkRoutes, infra, parent }) : undefined;

    // Model clients find Bedrock in the project's Region unless the service says otherwise.
    const extraEnvironment: EcsEnvironmentVariable[] = model.llm ? [{ name: "AWS_REGION", value: infra.region }] : [];
    const container = containerDefinition({ model, image, secrets: environment.secrets, extraEnvironment, logGroupName: infra.logGroupName, region: infra.region });
    const volumes = createServiceVolumes({ name, model, infra, role: taskRole.role, parent });
    if (volumes.mountPoints.length > 0) container.mountPoints = [...((container.mountPoints as unknown[] | undefined) ?? []), ...volumes.mountPoints];

    const taskDefinition = new aws.ecs.TaskDefinition(
        `${name}-task`,
        {
            family: taskFamily(pulumi.getProject(), pulumi.getStack(), name),
            networkMode: "awsvpc",
            requiresCompatibilities: ["FARGATE"],
            cpu: String(size.cpu),
            memory: String(size.memoryMiB),
            runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: model.architecture === "arm64" ? "ARM64" : "X86_64" },
            executionRoleArn: infra.executionRole.arn,
            taskRoleArn: taskRole.role.arn,
            containerDefinitions: pulumi.jsonStringify([withFileMounts(container, files?.plan), ...(files ? [files.writer] : [])]),
            ...(volumes.volumes.length > 0 || files ? { volumes: [...volumes.volumes, ...(files?.volumes ?? [])] } : {}),
            tags: infra.tags,
        },
        { parent, dependsOn: built?.dependsOn ?? [] },
    );

    if (model.lifecycle === "job") {
        const before: pulumi.Resource[] = [...request.dependsOn, egress, ...volumes.dependsOn];
        if (environment.readPolicy) before.push(environment.readPolicy);
        if (files) before.push(files.readPolicy);
        if (pullPolicy) before.push(pullPolicy);
        if (taskRole.modelPolicy) before.push(taskRole.modelPolicy);
        runAwsJob({ name, model, taskDefinition, securityGroup, infra, parent, dependsOn: before });
        return { endpoints: pulumi.output([]) };
    }

    const discovery = new aws.servicediscovery.Service(
        `${name}-discovery`,
        {
            // The name other services resolve: a physical name by nature.
            name: model.name,
            // API Gateway finds the tasks' port in their SRV record.
            dnsConfig: {
                namespaceId: infra.namespaceId,
                dnsRecords: [{ type: "A", ttl: DISCOVERY_TTL_SECONDS }, ...(throughApiGateway ? [{ type: "SRV", ttl: DISCOVERY_TTL_SECONDS }] : [])],
                routingPolicy: "MULTIVALUE",
            },
            // ECS reports the health of each task (custom health checks). The failure threshold is no longer
            // settable: AWS always uses 1, and the provider deprecates the field, so it is left out.
            healthCheckCustomConfig: {},
            // ECS deregisters tasks as it stops them; on deletion, stragglers must not block the removal.
            forceDestroy: true,
            tags: infra.tags,
        },
        opts,
    );

    const targetGroups = [...(routing?.targetGroups ?? []), ...(networkRouting?.targetGroups ?? [])];
    const desiredCount = requestedInstances(model);
    const startPeriod = model.healthcheck?.startPeriodSeconds;
    const placement = taskNetwork(model, infra, environment.secrets.length > 0);
    const waitFor: pulumi.Resource[] = [...request.dependsOn, ...(routing?.rules ?? []), ...(networkRouting?.listeners ?? []), ...placement.endpoints, ...volumes.dependsOn];
    if (environment.readPolicy) waitFor.push(environment.readPolicy);
    if (files) waitFor.push(files.readPolicy);
    if (pullPolicy) waitFor.push(pullPolicy);
    if (taskRole.modelPolicy) waitFor.push(taskRole.modelPolicy);

    const service = new aws.ecs.Service(
        `${name}-service`,
        {
            cluster: infra.clusterArn,
            taskDefinition: taskDefinition.arn,
            desiredCount,
            launchType: "FARGATE",
            networkConfiguration: { subnets: placement.subnetIds, securityGroups: [securityGroup.id, infra.membersSecurityGroupId, ...modelClientGroups(model, infra)], assignPublicIp: placement.assignPublicIp },
            deploymentCircuitBreaker: { enable: true, rollback: true },
            deploymentMinimumHealthyPercent: DEPLOYMENT_MINIMUM_HEALTHY_PERCENT,
            deploymentMaximumPercent: DEPLOYMENT_MAXIMUM_PERCENT,
            loadBalancers: targetGroups.map(({ route, targetGroup }) => ({ targetGroupArn: targetGroup.arn, containerName: model.name, containerPort: route.port.target })),
            healthCheckGracePeriodSeconds: targetGroups.length > 0 ? (startPeriod ? startPeriod : DEFAULT_HEALTH_CHECK_GRACE_SECONDS) : undefined,
            serviceRegistries: apiGatewayRoute ? { registryArn: discovery.arn, containerName: model.name, containerPort: apiGatewayRoute.port.target } : { registryArn: discovery.arn },
            // No shell into running tasks: it would need SSM permissions on the task role and bypasses the image.
            enableExecuteCommand: false,
            propagateTags: "SERVICE",
            waitForSteadyState: WAIT_FOR_STEADY_STATE,
            tags: infra.tags,
        },
        // With autoscaling, the task count is the autoscaler's: a later update must not reset it.
        { parent, dependsOn: waitFor, ignoreChanges: model.autoscaling ? ["desiredCount"] : [] },
    );

    const frontDoors = new Map<number, pulumi.Output<string>>(routing?.frontDoors ?? []);
    if (apiGatewayRoute) frontDoors.set(apiGatewayRoute.portIndex, createServiceApi({ name, discoveryServiceArn: discovery.arn, link: infra.apiGatewayLink(), tags: infra.tags, parent }).endpoint);

    if (model.autoscaling) createAutoscaling({ name, autoscaling: model.autoscaling, service, infra, parent });

    for (const alias of model.aliases) infra.addDnsName(`${name}-alias-${alias}`, alias, `${model.name}.${infra.privateDomain}`, parent);

    const dnsName = routes.length > 0 && infra.ingress !== "apigateway" ? infra.loadBalancer().dnsName : pulumi.output("");
    const networkDnsName = networkRoutes.length > 0 ? infra.networkLoadBalancer().dnsName : pulumi.output("");
    const doorIndexes = [...frontDoors.keys()];
    const doorHosts = pulumi.all([...frontDoors.values()]);
    return {
        endpoints: pulumi.all([dnsName, networkDnsName, doorHosts]).apply(([dns, networkDns, hosts]) => serviceEndpoints(model, routes, dns, networkDns, new Map(zip(doorIndexes, hosts)))),
    };
}

/**
 * Where the service's tasks run: the project's task subnets, or, for a service only on compose
 * `internal: true` networks, the isolated subnets without a public address (no route to the
 * internet), after the AWS API endpoints its tasks need (SSM too when it has secrets).
 */
function taskNetwork(model: ServiceModel, infra: AwsInfrastructure, hasSecrets: boolean): { subnetIds: pulumi.Input<string>[]; assignPublicIp: boolean; endpoints: pulumi.Resource[] } {
    if (!model.internalNetworks) return { subnetIds: infra.taskSubnetIds, assignPublicIp: infra.assignPublicIp, endpoints: [] };
    const isolated = infra.isolatedNetwork();
    return { subnetIds: isolated.subnetIds, assignPublicIp: false, endpoints: [...isolated.endpoints, ...(hasSecrets ? [isolated.parametersEndpoint()] : [])] };
}
