/**
 * The table, part 4: how a service is reached (ports, expose, networks, names, DNS).
 */
import { AttributeEntry, PerCloud, approximated, entry, everywhere, mapped, refused } from "./types";

const port: PerCloud = {
    aws: mapped(
        "public HTTP: HTTPS at a CloudFront distribution in front of an ALB listener on the published port, rule and target group (`defang:ingress`: an API Gateway HTTP API through Cloud Map, or plain HTTP at the ALB); public TCP/UDP: NLB listener and target group; private: security group rule from the project's services and Cloud Map name",
    ),
    gcp: mapped("Cloud Run container port: public through its HTTPS URL (443) or the load balancer; private: internal ingress"),
    digitalocean: mapped("App Platform `http_port` (the public port; the one published on 80/443 is served at `/`) or `internal_ports` (private)"),
};
const byAddress = (attr: string) => everywhere(approximated(`\`${attr}\` is not applied: the cloud gives each container its own address`));

export const SERVICE_NETWORK: AttributeEntry[] = [
    entry("ports", "the ports the container listens on: `ingress` ones are public, `host` ones reachable by the project's services", port, {
        features: ["udp-port", "multiple-ingress-ports", "non-http-port", "private-tcp-port", "http2-port", "published-port", "published-range"],
    }),
    entry("ports[].target", "the container port", port),
    entry("ports[].published", "the public port: the load balancer listens on it (AWS); Cloud Run and App Platform serve 443 and 80 only, and warn about another", port, {
        features: ["published-port", "published-range"],
    }),
    entry("ports[].mode", "`ingress`: public through the cloud's front end; `host`: reachable from the project's services only", port),
    entry("ports[].protocol", "TCP, or UDP where the cloud carries it", port, { features: ["udp-port"] }),
    entry(
        "ports[].app_protocol",
        "HTTP, HTTP/2 or gRPC behind the front end; another protocol is not HTTP (a network load balancer on AWS)",
        {
            aws: mapped("target group `protocolVersion` (HTTP1, HTTP2, GRPC)"),
            gcp: mapped("Cloud Run port name (`h2c` for HTTP/2 and gRPC)"),
            digitalocean: mapped("component `protocol` (HTTP or HTTP2)"),
        },
        { features: ["non-http-port", "http2-port"] },
    ),
    entry(
        "ports[].host_ip",
        "the host address a port is bound to: a loopback or private address (127.0.0.1, ::1, 10/8, 172.16/12, 192.168/16, fc00::/7) keeps it off the internet, so the port becomes private (reachable by the project's services only; the loader warns); another specific address cannot be chosen (public, with a warning)",
        port,
    ),
    entry("ports[].name", "documentation of the port's use: Docker does nothing with it either", everywhere(mapped("documentation only (Docker applies nothing either)"))),
    entry(
        "expose",
        "ports reachable by the project's services only, never published",
        {
            aws: mapped("security group ingress from the project's services, and the Cloud Map name"),
            gcp: mapped("an internal-ingress Cloud Run service (HTTP); a port that does not carry HTTP is refused"),
            digitalocean: mapped("App Platform `internal_ports`"),
        },
        { features: ["private-tcp-port"] },
    ),
    entry("networks", "the project's networks the service joins: every service of the project shares one private network", everywhere(mapped("the project's private network: services reach each other by name")), {
        features: ["internal-network", "internal-network-ingress"],
    }),
    entry("networks.*.aliases", "extra names other services reach this one by", {
        aws: mapped("Cloud Map service names in the project's private DNS namespace"),
        gcp: mapped("Service Directory names in the project's private DNS zone"),
        digitalocean: mapped("App Platform component names"),
    }),
    entry("networks.*.ipv4_address", "a fixed address", byAddress("networks.<n>.ipv4_address")),
    entry("networks.*.ipv6_address", "a fixed address", byAddress("networks.<n>.ipv6_address")),
    entry("networks.*.link_local_ips", "fixed link-local addresses", byAddress("networks.<n>.link_local_ips")),
    entry("networks.*.mac_address", "a fixed MAC address", byAddress("networks.<n>.mac_address")),
    entry("networks.*.interface_name", "the interface's name in the container", byAddress("networks.<n>.interface_name")),
    entry("networks.*.priority", "the order in which networks are connected", byAddress("networks.<n>.priority")),
    entry("networks.*.gw_priority", "the network that gives the default gateway", byAddress("networks.<n>.gw_priority")),
    entry("networks.*.driver_opts", "options of the network driver", byAddress("networks.<n>.driver_opts")),
    entry("network_mode", "the default (`bridge`) is one address per service", everywhere(mapped("each service has its own network address")), { features: ["network-mode-host", "network-mode-shared"] }),
    entry("mac_address", "a fixed MAC address", byAddress("mac_address")),
    entry("hostname", "the container's own host name: other services reach it by service name in the cloud", everywhere(approximated("`hostname` is not applied: services reach each other by service name"))),
    entry("domainname", "the public domain name of the service", {
        aws: mapped("ACM certificate, Route 53 records and an ALB host rule"),
        gcp: mapped("managed certificate and a host rule of the HTTPS load balancer"),
        digitalocean: mapped("App Platform domain"),
    }),
    entry("dns", "name servers of the container", everywhere(approximated("`dns` is not applied: the cloud's resolver answers, including the project's private names"))),
    entry("dns_search", "search domains of the container", everywhere(approximated("`dns_search` is not applied: the cloud's resolver settings apply"))),
    entry("dns_opt", "resolver options of the container", everywhere(approximated("`dns_opt` is not applied: the cloud's resolver settings apply"))),
    entry("extra_hosts", "lines added to /etc/hosts", everywhere(approximated("`extra_hosts` is not applied: the names resolve through DNS only; use a domain name or the service's name"))),
    entry(
        "links",
        "legacy: services already reach each other by name",
        everywhere(approximated("`links` are not needed: services reach each other by service name; a link alias (`db:database`) is not a name in the cloud, use `networks.<n>.aliases`")),
    ),
    entry("external_links", "containers outside the project: there are none in the cloud", everywhere(refused("external-links"))),
];
