/**
 * The inputs of a build from a local context, checked before anything is created: the context is
 * a directory, the Dockerfile exists (or `dockerfile_inline` is not empty; or, with no Dockerfile
 * named, a file of the context lets buildpacks build it: see `builder.ts`), and the ignore file,
 * when there is one, can be read. What `docker build` would refuse at once is refused here, on
 * every cloud alike, instead of from inside a cloud's build code once other resources exist.
 *
 * A git context (`https://...`, `git@...`) is not read here: the cloud that builds from git clones
 * it, and the others refuse it by name.
 */
import * as fs from "fs";
import * as path from "path";
import { BuildModel } from "../model/types";
import { DEFAULT_DOCKERFILE, LANGUAGE_MARKERS, languageMarker } from "./builder";
import { findIgnoreFile } from "./context-files";
import { DockerignoreSyntaxError, parseDockerignore } from "./dockerignore";

/** What stops a build, on which attribute, and what to do. */
export interface BuildInputProblem {
    field: "build" | "build.context" | "build.dockerfile" | "build.dockerfile_inline" | "build.target";
    message: string;
    hint: string;
}

/** The first problem of `build` (a missing context makes its Dockerfile moot), or undefined. */
export function buildInputProblem(build: BuildModel): BuildInputProblem | undefined {
    const context = path.resolve(build.context);
    const kind = statKind(context);
    if (kind === "missing") {
        return {
            field: "build.context",
            message: `the build context ${context} does not exist`,
            hint: "create the directory, or point build.context at the one that holds the sources (a relative path is read from the project directory)",
        };
    }
    if (kind !== "directory") {
        return {
            field: "build.context",
            message: `the build context ${context} is ${kind === "file" ? "a file, not a directory" : "not a directory"}`,
            hint: "point build.context at the directory that holds the sources, and name the file in build.dockerfile if it is the Dockerfile",
        };
    }
    if (build.dockerfileInline !== undefined) {
        if (build.dockerfileInline.trim() === "")
            return { field: "build.dockerfile_inline", message: "the inline Dockerfile is empty", hint: "write the Dockerfile's instructions in dockerfile_inline, or remove it and use a Dockerfile" };
    } else {
        const dockerfile = path.resolve(context, build.dockerfile);
        const found = statKind(dockerfile);
        if (found === "missing" && build.dockerfile === DEFAULT_DOCKERFILE) {
            // No Dockerfile: Cloud Native Buildpacks, when a file of the context says which language it is.
            if (!languageMarker(context)) {
                return {
                    field: "build",
                    message: `the build context ${context} has no Dockerfile, and no file a buildpack recognises`,
                    hint: `add a Dockerfile, or set build.dockerfile to yours, or add the language's project file at the context's top level (${markerNames()})`,
                };
            }
            if (build.target !== undefined) {
                return {
                    field: "build.target",
                    message: `build.target "${build.target}" names a stage of a Dockerfile, and the context ${context} has none (it would be built with buildpacks)`,
                    hint: "add the Dockerfile that has this stage, or remove build.target",
                };
            }
        } else if (found !== "file") {
            return {
                field: "build.dockerfile",
                message: `the Dockerfile ${dockerfile} ${found === "missing" ? "does not exist" : "is not a file"}`,
                hint: `add it, or set build.dockerfile to its path relative to the context (${context}), or use dockerfile_inline`,
            };
        }
    }
    const ignore = findIgnoreFile(context, build.dockerfileInline === undefined ? build.dockerfile : undefined);
    if (ignore) {
        try {
            parseDockerignore(fs.readFileSync(ignore.absolutePath, "utf8"), ignore.absolutePath);
        } catch (e) {
            if (!(e instanceof DockerignoreSyntaxError)) throw e;
            return { field: "build.context", message: `the ignore file cannot be read: ${e.message}`, hint: "fix or remove that line of the ignore file" };
        }
    }
    return undefined;
}

/** The language files, as the hint lists them. */
function markerNames(): string {
    return LANGUAGE_MARKERS.map((m) => (typeof m.name === "string" ? m.name : "*.csproj")).join(", ");
}

function statKind(p: string): "missing" | "directory" | "file" | "other" {
    try {
        const s = fs.statSync(p);
        return s.isDirectory() ? "directory" : s.isFile() ? "file" : "other";
    } catch {
        return "missing";
    }
}
