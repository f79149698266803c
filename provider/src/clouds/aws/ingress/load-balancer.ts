/**
 * The project's internet-facing application load balancer, with its listeners created as services
 * ask for them. Behind CloudFront (`defang:ingress cloudfront`, the default) its security group
 * admits only CloudFront's origin-facing addresses, plus 443 and 80 from the internet when a service
 * has a domain name; with `alb-http` it admits exactly the listener ports from the internet. It sends
 * only into the VPC. When the project has a domain name, port 80's default action redirects to HTTPS.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ListenerHandle, LoadBalancerHandle } from "../types";
import { catchAllPriorityCounter, priorityCounter } from "./listener-priorities";
import { HTTP_PORT, HTTPS_PORT } from "./listener-ports";
import { createOriginAccess } from "./origin-access";

export { HTTP_PORT, HTTPS_PORT };

/** TLS policy of the HTTPS listener: TLS 1.3, and TLS 1.2 with forward-secret AEAD ciphers only (no TLS 1.0/1.1, no CBC). */
export const HTTPS_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

/** What a request that matches no service gets: a plain 404 that reveals nothing about the project. */
export const NO_SERVICE_RESPONSE = { contentType: "text/plain", messageBody: "no service here", statusCode: "404" } as const;

/** Port 80's default action when the project has a domain name: the same URL over HTTPS, permanently. */
export const REDIRECT_TO_HTTPS = { protocol: "HTTPS", port: String(HTTPS_PORT), statusCode: "HTTP_301" } as const;

/** Anywhere on the internet. */
const ANYWHERE_IPV4 = "0.0.0.0/0";
const ANYWHERE_IPV6 = "::/0";

export interface LoadBalancerArgs {
    name: string;
    vpcId: pulumi.Input<string>;
    vpcCidr: string;
    publicSubnetIds: pulumi.Input<string>[];
    tags: Record<string, string>;
    parent: pulumi.ComponentResource;
    /** `cloudfront`: only CloudFront reaches the listener ports of services without a domain name. `internet`: the internet does (`defang:ingress alb-http`). */
    reach: "cloudfront" | "internet";
    /** Some service has a domain name: port 80's default action redirects to HTTPS. */
    redirectHttp: boolean;
}

export function createLoadBalancer({ name, vpcId, vpcCidr, publicSubnetIds, tags, parent, reach, redirectHttp }: LoadBalancerArgs): LoadBalancerHandle {
    const opts = { parent };
    const description = reach === "cloudfront" ? "Load balancer: CloudFront, and HTTPS and its redirect from the internet; out to the VPC only" : "Load balancer: listener ports from the internet, out to the VPC only";
    const securityGroup = new aws.ec2.SecurityGroup(`${name}-lb-sg`, { vpcId, description, tags }, opts);
    // The load balancer only ever talks to targets in the VPC.
    new aws.vpc.SecurityGroupEgressRule(`${name}-lb-egress`, { securityGroupId: securityGroup.id, ipProtocol: "tcp", fromPort: 0, toPort: 65535, cidrIpv4: vpcCidr, description: "to targets in the VPC", tags }, opts);

    const loadBalancer = new aws.lb.LoadBalancer(
        `${name}-lb`,
        {
            loadBalancerType: "application",
            internal: false,
            subnets: publicSubnetIds,
            securityGroups: [securityGroup.id],
            // Requests with header names that are not valid HTTP are dropped, not passed to services (request smuggling).
            dropInvalidHeaderFields: true,
            tags,
        },
        opts,
    );

    const originAccess = reach === "cloudfront" ? createOriginAccess({ name, securityGroupId: securityGroup.id, tags, parent }) : undefined;

    const admitted = new Set<number>();
    const admit = (port: number) => {
        if (admitted.has(port)) return;
        admitted.add(port);
        for (const [family, cidr] of [
            ["ipv4", ANYWHERE_IPV4],
            ["ipv6", ANYWHERE_IPV6],
        ] as const) {
            new aws.vpc.SecurityGroupIngressRule(
                `${name}-lb-ingress-${port}-${family}`,
                { securityGroupId: securityGroup.id, ipProtocol: "tcp", fromPort: port, toPort: port, ...(family === "ipv4" ? { cidrIpv4: cidr } : { cidrIpv6: cidr }), description: `listener port ${port}`, tags },
                opts,
            );
        }
    };

    const handle = (port: number, resource: aws.lb.Listener): ListenerHandle => ({ arn: resource.arn, port, resource, nextPriority: priorityCounter(port), nextCatchAllPriority: catchAllPriorityCounter(port) });

    const httpListeners = new Map<number, ListenerHandle>();
    let https: ListenerHandle | undefined;

    const httpListener = (port: number, fromInternet = reach === "internet"): ListenerHandle => {
        checkPort(port);
        if (port === HTTPS_PORT && https) throw new Error(`port ${HTTPS_PORT} of the load balancer is its HTTPS listener; choose another port for plain HTTP`);
        if (fromInternet) admit(port);
        let listener = httpListeners.get(port);
        if (!listener) {
            const defaultAction = port === HTTP_PORT && redirectHttp ? { type: "redirect", redirect: { ...REDIRECT_TO_HTTPS } } : { type: "fixed-response", fixedResponse: { ...NO_SERVICE_RESPONSE } };
            const resource = new aws.lb.Listener(`${name}-listener-${port}`, { loadBalancerArn: loadBalancer.arn, port, protocol: "HTTP", defaultActions: [defaultAction], tags }, opts);
            listener = handle(port, resource);
            httpListeners.set(port, listener);
        }
        return listener;
    };

    const httpsListener = (certificateArn: pulumi.Output<string>, host: string, owner: pulumi.ComponentResource, ownerName: string): ListenerHandle => {
        if (httpListeners.has(HTTPS_PORT)) throw new Error(`port ${HTTPS_PORT} of the load balancer already serves plain HTTP; it cannot also serve HTTPS`);
        if (!https) {
            admit(HTTPS_PORT);
            const resource = new aws.lb.Listener(
                `${name}-listener-${HTTPS_PORT}`,
                {
                    loadBalancerArn: loadBalancer.arn,
                    port: HTTPS_PORT,
                    protocol: "HTTPS",
                    sslPolicy: HTTPS_SSL_POLICY,
                    certificateArn,
                    defaultActions: [{ type: "fixed-response", fixedResponse: { ...NO_SERVICE_RESPONSE } }],
                    tags,
                },
                opts,
            );
            https = handle(HTTPS_PORT, resource);
        } else {
            new aws.lb.ListenerCertificate(`${ownerName}-listener-certificate`, { listenerArn: https.arn, certificateArn }, { parent: owner });
        }
        // The redirect is port 80's default action; this host rule keeps it ahead of a catch-all rule on port 80.
        const http = httpListener(HTTP_PORT, true);
        new aws.lb.ListenerRule(
            `${ownerName}-https-redirect`,
            {
                listenerArn: http.arn,
                priority: http.nextPriority(),
                conditions: [{ hostHeader: { values: [host] } }],
                actions: [{ type: "redirect", redirect: { ...REDIRECT_TO_HTTPS } }],
                tags,
            },
            { parent: owner },
        );
        return https;
    };

    return {
        arn: loadBalancer.arn,
        dnsName: loadBalancer.dnsName,
        zoneId: loadBalancer.zoneId,
        securityGroupId: securityGroup.id,
        originHeader: originAccess?.header,
        httpListener,
        httpsListener,
    };
}

function checkPort(port: number): void {
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`load balancer listener port ${port} is not a port number (1-65535)`);
}
