/**
 * ElastiCache node types from deploy.resources: the cheapest node with the memory and CPUs, the
 * documented default, and an error naming the service and field when no node is big enough.
 */
import { strict as assert } from "assert";
import { UnsupportedFeaturesError } from "../../provider/src/model/errors";
import { CACHE_NODE_TYPES, DEFAULT_CACHE_NODE_TYPE, cacheNodeType } from "../../provider/src/clouds/aws/data/elasticache-sizing";

const GiB = 1024;

describe("aws elasticache sizing", () => {
    it("uses the documented default when nothing is asked", () => {
        assert.equal(DEFAULT_CACHE_NODE_TYPE, "cache.t4g.micro");
        assert.equal(cacheNodeType("cache", {}), "cache.t4g.micro");
    });

    const cases: Array<[string, { cpus?: number; memoryMiB?: number }, string]> = [
        ["256 MiB", { memoryMiB: 256 }, "cache.t4g.micro"],
        ["512 MiB", { memoryMiB: 512 }, "cache.t4g.micro"],
        ["1 GiB", { memoryMiB: 1 * GiB }, "cache.t4g.small"],
        ["2 GiB", { memoryMiB: 2 * GiB }, "cache.t4g.medium"],
        ["4 GiB", { memoryMiB: 4 * GiB }, "cache.m7g.large"],
        ["8 GiB", { memoryMiB: 8 * GiB }, "cache.m7g.xlarge"],
        ["4 CPUs", { cpus: 4 }, "cache.m7g.xlarge"],
        ["20 GiB", { memoryMiB: 20 * GiB }, "cache.m7g.2xlarge"],
        ["100 GiB", { memoryMiB: 100 * GiB }, "cache.m7g.8xlarge"],
        ["200 GiB", { memoryMiB: 200 * GiB }, "cache.m7g.16xlarge"],
    ];
    for (const [what, resources, expected] of cases) {
        it(`picks ${expected} for ${what}`, () => assert.equal(cacheNodeType("cache", resources), expected));
    }

    it("lists node types cheapest first", () => {
        for (let i = 1; i < CACHE_NODE_TYPES.length; i++) {
            const [a, b] = [CACHE_NODE_TYPES[i - 1], CACHE_NODE_TYPES[i]];
            assert.ok(b.vcpus >= a.vcpus && b.memoryGiB > a.memoryGiB, `${a.name} before ${b.name}`);
        }
    });

    it("refuses more memory than the largest node, naming the service and the field", () => {
        assert.throws(
            () => cacheNodeType("sessions", { memoryMiB: 300 * GiB }),
            (e: unknown) => {
                assert.ok(e instanceof UnsupportedFeaturesError);
                assert.equal(e.features[0].service, "sessions");
                assert.equal(e.features[0].field, "deploy.resources");
                assert.match(e.message, /300 GiB of memory/);
                assert.match(e.message, /cache\.m7g\.16xlarge/);
                return true;
            },
        );
    });
});
