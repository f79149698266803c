/**
 * What AWS refuses of a project, found from the backend's own tables before anything is created:
 * Fargate sizes, load balancer routing (ingress ports, HTTP/2 and gRPC over HTTPS, the HTTPS port),
 * RDS, ElastiCache and DocumentDB versions, classes, names and ports.
 */
import { UnsupportedFeature } from "../../model/errors";
import { ComponentModel } from "../../model/types";
import { CloudPreflight, collectProblems, ComponentCheck } from "../preflight";
import { checkDocdbUser, docdbInstanceClass, docdbInstanceCount } from "./docdb-sizing";
import { docdbVersion } from "./docdb-versions";
import { cacheNodeType } from "./elasticache-sizing";
import { cacheEngineVersion, rdsPostgresVersion } from "./engine-versions";
import { fargateSize } from "./fargate-size";
import { jobTaskCount } from "./job-task-count";
import { HTTPS_PORT } from "./listener-ports";
import { rdsPort } from "./rds-port";
import { checkPostgresNames } from "./postgres-credentials";
import { rdsInstanceClass } from "./rds-sizing";
import { planIngress } from "./routing-plan";

/** Pure: loads no SDK (the tables it reads live apart from the resources that use them). */
export const awsPreflight: CloudPreflight = { cloud: "aws", refusals: awsRefusals, configUses: () => [] };

function awsRefusals(components: ComponentModel[]): UnsupportedFeature[] {
    const checks: ComponentCheck[] = [];
    for (const c of components) {
        switch (c.kind) {
            case "service":
                checks.push([c.name, () => fargateSize(c.name, c.resources)], [c.name, () => planIngress(c)]);
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
    return [...collectProblems(checks), ...httpsPortConflicts(components)];
}

/**
 * With a domain name in the project, port 443 of the shared load balancer is its HTTPS listener, so
 * no service can also be public there over plain HTTP.
 */
function httpsPortConflicts(components: ComponentModel[]): UnsupportedFeature[] {
    if (!components.some((c) => c.kind === "service" && c.domainname)) return [];
    const out: UnsupportedFeature[] = [];
    for (const c of components) {
        if (c.kind !== "service") continue;
        let routes;
        try {
            routes = planIngress(c);
        } catch {
            continue; // reported by the service's own checks
        }
        for (const r of routes) {
            if (r.listenerPort !== HTTPS_PORT || !r.plainHttp) continue;
            out.push({
                service: c.name,
                field: `ports[${r.portIndex}]`,
                message: `is public on port ${HTTPS_PORT} over plain HTTP, but ${HTTPS_PORT} is the load balancer's HTTPS listener (the project has a domain name)`,
                hint: "listen on (or publish) another port",
            });
        }
    }
    return out;
}
