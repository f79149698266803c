/**
 * Which builder a local context gets: its Dockerfile (or `dockerfile_inline`), else Cloud Native
 * Buildpacks when a top-level file names the language, else none; and what a buildpacks build
 * prepares (no Dockerfile in the archive, a hash of its own).
 */
import { strict as assert } from "assert";
import * as path from "path";
import { chooseBuilder, languageMarker } from "../../provider/src/build/builder";
import { archivedBuild, prepareBuild } from "../../provider/src/build/build-context";
import { makeTree, removeTrees } from "./temp-tree";

const build = (context: string, more: { dockerfile?: string; dockerfileInline?: string; args?: Record<string, string> } = {}) => ({
    context,
    dockerfile: more.dockerfile ?? "Dockerfile",
    args: more.args ?? {},
    ...(more.dockerfileInline !== undefined ? { dockerfileInline: more.dockerfileInline } : {}),
});

describe("the builder of a context", () => {
    after(removeTrees);

    it("is docker build when the Dockerfile exists or is inline, even beside language files", () => {
        const root = makeTree({ Dockerfile: "FROM scratch\n", "package.json": "{}" });
        assert.deepEqual(chooseBuilder(build(root)), { kind: "dockerfile", reason: "Dockerfile found" });
        assert.deepEqual(chooseBuilder(build(makeTree({ "go.mod": "" }), { dockerfileInline: "FROM golang\n" })), { kind: "dockerfile", reason: "dockerfile_inline is set" });
    });

    it("is buildpacks when no Dockerfile is named or present and a language file is at the top level", () => {
        for (const [file, language] of [
            ["package.json", "Node.js"],
            ["requirements.txt", "Python"],
            ["pyproject.toml", "Python"],
            ["go.mod", "Go"],
            ["Gemfile", "Ruby"],
            ["pom.xml", "Java"],
            ["build.gradle", "Java"],
            ["composer.json", "PHP"],
            ["App.csproj", ".NET"],
            ["Procfile", "Procfile"],
        ]) {
            const root = makeTree({ [file]: "x", "README.md": "" });
            assert.deepEqual(chooseBuilder(build(root)), { kind: "buildpacks", reason: `no Dockerfile; ${file} found (${language})` }, file);
        }
    });

    it("is none when nothing is recognised, when the language file is only in a subfolder, or when a named Dockerfile is missing", () => {
        assert.equal(chooseBuilder(build(makeTree({ "README.md": "", "src/package.json": "{}" }))), undefined);
        assert.equal(chooseBuilder(build(makeTree({ "package.json": "{}" }), { dockerfile: "Dockerfile.prod" })), undefined);
        assert.equal(languageMarker(path.join(makeTree({}), "nowhere")), undefined);
    });

    it("a buildpacks build sends the context alone, and its hash differs from a Dockerfile build of the same files", () => {
        const root = makeTree({ "package.json": "{}", "index.js": "" });
        const prepared = prepareBuild(build(root, { args: { NODE_ENV: "production" } }), "x86_64");
        assert.equal(prepared.builder, "buildpacks");
        assert.deepEqual(Object.keys(prepared.entries).sort(), ["context/index.js", "context/package.json"]);
        assert.equal(archivedBuild(prepared).builder, "buildpacks");
        assert.equal(archivedBuild(prepared).dockerfile, "");
        assert.deepEqual(prepared.args, { NODE_ENV: "production" });
        const again = prepareBuild(build(root, { args: { NODE_ENV: "production" } }), "x86_64");
        assert.equal(again.hash, prepared.hash, "same inputs, same tag");
        const withDockerfile = prepareBuild(build(root, { dockerfileInline: "FROM node\n" }), "x86_64");
        assert.notEqual(withDockerfile.hash, prepared.hash);
        assert.notEqual(prepareBuild(build(root, { args: { NODE_ENV: "test" } }), "x86_64").hash, prepared.hash, "args count");
    });
});
