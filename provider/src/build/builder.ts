/**
 * Which builder makes a service's image from its local context, whatever the cloud: `docker build`
 * when there is a Dockerfile (or `dockerfile_inline`), else Cloud Native Buildpacks when the
 * context holds files a buildpack recognises (a `package.json`, a `go.mod`, ...). Pure apart from
 * reading the context's top-level names; the clouds only run what is decided here.
 *
 * A Dockerfile is looked for at `build.dockerfile`; only the default name (`Dockerfile`, what
 * compose assumes when `dockerfile:` is not set) may be missing: a Dockerfile named on purpose and
 * missing is an error (see `build-inputs.ts`), never a silent switch to buildpacks.
 */
import * as fs from "fs";
import * as path from "path";
import { BuildModel, ComponentModel } from "../model/types";

/** The builders a local context can be built with. */
export type BuilderKind = "dockerfile" | "buildpacks";

/** The Dockerfile compose assumes when `build.dockerfile` is not set. */
export const DEFAULT_DOCKERFILE = "Dockerfile";

/** A builder chosen for a context, and why (one short clause, for `validate` and `plan`). */
export interface BuilderChoice {
    kind: BuilderKind;
    reason: string;
}

/** A top-level file of a context that a buildpack recognises, and the language it stands for. */
interface LanguageMarker {
    /** A file name, or a pattern for names such as `*.csproj`. */
    name: string | RegExp;
    language: string;
}

/**
 * The files the Paketo buildpacks detect on (their `detect` phase reads the context's root): the
 * first one found names the language. `project.toml` and `Procfile` are buildpacks' own files.
 */
export const LANGUAGE_MARKERS: readonly LanguageMarker[] = [
    { name: "package.json", language: "Node.js" },
    { name: "requirements.txt", language: "Python" },
    { name: "pyproject.toml", language: "Python" },
    { name: "Pipfile", language: "Python" },
    { name: "setup.py", language: "Python" },
    { name: "go.mod", language: "Go" },
    { name: "Gemfile", language: "Ruby" },
    { name: "pom.xml", language: "Java" },
    { name: "build.gradle", language: "Java" },
    { name: "build.gradle.kts", language: "Java" },
    { name: "composer.json", language: "PHP" },
    { name: /\.(cs|fs|vb)proj$/, language: ".NET" },
    { name: "project.toml", language: "buildpacks" },
    { name: "Procfile", language: "Procfile" },
];

/**
 * The builder of `build`, or undefined when nothing can build it (no Dockerfile, no file a
 * buildpack recognises; `build-inputs.ts` says so with the fix). Reads only the context's names.
 */
export function chooseBuilder(build: BuildModel): BuilderChoice | undefined {
    if (build.dockerfileInline !== undefined) return { kind: "dockerfile", reason: "dockerfile_inline is set" };
    const context = path.resolve(build.context);
    if (isFile(path.resolve(context, build.dockerfile))) return { kind: "dockerfile", reason: `${build.dockerfile} found` };
    if (build.dockerfile !== DEFAULT_DOCKERFILE) return undefined;
    const marker = languageMarker(context);
    return marker ? { kind: "buildpacks", reason: `no Dockerfile; ${marker.file} found (${marker.language})` } : undefined;
}

/** The first language file of `context`'s top level, in the order of `LANGUAGE_MARKERS`. */
export function languageMarker(context: string): { file: string; language: string } | undefined {
    let names: string[];
    try {
        names = fs.readdirSync(context).filter((n) => isFile(path.join(context, n)));
    } catch {
        return undefined;
    }
    for (const m of LANGUAGE_MARKERS) {
        const file = typeof m.name === "string" ? names.find((n) => n === m.name) : names.sort().find((n) => (m.name as RegExp).test(n));
        if (file) return { file, language: m.language };
    }
    return undefined;
}

/** A service built from a local context, and its builder. */
export interface ServiceBuilder {
    service: string;
    choice: BuilderChoice;
}

/** The builder of every service built from a local context that some builder can build (git contexts are the cloud's). */
export function serviceBuilders(components: readonly ComponentModel[]): ServiceBuilder[] {
    const out: ServiceBuilder[] = [];
    for (const c of components) {
        if (c.kind !== "service" || !c.build || c.features.some((f) => f.feature === "remote-build-context")) continue;
        const choice = chooseBuilder(c.build);
        if (choice) out.push({ service: c.name, choice });
    }
    return out;
}

/** The name of a builder as users read it in `validate` and `plan`. */
export function builderLabel(kind: BuilderKind): string {
    return kind === "dockerfile" ? "Dockerfile" : "buildpacks";
}

function isFile(p: string): boolean {
    try {
        return fs.statSync(p).isFile();
    } catch {
        return false;
    }
}
