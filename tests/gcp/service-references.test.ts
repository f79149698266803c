/**
 * How one service reaches another by its compose name on Google Cloud: references in environment
 * values rewritten to the Cloud Run host, or the private address of a database or cache.
 */
import { strict as assert } from "assert";
import { imageSource, remoteRepositoryId } from "../../provider/src/clouds/gcp/build/image-source";
import { ReferenceTarget, referencedNames, rewriteAddsSecret, rewriteReferences } from "../../provider/src/clouds/gcp/network/service-references";

const targets = new Map<string, ReferenceTarget>([
    ["api", { kind: "service", host: "api-abc123-1234.us-central1.run.app" }],
    ["api-v2", { kind: "service", host: "api-v2-def456-1234.us-central1.run.app" }],
    ["db", { kind: "postgres", host: "10.20.0.3", port: 5432 }],
    ["cache", { kind: "redis", host: "10.20.1.4", port: 6378, tls: true, password: "p@ss" }],
]);

describe("references to other components by compose name", function () {
    it("sends URLs of a service to its run.app host over HTTPS, keeping the path", function () {
        assert.equal(rewriteReferences("http://api:8080/v1?x=1", targets), "https://api-abc123-1234.us-central1.run.app/v1?x=1");
        assert.equal(rewriteReferences("ws://api:8080/socket", targets), "wss://api-abc123-1234.us-central1.run.app/socket");
        assert.equal(rewriteReferences("http://api", targets), "https://api-abc123-1234.us-central1.run.app");
    });

    it("rewrites host:port and a whole-value name, and leaves look-alikes alone", function () {
        assert.equal(rewriteReferences("api:8080", targets), "api-abc123-1234.us-central1.run.app:443");
        assert.equal(rewriteReferences("api", targets), "api-abc123-1234.us-central1.run.app");
        assert.equal(rewriteReferences("http://api-v2:9000", targets), "https://api-v2-def456-1234.us-central1.run.app");
        for (const same of ["http://api.example.com", "my-api:8080", "apis", "https://example.com/api", "the api is down"]) assert.equal(rewriteReferences(same, targets), same);
    });

    it("sends database URLs to the private address and real port, keeping user, password and query", function () {
        assert.equal(rewriteReferences("postgres://u:${PW}@db:5433/app?sslmode=require", targets), "postgres://u:${PW}@10.20.0.3:5432/app?sslmode=require");
        assert.equal(rewriteReferences("db:5432", targets), "10.20.0.3:5432");
    });

    it("gives Redis URLs TLS and the AUTH string (URL-encoded) unless they carry credentials", function () {
        assert.equal(rewriteReferences("redis://cache:6379", targets), "rediss://:p%40ss@10.20.1.4:6378");
        assert.equal(rewriteReferences("redis://:mine@cache:6379/0", targets), "rediss://:mine@10.20.1.4:6378/0");
        const plain = new Map<string, ReferenceTarget>([["cache", { kind: "redis", host: "10.20.1.4", port: 6379, tls: false }]]);
        assert.equal(rewriteReferences("redis://cache:6379", plain), "redis://10.20.1.4:6379");
    });

    it("reads hosts with the shared grammar: lists, longer names, path segments and templates", function () {
        assert.equal(rewriteReferences("api:8080,db:5432", targets), "api-abc123-1234.us-central1.run.app:443,10.20.0.3:5432");
        assert.equal(rewriteReferences("api, db", targets), "api-abc123-1234.us-central1.run.app, 10.20.0.3");
        assert.equal(rewriteReferences("http://api-v2:9000/api", targets), "https://api-v2-def456-1234.us-central1.run.app/api");
        for (const same of ["http://x/db", "rapid:80", "db2:5432", "${db}", "http://x?host=api"]) assert.equal(rewriteReferences(same, targets), same);
    });

    it("says which names a value refers to, and whether the rewrite adds a secret", function () {
        assert.deepEqual(referencedNames("http://api:8080 and postgres://x@db:5432", targets.keys()), ["api", "db"]);
        assert.deepEqual(referencedNames("http://example.com", targets.keys()), []);
        assert.equal(rewriteAddsSecret("redis://cache:6379", ["cache"]), true);
        assert.equal(rewriteAddsSecret("cache:6379", ["cache"]), false);
    });
});

describe("where Cloud Run pulls an image from", function () {
    it("writes Docker Hub images in full", function () {
        assert.deepEqual(imageSource("nginx:1.27"), { kind: "direct", image: "docker.io/library/nginx:1.27" });
        assert.deepEqual(imageSource("darthsim/imgproxy"), { kind: "direct", image: "docker.io/darthsim/imgproxy" });
        assert.deepEqual(imageSource("docker.io/defangio/gateway:latest"), { kind: "direct", image: "docker.io/defangio/gateway:latest" });
    });
    it("pulls Artifact Registry as is, and other registries through a remote repository", function () {
        assert.equal(imageSource("us-docker.pkg.dev/p/r/i:1").kind, "direct");
        assert.deepEqual(imageSource("ghcr.io/berriai/litellm:main"), { kind: "remote", registry: "ghcr.io", path: "berriai/litellm:main" });
        assert.equal(remoteRepositoryId("docker.n8n.io"), "remote-docker-n8n-io");
    });
});
