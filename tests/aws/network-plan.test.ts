/**
 * The VPC address plan and task placement: subnet CIDRs inside the VPC, disjoint, one per zone and
 * tier; NAT gateway counts and routing per `nat` choice; where tasks run.
 */
import { strict as assert } from "assert";
import { AZ_COUNT, VPC_CIDR, natGatewayCount, natGatewayForZone, parseCidr, planSubnets, subnetCidr, taskPlacement } from "../../provider/src/clouds/aws/network/network-plan";

function contains(outer: string, inner: string): boolean {
    const o = parseCidr(outer);
    const i = parseCidr(inner);
    return i.prefix >= o.prefix && i.address >= o.address && i.address + 2 ** (32 - i.prefix) <= o.address + 2 ** (32 - o.prefix);
}

function overlaps(a: string, b: string): boolean {
    return contains(a, b) || contains(b, a);
}

describe("aws network plan", () => {
    it("parses CIDRs and rejects malformed ones", () => {
        assert.deepEqual(parseCidr("10.0.0.0/16"), { address: 10 * 2 ** 24, prefix: 16 });
        assert.deepEqual(parseCidr("192.168.1.128/25"), { address: ((192 * 256 + 168) * 256 + 1) * 256 + 128, prefix: 25 });
        for (const bad of ["10.0.0.0", "10.0.0/16", "10.0.0.256/24", "10.0.0.0/33", "10.0.1.0/16", "a.b.c.d/8"]) {
            assert.throws(() => parseCidr(bad), /CIDR/, bad);
        }
    });

    it("cuts the n-th block of a CIDR like cidrsubnet", () => {
        assert.equal(subnetCidr("10.0.0.0/16", 20, 0), "10.0.0.0/20");
        assert.equal(subnetCidr("10.0.0.0/16", 20, 1), "10.0.16.0/20");
        assert.equal(subnetCidr("10.0.0.0/16", 20, 15), "10.0.240.0/20");
        assert.equal(subnetCidr("10.0.0.0/16", 24, 255), "10.0.255.0/24");
        assert.equal(subnetCidr("172.16.0.0/12", 16, 3), "172.19.0.0/16");
        assert.throws(() => subnetCidr("10.0.0.0/16", 20, 16), /out of range/);
        assert.throws(() => subnetCidr("10.0.0.0/16", 20, -1), /out of range/);
        assert.throws(() => subnetCidr("10.0.0.0/16", 8, 0), /cannot cut/);
    });

    it("plans a public and a private /20 per zone in 10.0.0.0/16, all disjoint", () => {
        assert.equal(VPC_CIDR, "10.0.0.0/16");
        assert.equal(AZ_COUNT, 2);
        const plan = planSubnets(VPC_CIDR, AZ_COUNT);
        assert.deepEqual(plan, { public: ["10.0.0.0/20", "10.0.16.0/20"], private: ["10.0.128.0/20", "10.0.144.0/20"] });
        const all = [...plan.public, ...plan.private];
        for (const c of all) assert.ok(contains(VPC_CIDR, c), `${c} is inside the VPC`);
        for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) assert.ok(!overlaps(all[i], all[j]), `${all[i]} and ${all[j]} overlap`);
    });

    it("refuses more zones than the plan has room for", () => {
        assert.equal(planSubnets(VPC_CIDR, 8).private[7], "10.0.240.0/20");
        assert.throws(() => planSubnets(VPC_CIDR, 9), /1 to 8 availability zones/);
        assert.throws(() => planSubnets(VPC_CIDR, 0), /1 to 8 availability zones/);
    });

    it("counts NAT gateways and routes each zone through the right one", () => {
        assert.equal(natGatewayCount("none", 2), 0);
        assert.equal(natGatewayCount("single", 2), 1);
        assert.equal(natGatewayCount("per-az", 2), 2);
        assert.deepEqual(
            [0, 1].map((z) => natGatewayForZone("none", z)),
            [undefined, undefined],
        );
        assert.deepEqual(
            [0, 1].map((z) => natGatewayForZone("single", z)),
            [0, 0],
        );
        assert.deepEqual(
            [0, 1].map((z) => natGatewayForZone("per-az", z)),
            [0, 1],
        );
    });

    it("runs tasks in public subnets with a public address only without NAT", () => {
        assert.deepEqual(taskPlacement("none"), { tier: "public", assignPublicIp: true });
        assert.deepEqual(taskPlacement("single"), { tier: "private", assignPublicIp: false });
        assert.deepEqual(taskPlacement("per-az"), { tier: "private", assignPublicIp: false });
    });
});
