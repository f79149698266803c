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
import { planIngress } from "./routing-plan";

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
    // Port 443 is the HTTPS listener's: `planIngress` refuses it to a port not served at a domain name.
    return collectProblems(checks);
}

