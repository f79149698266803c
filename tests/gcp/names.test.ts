/**
 * The names Google Cloud needs up front: Cloud Run service names (part of the deterministic URL)
 * and service account ids, within their length and character rules, distinct per stack.
 */
import { strict as assert } from "assert";
import { cloudRunHost, cloudRunName, MAX_ACCOUNT_ID, MAX_CLOUD_RUN_NAME, serviceAccountId, slug } from "../../provider/src/clouds/gcp/names";

describe("Google Cloud names", function () {
    it("keeps compose names readable, lower-case and starting with a letter", function () {
        assert.equal(slug("My_Service.v2"), "my-service-v2");
        assert.equal(slug("2fa"), "s2fa");
        assert.equal(slug("--a--b--"), "a-b");
    });

    it("derives Cloud Run names deterministically, within 36 characters, different per stack", function () {
        const a = cloudRunName("shop/dev/shop", "api");
        assert.match(a, /^api-[0-9a-f]{6}$/);
        assert.equal(cloudRunName("shop/dev/shop", "api"), a);
        assert.notEqual(cloudRunName("shop/prod/shop", "api"), a);
        const long = cloudRunName("p/s/i", "a-very-long-service-name-that-goes-on-and-on");
        assert.ok(long.length <= MAX_CLOUD_RUN_NAME, long);
        assert.match(long, /^[a-z][a-z0-9-]*[a-z0-9]$/);
        assert.ok(!long.includes("--"));
    });

    it("derives service account ids of 6 to 30 characters", function () {
        for (const n of ["a", "x".repeat(80), "Under_Score"]) {
            const id = serviceAccountId("p/s/i", n);
            assert.ok(id.length >= 6 && id.length <= MAX_ACCOUNT_ID, id);
            assert.match(id, /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/);
        }
    });

    it("writes the deterministic run.app host", function () {
        assert.equal(cloudRunHost("api-abc123", "123456789012", "europe-west1"), "api-abc123-123456789012.europe-west1.run.app");
        // The first label stays a valid DNS label (at most 63 characters) with the longest names.
        assert.ok(`${cloudRunName("p/s/i", "y".repeat(100))}-123456789012`.length <= 63);
    });
});
