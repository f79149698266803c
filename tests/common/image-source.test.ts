/**
 * The one guard every cloud's service backend calls: a service runs a named image, else the one
 * its build makes, and one with neither is refused by name.
 */
import { strict as assert } from "assert";
import { serviceImageSource } from "../../provider/src/clouds/common/image-source";

describe("service image source", function () {
    const build = { context: "./api" } as never;

    it("prefers the named image over a build, as docker compose does", function () {
        assert.deepEqual(serviceImageSource({ name: "api", image: "nginx:1.27", build }), { kind: "image", image: "nginx:1.27" });
    });

    it("takes the build when there is no image", function () {
        assert.deepEqual(serviceImageSource({ name: "api", build }), { kind: "build", build });
    });

    it("refuses a service with neither, naming it", function () {
        assert.throws(() => serviceImageSource({ name: "api" }), { message: "service api has neither an image nor a build" });
    });
});
