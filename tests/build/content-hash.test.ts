/**
 * The content hash decides whether an image is built again: the same inputs give the same hash
 * wherever the tree lies; a change to a sent file, its execute bit, the Dockerfile, a build argument,
 * the target or the architecture gives a new one; ignored files, timestamps and other mode bits do not.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { prepareBuild } from "../../provider/src/build/build-context";
import { contentHash, IMAGE_TAG_HEX_LENGTH, imageTag } from "../../provider/src/build/content-hash";
import { listContextFiles } from "../../provider/src/build/context-files";
import { hashWithSecretArgs } from "../../provider/src/build/secret-args-hash";
import { splitBuildArgs } from "../../provider/src/model/build-args";
import { BuildModel } from "../../provider/src/model/types";
import { makeTree, removeTrees, Tree } from "./temp-tree";

const TREE: Tree = {
    Dockerfile: "FROM node:20\nCOPY . .\n",
    "Dockerfile.dev": "FROM node:20\n",
    ".dockerignore": "*.log\nnode_modules\n",
    "src/index.js": "console.log('hi')\n",
    "run.sh": { content: "#!/bin/sh\n", mode: 0o755 },
    "debug.log": "noise",
    "node_modules/dep/index.js": "dep",
};

function model(context: string, change: Partial<BuildModel> = {}): BuildModel {
    return { context, dockerfile: "Dockerfile", args: { NODE_ENV: "production", VERSION: "1.0" }, target: "prod", ...change };
}

function hashOf(context: string, change: Partial<BuildModel> = {}, architecture: "x86_64" | "arm64" = "x86_64"): string {
    return prepareBuild(model(context, change), architecture).hash;
}

describe("content hash", () => {
    after(removeTrees);

    it("is a hex SHA-256, the same for the same inputs, wherever the tree lies", () => {
        const a = makeTree(TREE);
        const b = makeTree(TREE);
        const h = hashOf(a);
        assert.match(h, /^[0-9a-f]{64}$/);
        assert.equal(hashOf(a), h);
        assert.equal(hashOf(b), h);
    });

    it("uses the first hex digits as the image tag", () => {
        const h = hashOf(makeTree(TREE));
        assert.equal(IMAGE_TAG_HEX_LENGTH >= 16, true);
        assert.equal(imageTag(h), h.slice(0, IMAGE_TAG_HEX_LENGTH));
        assert.equal(prepareBuild(model(makeTree(TREE)), "x86_64").tag, imageTag(h));
    });

    it("changes when a sent file changes, is added or is removed", () => {
        const root = makeTree(TREE);
        const before = hashOf(root);
        fs.writeFileSync(path.join(root, "src/index.js"), "console.log('bye')\n");
        const changed = hashOf(root);
        assert.notEqual(changed, before);
        fs.writeFileSync(path.join(root, "src/extra.js"), "");
        const added = hashOf(root);
        assert.notEqual(added, changed);
        fs.rmSync(path.join(root, "src/extra.js"));
        assert.equal(hashOf(root), changed);
    });

    it("changes when a file moves, even with the same bytes", () => {
        const root = makeTree(TREE);
        const before = hashOf(root);
        fs.renameSync(path.join(root, "src/index.js"), path.join(root, "src/main.js"));
        assert.notEqual(hashOf(root), before);
    });

    it("does not change when an ignored file changes or appears", () => {
        const root = makeTree(TREE);
        const before = hashOf(root);
        fs.writeFileSync(path.join(root, "debug.log"), "more noise");
        fs.writeFileSync(path.join(root, "node_modules/dep/new.js"), "x");
        fs.writeFileSync(path.join(root, "other.log"), "x");
        assert.equal(hashOf(root), before);
    });

    it("changes with the .dockerignore itself (it is sent), and with what it stops ignoring", () => {
        const root = makeTree(TREE);
        const before = hashOf(root);
        fs.writeFileSync(path.join(root, ".dockerignore"), "node_modules\n");
        assert.notEqual(hashOf(root), before);
    });

    it("changes with the execute bit, not with other mode bits or timestamps", () => {
        const root = makeTree(TREE);
        const before = hashOf(root);
        fs.chmodSync(path.join(root, "src/index.js"), 0o600);
        fs.utimesSync(path.join(root, "src/index.js"), new Date(2001, 1, 1), new Date(2001, 1, 1));
        assert.equal(hashOf(root), before);
        fs.chmodSync(path.join(root, "src/index.js"), 0o744);
        assert.notEqual(hashOf(root), before);
    });

    it("changes with the Dockerfile chosen, a build argument, the target and the architecture", () => {
        const root = makeTree(TREE);
        const base = hashOf(root);
        const variants = [
            hashOf(root, { dockerfile: "Dockerfile.dev" }),
            hashOf(root, { args: { NODE_ENV: "production", VERSION: "1.1" } }),
            hashOf(root, { args: { NODE_ENV: "production", VERSION: "1.0", EXTRA: "" } }),
            hashOf(root, { target: "dev" }),
            hashOf(root, { target: undefined }),
            hashOf(root, {}, "arm64"),
        ];
        for (const v of variants) assert.notEqual(v, base);
        assert.equal(new Set(variants).size, variants.length);
    });

    it("does not depend on the order build arguments are written in", () => {
        const root = makeTree(TREE);
        assert.equal(hashOf(root, { args: { VERSION: "1.0", NODE_ENV: "production" } }), hashOf(root));
    });

    it("keeps argument names and values apart", () => {
        const root = makeTree(TREE);
        assert.notEqual(hashOf(root, { args: { "A=B": "C" } }), hashOf(root, { args: { A: "B=C" } }));
    });

    it("changes with the text of an inline Dockerfile", () => {
        const root = makeTree(TREE);
        const one = hashOf(root, { dockerfileInline: "FROM alpine\n" });
        assert.equal(hashOf(root, { dockerfileInline: "FROM alpine\n" }), one);
        assert.notEqual(hashOf(root, { dockerfileInline: "FROM alpine:3\n" }), one);
    });

    it("hashes large files in chunks", () => {
        const root = makeTree({ Dockerfile: "FROM scratch\n" });
        const big = Buffer.alloc(3 * (1 << 20) + 17, 7);
        fs.writeFileSync(path.join(root, "big.bin"), big);
        const files = listContextFiles(root, { dockerfile: "Dockerfile" }).files;
        const h = contentHash({ files, dockerfile: "Dockerfile", args: {}, architecture: "x86_64" });
        big[big.length - 1] = 8;
        fs.writeFileSync(path.join(root, "big.bin"), big);
        assert.notEqual(contentHash({ files, dockerfile: "Dockerfile", args: {}, architecture: "x86_64" }), h);
    });
});

describe("build arguments read from config", () => {
    after(removeTrees);

    it("are kept apart from literal arguments in the model, by kind", () => {
        assert.deepEqual(splitBuildArgs({ VERSION: "1.0", TOKEN: "${NPM_TOKEN}", URL: "https://${USER}@x/${HOST}" }), {
            args: { VERSION: "1.0" },
            configArgs: [
                { name: "TOKEN", value: { kind: "template", template: "${NPM_TOKEN}", keys: ["NPM_TOKEN"] } },
                { name: "URL", value: { kind: "template", template: "https://${USER}@x/${HOST}", keys: ["USER", "HOST"] } },
            ],
        });
        // Literal arguments alone: the model has no `configArgs` at all.
        assert.deepEqual(splitBuildArgs({ A: "1", B: "$5.00" }), { args: { A: "1", B: "$5.00" } });
    });

    it("count by name and source in the content hash; a build without them keeps the hash it had", () => {
        const root = makeTree(TREE);
        const plain = hashOf(root);
        const token = { name: "TOKEN", value: { kind: "template" as const, template: "${NPM_TOKEN}", keys: ["NPM_TOKEN"] } };
        const withToken = hashOf(root, { configArgs: [token] });
        assert.equal(hashOf(root, { configArgs: [] }), plain);
        assert.notEqual(withToken, plain);
        assert.notEqual(hashOf(root, { configArgs: [{ ...token, value: { ...token.value, template: "${OTHER}", keys: ["OTHER"] } }] }), withToken);
        assert.deepEqual(prepareBuild(model(root, { configArgs: [token] }), "x86_64").configArgs, ["TOKEN"]);
    });

    it("count by value in the build's hash through a salted one-way digest, and never in it as text", () => {
        const content = "a".repeat(64);
        assert.equal(hashWithSecretArgs(content, {}), content);
        const h = hashWithSecretArgs(content, { TOKEN: "s3cret-value" });
        assert.match(h, /^[0-9a-f]{64}$/);
        assert.equal(hashWithSecretArgs(content, { TOKEN: "s3cret-value" }), h);
        assert.notEqual(hashWithSecretArgs(content, { TOKEN: "s3cret-valuf" }), h);
        assert.notEqual(hashWithSecretArgs(content, { OTHER: "s3cret-value" }), h);
        // The same value in another build gives another digest: no table of guesses serves two builds.
        assert.notEqual(hashWithSecretArgs("b".repeat(64), { TOKEN: "s3cret-value" }), h);
        assert.ok(!h.includes(Buffer.from("s3cret-value").toString("hex")));
    });
});
