/**
 * Stack config the Google Cloud backend reads, with its defaults. `gcp:project` and `gcp:region`
 * are the Google Cloud provider's own settings; the `defang:*` knobs are this package's.
 */
import * as pulumi from "@pulumi/pulumi";
import { InvalidArgumentError } from "../../model/errors";
import { stackSetting } from "../stack-settings";

/** The region when `gcp:region` is not set: Iowa, a tier-1 (cheapest) Cloud Run and Cloud SQL region. */
export const DEFAULT_REGION = "us-central1";
/** The subnet services send their VPC traffic from (Direct VPC egress takes addresses from it; a /20 fits thousands of instances). */
export const DEFAULT_SUBNET_CIDR = "10.128.0.0/20";

export interface GcpOptions {
    project: string;
    region: string;
    /** `defang:subnetCidr`. @default "10.128.0.0/20" */
    subnetCidr: string;
    /**
     * `defang:isolatedSubnetCidr`: the subnet of services only on `internal: true` networks, which has
     * no Cloud NAT (no internet egress). @default the block of the same size right after `subnetCidr` ("10.128.16.0/20")
     */
    isolatedSubnetCidr: string;
    /** `defang:redisHighAvailability`: a Standard-tier Memorystore instance with a replica in another zone. @default false */
    redisHighAvailability: boolean;
    /** `defang:scaleToZero`: Cloud Run services keep no idle instance (cold starts; pay per request only). @default false */
    scaleToZero: boolean;
    /** `defang:dnsZone`: a Cloud DNS managed zone in which domain names get their A record. @default none (point the name at the load balancer yourself) */
    dnsZone?: string;
    /** `defang:gpu`: the GPU type of services whose GPU request names none (see `cloud-run-gpu.ts`). @default nvidia-l4 */
    gpu?: string;
}

/** The options of the stack; throws, naming the command that fixes it, when `gcp:project` is not set. */
export function gcpOptions(component = "defang"): GcpOptions {
    const gcpConfig = new pulumi.Config("gcp");
    const project = gcpConfig.get("project") ?? process.env.GOOGLE_CLOUD_PROJECT ?? process.env.GOOGLE_PROJECT;
    if (!project) throw new InvalidArgumentError(component, "gcp:project", "is not set", "run `pulumi config set gcp:project <project id>`");
    const dnsZone = stackSetting("dnsZone");
    const gpu = stackSetting("gpu");
    const subnetCidr = stackSetting("subnetCidr") ?? DEFAULT_SUBNET_CIDR;
    return {
        project,
        region: gcpConfig.get("region") ?? process.env.GOOGLE_CLOUD_REGION ?? DEFAULT_REGION,
        subnetCidr,
        isolatedSubnetCidr: stackSetting("isolatedSubnetCidr") ?? nextBlock(subnetCidr, "defang:subnetCidr"),
        redisHighAvailability: stackSetting("redisHighAvailability") ?? false,
        scaleToZero: stackSetting("scaleToZero") ?? false,
        ...(dnsZone ? { dnsZone } : {}),
        ...(gpu ? { gpu } : {}),
    };
}

/** The IPv4 block of the same size right after `cidr` (`10.128.0.0/20` -> `10.128.16.0/20`). */
export function nextBlock(cidr: string, setting: string): string {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr.trim());
    const octets = m ? m.slice(1, 5).map(Number) : [];
    const prefix = m ? Number(m[5]) : -1;
    if (!m || octets.some((o) => o > 255) || prefix < 8 || prefix > 29) {
        throw new InvalidArgumentError("defang", setting, `(${cidr}) is not an IPv4 range between /8 and /29`, `set it like 10.128.0.0/20`);
    }
    const size = 2 ** (32 - prefix);
    const address = octets.reduce((n, o) => n * 256 + o, 0);
    const next = address - (address % size) + size;
    if (next + size > 2 ** 32) throw new InvalidArgumentError("defang", setting, `(${cidr}) leaves no room for the isolated subnet after it`, "set defang:isolatedSubnetCidr");
    return `${[24, 16, 8, 0].map((shift) => Math.floor(next / 2 ** shift) % 256).join(".")}/${prefix}`;
}

/** Labels of every resource that takes them: Google Cloud label values are lower-case letters, digits, `_` and `-`, at most 63. */
export function projectLabels(projectName: string): Record<string, string> {
    const value = projectName
        .toLowerCase()
        .replace(/[^a-z0-9_-]/g, "-")
        .slice(0, 63);
    return { "defang-project": value, "managed-by": "pulumi-defang" };
}
