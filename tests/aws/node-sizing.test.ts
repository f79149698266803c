/**
 * The cheapest node with enough CPUs and memory (`node-sizing.ts`), which RDS and ElastiCache share:
 * the default when nothing is asked, the first size that has both, and a refusal that names the
 * catalog's kind of size and its largest one.
 */
import { strict as assert } from "assert";
import { NodeCatalog, cheapestNodeSize } from "../../provider/src/clouds/aws/data/node-sizing";
import { UnsupportedFeaturesError } from "../../provider/src/model/errors";

const CATALOG: NodeCatalog = {
    sizes: [
        { name: "small", vcpus: 2, memoryGiB: 1 },
        { name: "wide", vcpus: 8, memoryGiB: 2 },
        { name: "tall", vcpus: 2, memoryGiB: 16 },
        { name: "big", vcpus: 8, memoryGiB: 32 },
    ],
    defaultSize: "default",
    sizeName: "test node size",
};

describe("aws cheapest node size", function () {
    it("gives the default when the service asks for nothing", function () {
        assert.equal(cheapestNodeSize("db", {}, CATALOG), "default");
        assert.equal(cheapestNodeSize("db", { cpus: 0, memoryMiB: 0 }, CATALOG), "default");
    });

    it("gives the first size, in the catalog's order, with both the CPUs and the memory", function () {
        assert.equal(cheapestNodeSize("db", { cpus: 1 }, CATALOG), "small");
        assert.equal(cheapestNodeSize("db", { cpus: 4, memoryMiB: 1024 }, CATALOG), "wide");
        assert.equal(cheapestNodeSize("db", { memoryMiB: 3 * 1024 }, CATALOG), "tall");
        assert.equal(cheapestNodeSize("db", { cpus: 4, memoryMiB: 3 * 1024 }, CATALOG), "big");
    });

    it("refuses more than the largest size, naming the kind of size, the largest and what was asked", function () {
        const refusal = (resources: { cpus?: number; memoryMiB?: number }) => {
            try {
                cheapestNodeSize("orders", resources, CATALOG);
            } catch (e) {
                assert.ok(e instanceof UnsupportedFeaturesError);
                return e.features.map((f) => [f.service, f.field, f.message, f.hint]);
            }
            assert.fail("no refusal");
        };
        assert.deepEqual(refusal({ memoryMiB: 40.5 * 1024 }), [
            ["orders", "deploy.resources", "asks for 40.5 GiB of memory; the largest test node size used here (big) has 8 vCPUs and 32 GiB", "ask for at most 8 CPUs and 32 GiB of memory in deploy.resources"],
        ]);
        assert.deepEqual(refusal({ cpus: 9 }), [
            ["orders", "deploy.resources", "asks for 9 CPUs; the largest test node size used here (big) has 8 vCPUs and 32 GiB", "ask for at most 8 CPUs and 32 GiB of memory in deploy.resources"],
        ]);
    });
});
