/**
 * The address plan and task placement of the project VPC: pure functions, no resources.
 *
 * The VPC is cut into blocks 4 bits longer than its prefix (a /16 gives sixteen /20s of 4,096
 * addresses). Public subnets take the first blocks, private subnets the blocks from the middle on,
 * so that either tier can grow to more zones without renumbering the other.
 */
import { InfrastructureOptions } from "../../backend";

/** The VPC's address range: a private (RFC 1918) /16, room for every subnet this package makes. */
export const VPC_CIDR = "10.0.0.0/16";

/** Availability zones used: two, the fewest an application load balancer accepts and enough to survive the loss of one. */
export const AZ_COUNT = 2;

/** How much longer a subnet prefix is than the VPC's: /16 -> /20, 4,096 addresses per subnet (each Fargate task takes one). */
export const SUBNET_PREFIX_EXTRA_BITS = 4;

export interface SubnetPlan {
    /** One CIDR per availability zone, in zone order. */
    public: string[];
    private: string[];
}

/** Parses `a.b.c.d/n` into a 32-bit address and a prefix length. */
export function parseCidr(cidr: string): { address: number; prefix: number } {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
    if (!m) throw new Error(`invalid IPv4 CIDR "${cidr}"`);
    const octets = m.slice(1, 5).map(Number);
    const prefix = Number(m[5]);
    if (octets.some((o) => o > 255) || prefix > 32) throw new Error(`invalid IPv4 CIDR "${cidr}"`);
    const address = octets.reduce((a, o) => a * 256 + o, 0);
    const size = 2 ** (32 - prefix);
    if (address % size !== 0) throw new Error(`CIDR "${cidr}" has host bits set`);
    return { address, prefix };
}

function formatCidr(address: number, prefix: number): string {
    const octets = [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256);
    return `${octets.join(".")}/${prefix}`;
}

/** The `index`-th block of prefix length `newPrefix` inside `cidr` (like Terraform's `cidrsubnet`). */
export function subnetCidr(cidr: string, newPrefix: number, index: number): string {
    const { address, prefix } = parseCidr(cidr);
    if (!Number.isInteger(newPrefix) || newPrefix < prefix || newPrefix > 32) throw new Error(`cannot cut /${newPrefix} subnets out of ${cidr}`);
    const count = 2 ** (newPrefix - prefix);
    if (!Number.isInteger(index) || index < 0 || index >= count) throw new Error(`${cidr} has ${count} /${newPrefix} subnets; index ${index} is out of range`);
    return formatCidr(address + index * 2 ** (32 - newPrefix), newPrefix);
}

/** Public and private subnet CIDRs for `azCount` zones: public blocks from the start, private from the middle. */
export function planSubnets(vpcCidr: string, azCount: number): SubnetPlan {
    const { prefix } = parseCidr(vpcCidr);
    const newPrefix = prefix + SUBNET_PREFIX_EXTRA_BITS;
    const half = 2 ** SUBNET_PREFIX_EXTRA_BITS / 2;
    if (azCount < 1 || azCount > half) throw new Error(`a plan has room for 1 to ${half} availability zones, not ${azCount}`);
    const zones = [...Array(azCount).keys()];
    return {
        public: zones.map((i) => subnetCidr(vpcCidr, newPrefix, i)),
        private: zones.map((i) => subnetCidr(vpcCidr, newPrefix, half + i)),
    };
}

/**
 * Subnet CIDRs of the isolated tier (no route to the internet, for services only on compose
 * `internal: true` networks): the blocks from the first quarter on, between the public and the private ones.
 */
export function isolatedSubnetCidrs(vpcCidr: string, azCount: number): string[] {
    const { prefix } = parseCidr(vpcCidr);
    const quarter = 2 ** SUBNET_PREFIX_EXTRA_BITS / 4;
    if (azCount < 1 || azCount > quarter) throw new Error(`the isolated tier has room for 1 to ${quarter} availability zones, not ${azCount}`);
    return [...Array(azCount).keys()].map((i) => subnetCidr(vpcCidr, prefix + SUBNET_PREFIX_EXTRA_BITS, quarter + i));
}

/** How many NAT gateways a choice of `nat` costs. */
export function natGatewayCount(nat: InfrastructureOptions["nat"], azCount: number): number {
    switch (nat) {
        case "none":
            return 0;
        case "single":
            return 1;
        case "per-az":
            return azCount;
    }
}

/**
 * The NAT gateway each zone's private subnet sends internet traffic through (an index into the
 * gateways), or undefined when there is none.
 */
export function natGatewayForZone(nat: InfrastructureOptions["nat"], zone: number): number | undefined {
    switch (nat) {
        case "none":
            return undefined;
        case "single":
            return 0;
        case "per-az":
            return zone;
    }
}

export interface TaskPlacement {
    /** The subnet tier service tasks run in. */
    tier: "public" | "private";
    /** Whether tasks get a public address (their only way out without a NAT gateway). */
    assignPublicIp: boolean;
}

/**
 * Where service tasks run: without NAT, in the public subnets with a public address (their security
 * groups admit nothing from the internet); with NAT, in the private subnets without one.
 */
export function taskPlacement(nat: InfrastructureOptions["nat"]): TaskPlacement {
    return nat === "none" ? { tier: "public", assignPublicIp: true } : { tier: "private", assignPublicIp: false };
}
