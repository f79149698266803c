/**
 * What each AWS front door (`ingress-choice.ts`) can carry of a service's public HTTP ports, checked
 * before anything is created: pure, no SDK. Every problem of a service is reported at once.
 *
 * API Gateway HTTP APIs (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html)
 * end an integration after 30 seconds, take request bodies up to 10 MB, speak HTTP/1.1 to the
 * integration (no gRPC, no HTTP/2) and carry no WebSockets; a Cloud Map integration reaches one port of
 * a service. Compose declares no request timeout or body size, so those two are documented, not checked;
 * what a port declares (`app_protocol`) and how many public ports a service has are checked.
 */
import { UnsupportedFeature, UnsupportedFeaturesError } from "../../../model/errors";
import { ServiceModel } from "../../../model/types";
import { AwsIngress } from "./ingress-choice";
import { httpIngressPorts, IngressRoute } from "./routing-plan";

/** Seconds an API Gateway HTTP API waits for its integration: its maximum. */
export const API_GATEWAY_TIMEOUT_SECONDS = 30;

/** The largest request body an API Gateway HTTP API accepts. */
export const API_GATEWAY_MAX_PAYLOAD_MB = 10;

/** `app_protocol` values that mean a WebSocket, which API Gateway HTTP APIs do not carry. */
const WEBSOCKET_PROTOCOLS = new Set(["ws", "wss", "websocket"]);

/** `app_protocol` values that need HTTP/2 to the service. */
const HTTP2_PROTOCOLS = new Set(["grpc", "http2", "h2", "h2c"]);

/** CloudFront reaches a custom origin's HTTP on 80, 443 or 1024-65535 only. */
export function isCloudFrontOriginPort(port: number): boolean {
    return port === 80 || port === 443 || (port >= 1024 && port <= 65535);
}

/** Whether the route is served through the project's front door (not at the service's domain name, which the load balancer serves with its certificate). */
export function servedByFrontDoor(route: IngressRoute): boolean {
    return !route.https && route.plainHttp;
}

/**
 * Every problem of the service's public HTTP ports with the chosen front door. `routes` are the
 * service's planned routes (`planIngress`), or undefined when the load balancer already refused them.
 */
export function frontDoorProblems(model: ServiceModel, routes: IngressRoute[] | undefined, ingress: AwsIngress): UnsupportedFeature[] {
    const problems: UnsupportedFeature[] = [];
    const problem = (portIndex: number, message: string, hint: string) => problems.push({ service: model.name, field: `ports[${portIndex}]`, message, hint });
    if (ingress === "cloudfront") {
        for (const route of (routes ?? []).filter(servedByFrontDoor)) {
            if (!isCloudFrontOriginPort(route.listenerPort)) {
                problem(
                    route.portIndex,
                    `is published on port ${route.listenerPort}, which CloudFront (the HTTPS front door, defang:ingress cloudfront) cannot reach: it reaches origins on 80, 443 or 1024-65535`,
                    "publish it on 80 or on a port from 1024 up (the public endpoint is https:// on 443 either way)",
                );
            }
        }
    }
    if (ingress === "apigateway") {
        if (model.domainname) {
            problems.push({
                service: model.name,
                field: "domainname",
                message: "is not served by the API Gateway front door (defang:ingress apigateway): custom domains are not mapped to it yet",
                hint: "use defang:ingress cloudfront (the default), whose load balancer serves the domain over HTTPS",
            });
        }
        const ports = httpIngressPorts(model);
        for (const { port, portIndex } of ports) {
            const protocol = port.appProtocol?.toLowerCase();
            if (protocol && WEBSOCKET_PROTOCOLS.has(protocol)) {
                problem(
                    portIndex,
                    `declares app_protocol ${port.appProtocol}: API Gateway HTTP APIs (defang:ingress apigateway) do not carry WebSockets`,
                    "use defang:ingress cloudfront (the default), which carries WebSockets",
                );
            } else if (protocol && HTTP2_PROTOCOLS.has(protocol)) {
                problem(
                    portIndex,
                    `declares app_protocol ${port.appProtocol}: API Gateway HTTP APIs (defang:ingress apigateway) speak HTTP/1.1 to the service (no gRPC, no HTTP/2)`,
                    "use defang:ingress cloudfront (the default) with a `domainname`",
                );
            }
        }
        ports
            .slice(1)
            .forEach(({ portIndex }) =>
                problem(
                    portIndex,
                    `is a second public HTTP port: the API Gateway front door (defang:ingress apigateway) reaches one port of a service through Cloud Map`,
                    "make the other ports private (`expose`), or use defang:ingress cloudfront (the default)",
                ),
            );
    }
    return problems;
}

/** Throws `UnsupportedFeaturesError` listing every problem of `frontDoorProblems`. */
export function checkFrontDoor(model: ServiceModel, routes: IngressRoute[] | undefined, ingress: AwsIngress): void {
    const problems = frontDoorProblems(model, routes, ingress);
    if (problems.length > 0) throw new UnsupportedFeaturesError("aws", problems);
}
