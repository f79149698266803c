/**
 * The inputs of a build, checked before anything is created: what `docker build` would refuse at
 * once (no context directory, no Dockerfile, an empty inline Dockerfile, an ignore file it cannot
 * parse) is one problem on the attribute that names it; what Docker accepts passes.
 */
import { strict as assert } from "assert";
import * as path from "path";
import { buildInputProblem } from "../../provider/src/build/build-inputs";
import { makeTree, removeTrees } from "./temp-tree";

const build = (context: string, more: { dockerfile?: string; dockerfileInline?: string } = {}) => ({
    context,
    dockerfile: more.dockerfile ?? "Dockerfile",
    args: {},
    ...(more.dockerfileInline !== undefined ? { dockerfileInline: more.dockerfileInline } : {}),
});

describe("build inputs", () => {
    after(removeTrees);

    it("accepts a context with its Dockerfile, one outside the context, and an inline Dockerfile without any", () => {
        const root = makeTree({ "app/Dockerfile": "FROM scratch\n", "docker/app.Dockerfile": "FROM scratch\n", "src/main.go": "package main" });
        assert.equal(buildInputProblem(build(path.join(root, "app"))), undefined);
        assert.equal(buildInputProblem(build(path.join(root, "src"), { dockerfile: "../docker/app.Dockerfile" })), undefined);
        assert.equal(buildInputProblem(build(path.join(root, "src"), { dockerfileInline: "FROM golang\n" })), undefined);
    });

    it("a Dockerfile that .dockerignore excludes is still sent, as Docker does", () => {
        const root = makeTree({ Dockerfile: "FROM scratch\n", ".dockerignore": "Dockerfile\n*.log\n" });
        assert.equal(buildInputProblem(build(root)), undefined);
    });

    it("a context that does not exist is refused on build.context (its Dockerfile is not looked for)", () => {
        const root = makeTree({});
        const p = buildInputProblem(build(path.join(root, "nowhere")));
        assert.deepEqual(p, {
            field: "build.context",
            message: `the build context ${path.join(root, "nowhere")} does not exist`,
            hint: "create the directory, or point build.context at the one that holds the sources (a relative path is read from the project directory)",
        });
    });

    it("a context that is a file is refused on build.context", () => {
        const root = makeTree({ Dockerfile: "FROM scratch\n" });
        const p = buildInputProblem(build(path.join(root, "Dockerfile")));
        assert.equal(p?.field, "build.context");
        assert.equal(p?.message, `the build context ${path.join(root, "Dockerfile")} is a file, not a directory`);
    });

    it("a Dockerfile that does not exist, or is a directory, is refused on build.dockerfile", () => {
        const root = makeTree({ "main.py": "", "docker/": null });
        const missing = buildInputProblem(build(root, { dockerfile: "Dockerfile.prod" }));
        assert.equal(missing?.field, "build.dockerfile");
        assert.equal(missing?.message, `the Dockerfile ${path.join(root, "Dockerfile.prod")} does not exist`);
        assert.match(missing?.hint ?? "", /relative to the context/);
        const directory = buildInputProblem(build(root, { dockerfile: "docker" }));
        assert.equal(directory?.message, `the Dockerfile ${path.join(root, "docker")} is not a file`);
    });

    it("no Dockerfile, with a language file at the top level, is accepted (buildpacks build it)", () => {
        assert.equal(buildInputProblem(build(makeTree({ "requirements.txt": "django\n", "manage.py": "" }))), undefined);
    });

    it("no Dockerfile and no language file is refused on build, naming the files buildpacks recognise", () => {
        const root = makeTree({ "README.md": "", "src/main.py": "" });
        const p = buildInputProblem(build(root));
        assert.equal(p?.field, "build");
        assert.equal(p?.message, `the build context ${root} has no Dockerfile, and no file a buildpack recognises`);
        assert.match(p?.hint ?? "", /^add a Dockerfile, or set build.dockerfile to yours, or add the language's project file at the context's top level \(package\.json, requirements\.txt, .*go\.mod.*\)$/);
    });

    it("build.target without a Dockerfile is refused on build.target", () => {
        const root = makeTree({ "go.mod": "" });
        const p = buildInputProblem({ ...build(root), target: "prod" });
        assert.equal(p?.field, "build.target");
        assert.match(p?.message ?? "", /names a stage of a Dockerfile/);
    });

    it("an empty inline Dockerfile is refused on build.dockerfile_inline", () => {
        const root = makeTree({ "main.py": "" });
        assert.equal(buildInputProblem(build(root, { dockerfileInline: "  \n" }))?.field, "build.dockerfile_inline");
    });

    it("an ignore file Docker cannot parse is refused with its line", () => {
        const root = makeTree({ Dockerfile: "FROM scratch\n", ".dockerignore": "node_modules\n!\n" });
        const p = buildInputProblem(build(root));
        assert.equal(p?.field, "build.context");
        assert.match(p?.message ?? "", /^the ignore file cannot be read: .*\.dockerignore:2: "!" alone is not a valid pattern$/);
    });
});
