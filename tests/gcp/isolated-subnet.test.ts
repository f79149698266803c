/**
 * Services only on compose `internal: true` networks send their traffic into a subnet without Cloud
 * NAT; its range follows the services' subnet unless `defang:isolatedSubnetCidr` says otherwise.
 */
import { strict as assert } from "assert";
import { nextBlock } from "../../provider/src/clouds/gcp/options";

describe("the isolated subnet's range on Google Cloud", function () {
    it("is the block of the same size after the services' subnet", function () {
        assert.equal(nextBlock("10.128.0.0/20", "s"), "10.128.16.0/20");
        assert.equal(nextBlock("10.0.255.0/24", "s"), "10.1.0.0/24");
        assert.throws(() => nextBlock("10.0.0/20", "defang:subnetCidr"), /defang:subnetCidr/);
    });
});
