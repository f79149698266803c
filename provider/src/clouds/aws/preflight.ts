/**
 * What AWS refuses of a project, found from the backend's own tables before anything is created:
 * Fargate sizes, load balancer routing (public HTTP ports, HTTP/2 and gRPC over HTTPS, the HTTPS
 * port, network load balancer ports), RDS, ElastiCache and DocumentDB versions, classes, names and ports, and
 * what a service without internet access (only on internal networks) could not pull or call, and
 * what the project's front door (`defang:ingress`) cannot carry.
 */
import { UnsupportedFeature, UnsupportedFeaturesError } from "../../model/errors";
import { ComponentModel } from "../../model/types";
import { CloudPreflight, collectProblems, ComponentCheck, PreflightSettings } from "../preflight";
import { checkFrontDoor } from "./ingress/front-door-plan";
import { DEFAULT_AWS_INGRESS } from "./ingress/ingress-choice";
import { checkDocdbUser, docdbInstanceClass, docdbInstanceCount } from "./data/docdb-sizing";
import { docdbVersion } from "./data/docdb-versions";
import { cacheNodeType } from "./data/elasticache-sizing";
import { cacheEngineVersion, rdsPostgresVersion } from "./data/engine-versions";
import { fargateSize } from "./compute/fargate-sizing";
import { fileMountProblems } from "./storage/file-mount-plan";
import { isolatedServiceProblems } from "./compute/isolated-service";
import { jobTaskCount } from "./compute/job-task-count";
import { rdsPort } from "./data/rds-port";
import { checkPostgresNames } from "./data/postgres-credentials";
import { rdsInstanceClass } from "./data/rds-sizing";
import { planNetworkPorts } from "./ingress/network-routing-plan";
import { planIngress } from "./ingress/routing-plan";

/** Pure: loads no SDK (the tables it reads live apart from the resources that use them). */
export const awsPreflight: CloudPreflight = { cloud: "aws", refusals: awsRefusals, configUses: () => [] };

function awsRefusals(components: ComponentModel[], settings: PreflightSettings = {}): UnsupportedFeature[] {
    const ingress = settings.awsIngress ?? DEFAULT_AWS_INGRESS;
    const checks: ComponentCheck[] = [];
    for (const c of components) {
        switch (c.kind) {
            case "service":
                checks.push([c.name, () => fargateSize(c.name, c.resources)], [c.name, () => planIngress(c)], [c.name, () => planNetworkPorts(c)], [c.name, () => throwing(isolatedServiceProblems(c))]);
                checks.push([c.name, () => throwing(fileMountProblems(c))]);
                checks.push([c.name, () => checkFrontDoor(c, routesOrUndefined(c), ingress)]);
                if (c.lifecycle === "job") checks.push([c.name, () => jobTaskCount(c)]);
                break;
            case "postgres":
                checks.push(
                    [c.name, () => rdsPostgresVersion(c.name, c.version)],
                    [c.name, () => rdsInstanceClass(c.name, c.resources)],
                    [c.name, () => checkPostgresNames(c.name, c.user, c.database)],
                    [c.name, () => rdsPort(c)],
                );
                break;
            case "mongo":
                checks.push(
                    [c.name, () => docdbVersion(c.name, c.version)],
                    [c.name, () => docdbInstanceClass(c.name, c.resources)],
                    [c.name, () => docdbInstanceCount(c.name, c.replicas)],
                    [c.name, () => checkDocdbUser(c.name, c.user)],
                );
                break;
            case "redis":
                checks.push([c.name, () => cacheEngineVersion(c.name, c.engine, c.version)], [c.name, () => cacheNodeType(c.name, c.resources)]);
                break;
        }
    }
    // Port 443 is the HTTPS listener's: `planIngress` refuses it to a port not served at a domain name.
    return collectProblems(checks);
}

/** The service's load balancer routes, or undefined when `planIngress` refuses them (reported by its own check). */
function routesOrUndefined(c: Parameters<typeof planIngress>[0]): ReturnType<typeof planIngress> | undefined {
    try {
        return planIngress(c);
    } catch {
        return undefined;
    }
}

/** Problems found without throwing, in the shape `collectProblems` reads. */
function throwing(problems: UnsupportedFeature[]): void {
    if (problems.length > 0) throw new UnsupportedFeaturesError("aws", problems);
}
