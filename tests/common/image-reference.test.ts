/** An image reference read as Docker reads it, the same for every cloud: host, path, tag, digest. */
import { strict as assert } from "assert";
import { parseImageReference, referenceVersion } from "../../provider/src/clouds/common/image-reference";

describe("an image reference", function () {
    const cases: Array<[string, ReturnType<typeof parseImageReference>]> = [
        ["nginx", { host: "docker.io", hostNamed: false, path: "library/nginx" }],
        ["nginx:1.27", { host: "docker.io", hostNamed: false, path: "library/nginx", tag: "1.27" }],
        ["bitnami/redis:7", { host: "docker.io", hostNamed: false, path: "bitnami/redis", tag: "7" }],
        ["index.docker.io/nginx", { host: "docker.io", hostNamed: true, path: "library/nginx" }],
        ["ghcr.io/o/app@sha256:abc", { host: "ghcr.io", hostNamed: true, path: "o/app", digest: "sha256:abc" }],
        ["localhost:5000/app:dev", { host: "localhost:5000", hostNamed: true, path: "app", tag: "dev" }],
        ["localhost/app", { host: "localhost", hostNamed: true, path: "app" }],
        ["quay.io/org/team/app:1@sha256:def", { host: "quay.io", hostNamed: true, path: "org/team/app", tag: "1", digest: "sha256:def" }],
    ];
    for (const [image, expected] of cases) {
        it(`reads ${image}`, function () {
            assert.deepEqual(parseImageReference(image), expected);
        });
    }

    it("ends with its tag and digest as written", function () {
        assert.equal(referenceVersion(parseImageReference("quay.io/a/b:1@sha256:d")), ":1@sha256:d");
        assert.equal(referenceVersion(parseImageReference("nginx")), "");
    });
});
