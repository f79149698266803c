/**
 * What AWS refuses of a project, found from the backend's own tables before anything is created:
 * Fargate sizes, load balancer routing (public HTTP ports, HTTP/2 and gRPC over HTTPS, the HTTPS
 * port, network load balancer ports),
 * RDS and ElastiCache versions, classes, names and ports.
 */
import { UnsupportedFeature } from "../../model/errors";
import { ComponentModel } from "../../model/types";
import { collectProblems, ComponentCheck } from "../preflight";
import { cacheNodeType } from "./elasticache-sizing";
import { cacheEngineVersion, rdsPostgresVersion } from "./engine-versions";
import { fargateSize } from "./fargate-size";
import { rdsPort } from "./postgres";
import { checkPostgresNames } from "./postgres-credentials";
import { rdsInstanceClass } from "./rds-sizing";
import { planNetworkPorts } from "./network-routing-plan";
import { HTTPS_PORT, planIngress } from "./routing-plan";

export function awsPreflight(components: ComponentModel[]): UnsupportedFeature[] {
    const checks: ComponentCheck[] = [];
    for (const c of components) {
        switch (c.kind) {
            case "service":
                checks.push([c.name, () => fargateSize(c.name, c.resources)], [c.name, () => planIngress(c)], [c.name, () => planNetworkPorts(c)]);
                break;
            case "postgres":
                checks.push(
                    [c.name, () => rdsPostgresVersion(c.name, c.version)],
                    [c.name, () => rdsInstanceClass(c.name, c.resources)],
                    [c.name, () => checkPostgresNames(c.name, c.user, c.database)],
                    [c.name, () => rdsPort(c)],
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
