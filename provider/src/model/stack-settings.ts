/**
 * Every `defang:*` stack setting the package reads (`pulumi config set defang:<name> <value>`), in
 * one typed table: the schema's `config` section is written from it, and the code reads the
 * settings only through `clouds/stack-settings.ts`, whose keys are this table's. Descriptions say
 * which clouds read a setting; the others ignore it.
 */
import { CLOUD_NAMES } from "./types";

/** How a setting's text is read: a string (maybe one of `choices`), a whole number, or `true`/`false`. */
export type StackSettingType = "string" | "integer" | "boolean";

export interface StackSetting {
    type: StackSettingType;
    /** The values a closed set allows. */
    choices?: readonly string[];
    /** The value used when the setting is not set, when there is one. */
    default?: string | number | boolean;
    description: string;
}

export const STACK_SETTINGS = {
    provider: {
        type: "string",
        choices: CLOUD_NAMES,
        description: "The cloud of components without a `cloud` argument. Default: the `DEFANG_PROVIDER` environment variable.",
    },
    nat: {
        type: "string",
        choices: ["none", "single", "per-az"],
        default: "none",
        description:
            "Outbound internet access of the services through NAT: `none`, one gateway (`single`), or one per availability zone (`per-az`, AWS; the same as `single` elsewhere). AWS and Google Cloud; DigitalOcean apps always reach the internet. A `DefangProject`'s `infrastructure.nat` wins.",
    },
    logRetentionDays: {
        type: "integer",
        default: 30,
        description: "Days the services' logs are kept (AWS CloudWatch log groups). A `DefangProject`'s `infrastructure.logRetentionDays` wins.",
    },
    deletionProtection: {
        type: "boolean",
        default: false,
        description: "Managed databases and caches refuse deletion until it is turned off (AWS and Google Cloud). A `DefangProject`'s `infrastructure.deletionProtection` wins.",
    },
    redisTls: {
        type: "boolean",
        default: true,
        description: "In-transit encryption (with AUTH) of the managed Redis and Valkey caches (AWS and Google Cloud; DigitalOcean always uses TLS). A `DefangProject`'s `infrastructure.redisTls` wins.",
    },
    ingress: {
        type: "string",
        choices: ["cloudfront", "alb-http", "apigateway"],
        default: "cloudfront",
        description:
            "AWS: the front door of public HTTP ports without a `domainname`: `cloudfront` (HTTPS at a CloudFront domain, the load balancer admits only CloudFront), `alb-http` (the load balancer serves plain HTTP to the internet), or `apigateway` (an API Gateway HTTP API per port, no load balancer; no WebSockets, 30 s requests, 10 MB bodies).",
    },
    hostedZone: {
        type: "string",
        description: "AWS: the Route 53 public hosted zone that holds the services' domain names. Default: the domain name's last two labels.",
    },
    dnsZone: {
        type: "string",
        description: "Google Cloud: the Cloud DNS managed zone in which domain names get their A record. Default: none (point the name at the load balancer yourself).",
    },
    subnetCidr: {
        type: "string",
        default: "10.128.0.0/20",
        description: "Google Cloud: the address range of the project's subnet.",
    },
    isolatedSubnetCidr: {
        type: "string",
        description: "Google Cloud: the subnet of services only on `internal: true` networks. Default: the block after `defang:subnetCidr`.",
    },
    retainVolumes: {
        type: "boolean",
        default: true,
        description: "The file system (AWS EFS) or bucket (Google Cloud) of the project's named volumes is kept, with its data, when the stack is destroyed. A `DefangProject`'s `infrastructure.retainVolumes` wins.",
    },
    gpu: {
        type: "string",
        description: "Google Cloud: the GPU type of services that reserve a GPU without naming one (`nvidia-l4`, `nvidia-rtx-pro-6000`). Default: nvidia-l4.",
    },
    redisHighAvailability: {
        type: "boolean",
        default: false,
        description: "Google Cloud: Standard-tier Memorystore instances, with a replica in another zone.",
    },
    scaleToZero: {
        type: "boolean",
        default: false,
        description: "Google Cloud: Cloud Run services keep no idle instance (cold starts; pay per request only).",
    },
    region: {
        type: "string",
        default: "nyc3",
        description: "DigitalOcean: the region of the App and its databases. Default: `digitalocean:region`, else nyc3.",
    },
    privateNetworking: {
        type: "boolean",
        default: true,
        description: "DigitalOcean: managed databases are reached over the project's VPC.",
    },
    registry: {
        type: "string",
        description: "DigitalOcean: the name of an existing container registry (DOCR) to push built images to. Default: a new registry on the free tier.",
    },
    doBuilder: {
        type: "string",
        choices: ["remote", "local", "none"],
        default: "remote",
        description:
            "DigitalOcean: how a local build context is built: `remote` in your account (a temporary App job that pushes to DOCR), `local` with this machine's Docker (pushed to DOCR), or `none` to refuse local contexts (use a git context). Default: the `DEFANG_DO_BUILDER` environment variable, else remote.",
    },
} as const satisfies Record<string, StackSetting>;

/** The name of a `defang:*` setting. */
export type StackSettingName = keyof typeof STACK_SETTINGS;
