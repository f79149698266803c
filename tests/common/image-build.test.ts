/**
 * What every cloud's image build shares: the context read at once (a missing one refused before
 * any resource), the version that follows the secret arguments' values, the cache tag, the key of
 * the uploaded context.
 */
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { DOCKERFILE_CACHE_TAG } from "../../provider/src/build/buildpacks";
import { BUILDPACKS_CACHE_TAG, cacheTag, contextArchiveKey, prepareImageBuild } from "../../provider/src/clouds/common/image-build";
import { makeTree, removeTrees } from "../build/temp-tree";
import { useMocks, valueOf } from "../support/pulumi-mocks";

describe("an image build, on every cloud", function () {
    before(async function () {
        await useMocks();
    });
    after(removeTrees);

    it("reads and hashes the context at once; its version is the content's without secret arguments", async function () {
        const context = makeTree({ Dockerfile: "FROM alpine\n" });
        const { prepared, version, secretArgs } = prepareImageBuild({ build: { context, dockerfile: "Dockerfile", args: {} } }, "arm64");
        assert.equal(prepared.builder, "dockerfile");
        assert.equal(prepared.platform, "linux/arm64");
        assert.deepEqual(secretArgs, []);
        assert.equal(await valueOf(version.hash), prepared.hash);
        assert.equal(await valueOf(version.tag), prepared.tag);
    });

    it("follows the values of the arguments read from config in its version", async function () {
        const context = makeTree({ Dockerfile: "FROM alpine\nARG TOKEN\n" });
        const build = { context, dockerfile: "Dockerfile", args: {} };
        const a = prepareImageBuild({ build, secretArgs: [{ name: "TOKEN", value: pulumi.secret("one") }] }, "x86_64");
        const b = prepareImageBuild({ build, secretArgs: [{ name: "TOKEN", value: pulumi.secret("two") }] }, "x86_64");
        assert.notEqual(await valueOf(a.version.hash), a.prepared.hash);
        assert.notEqual(await valueOf(a.version.hash), await valueOf(b.version.hash));
    });

    it("refuses a missing context before anything is created", function () {
        assert.throws(() => prepareImageBuild({ build: { context: "/no/such/context", dockerfile: "Dockerfile", args: {} } }, "x86_64"), /no\/such\/context/);
    });

    it("tags the layer cache by builder, and keys the context archive by service and content hash", function () {
        assert.equal(cacheTag("buildpacks"), BUILDPACKS_CACHE_TAG);
        assert.equal(cacheTag("dockerfile"), DOCKERFILE_CACHE_TAG);
        assert.equal(contextArchiveKey("web", "0123abcd"), "web/0123abcd.zip");
    });
});
