/** The private DNS domain of a project: `<project>.internal`, with the project name made a valid DNS label. */
import { strict as assert } from "assert";
import { privateDomainOf, projectDnsLabel } from "../../provider/src/clouds/aws/network/private-domain";

describe("aws private domain", () => {
    it("is <project>.internal for a project name that is a DNS label", () => {
        assert.equal(privateDomainOf("shop"), "shop.internal");
        assert.equal(privateDomainOf("shop-2"), "shop-2.internal");
    });

    it("makes other project names valid DNS labels", () => {
        assert.equal(projectDnsLabel("my_shop"), "my-shop");
        assert.equal(projectDnsLabel("Shop_"), "shop");
        assert.equal(projectDnsLabel("a".repeat(70)), "a".repeat(63));
        assert.equal(projectDnsLabel(`${"a".repeat(62)}_b`), "a".repeat(62));
        assert.throws(() => projectDnsLabel("__"), /no letter or digit/);
    });
});
