/**
 * A build from source made ready for a remote builder, whatever the cloud: the files to send, the
 * content hash and image tag, and the layout of the archive that is uploaded.
 *
 * The archive holds the context under `context/`, so that nothing of ours can collide with a file of
 * the project: beside it, the Dockerfile when it is inline or outside the context, and `executables`,
 * the NUL-separated list of context files whose execute bit must be restored (archives made by Pulumi
 * do not keep file modes; the builder runs `chmod +x` on these before `docker build`), present only
 * when there is some.
 */
import * as fs from "fs";
import * as path from "path";
import { configArgNames } from "../model/build-args";
import { BuildModel } from "../model/types";
import { BuilderKind, chooseBuilder } from "./builder";
import { imageTag, contentHash } from "./content-hash";
import { BuildContextError, ContextFile, insideContext, listContextFiles } from "./context-files";

/** The folder of the archive that holds the build context. */
export const ARCHIVE_CONTEXT_DIR = "context";
/** Where an inline Dockerfile, or one outside the context, is put in the archive (outside the context). */
export const ARCHIVE_DOCKERFILE = "Dockerfile";
/** The NUL-separated list of executable files, relative to the context folder. */
export const ARCHIVE_EXECUTABLES = "executables";

export type Architecture = "x86_64" | "arm64";

export type ArchiveEntry = { kind: "file"; absolutePath: string } | { kind: "text"; text: string };

export interface PreparedBuild {
    /** `dockerfile`: `docker build`; `buildpacks`: `pack build` (no Dockerfile; see `builder.ts`). */
    builder: BuilderKind;
    /** Full hex SHA-256 of the build's inputs (see `content-hash.ts`). */
    hash: string;
    /** The image tag: the first hex digits of `hash`. */
    tag: string;
    files: ContextFile[];
    /** Archive path -> content. */
    entries: Record<string, ArchiveEntry>;
    /** The Dockerfile's path in the archive, relative to its root (for `docker build --file`); empty with buildpacks. */
    dockerfilePath: string;
    /** The context's path in the archive (the last argument of `docker build`). */
    contextPath: string;
    /** Context files whose execute bit is set. */
    executables: string[];
    args: Record<string, string>;
    /** The names of the build arguments read from config, sorted: the builder reads their values from its environment. */
    configArgs: string[];
    target?: string;
    /** `linux/amd64` or `linux/arm64`. */
    platform: string;
}

/** What a remote builder needs to run `docker build` on the unpacked archive of a prepared build. */
export interface ArchivedBuild {
    builder: BuilderKind;
    /** The Dockerfile's path in the archive (empty with buildpacks). */
    dockerfile: string;
    /** The context's path in the archive. */
    context: string;
    /** The archive path of the NUL-separated list of files to make executable (absent from the archive when there is none). */
    executablesList: string;
    args: Record<string, string>;
    /** The names of the build arguments whose values the builder finds in its environment (from the cloud's secret store). @default [] */
    configArgs?: string[];
    target?: string;
    /** `linux/amd64` or `linux/arm64`. */
    platform: string;
}

/** The `docker build` inputs of `prepared`, as paths inside its archive. */
export function archivedBuild(prepared: PreparedBuild): ArchivedBuild {
    return {
        builder: prepared.builder,
        dockerfile: prepared.dockerfilePath,
        context: prepared.contextPath,
        executablesList: ARCHIVE_EXECUTABLES,
        args: prepared.args,
        configArgs: prepared.configArgs,
        ...(prepared.target !== undefined ? { target: prepared.target } : {}),
        platform: prepared.platform,
    };
}

/** Docker's platform for an architecture of the model. */
export function dockerPlatform(architecture: Architecture): string {
    return architecture === "arm64" ? "linux/arm64" : "linux/amd64";
}

/**
 * Lists, hashes and lays out the build. Throws a `BuildContextError` (before any resource exists)
 * when the context or the Dockerfile cannot be read.
 */
export function prepareBuild(build: BuildModel, architecture: Architecture): PreparedBuild {
    const root = path.resolve(build.context);
    const inline = build.dockerfileInline;
    const builder = chooseBuilder(build);
    if (builder?.kind === "buildpacks") return prepareBuildpacksBuild(build, architecture);
    const listing = listContextFiles(root, { dockerfile: inline === undefined ? build.dockerfile : undefined });
    const entries: Record<string, ArchiveEntry> = {};
    for (const f of listing.files) entries[`${ARCHIVE_CONTEXT_DIR}/${f.path}`] = { kind: "file", absolutePath: f.absolutePath };

    let dockerfilePath: string;
    let dockerfileText: string | undefined;
    if (inline !== undefined) {
        if (inline.trim() === "") throw new BuildContextError(`the inline Dockerfile of build context ${root} is empty`);
        dockerfileText = inline;
        dockerfilePath = ARCHIVE_DOCKERFILE;
        entries[dockerfilePath] = { kind: "text", text: inline };
    } else {
        const absolute = path.resolve(root, build.dockerfile);
        const inside = insideContext(root, build.dockerfile);
        if (!isFile(absolute)) throw new BuildContextError(`Dockerfile ${absolute} does not exist (build context ${root})`);
        if (inside !== undefined) {
            dockerfilePath = `${ARCHIVE_CONTEXT_DIR}/${inside}`;
        } else {
            // Outside the context: sent beside it, with its own ignore file if it has one.
            dockerfileText = fs.readFileSync(absolute, "utf8");
            dockerfilePath = ARCHIVE_DOCKERFILE;
            entries[dockerfilePath] = { kind: "file", absolutePath: absolute };
            if (isFile(`${absolute}.dockerignore`)) entries[`${ARCHIVE_DOCKERFILE}.dockerignore`] = { kind: "file", absolutePath: `${absolute}.dockerignore` };
        }
    }

    const executables = listing.files.filter((f) => f.executable).map((f) => f.path);
    // Only when there is one: an empty text asset never finishes serializing in Pulumi's SDK.
    if (executables.length > 0) entries[ARCHIVE_EXECUTABLES] = { kind: "text", text: executables.map((p) => `${p}\0`).join("") };

    const hash = contentHash({ files: listing.files, dockerfile: inline === undefined ? build.dockerfile : "", dockerfileText, args: build.args, configArgs: build.configArgs, target: build.target, architecture });
    return {
        builder: "dockerfile",
        hash,
        tag: imageTag(hash),
        files: listing.files,
        entries,
        dockerfilePath,
        contextPath: ARCHIVE_CONTEXT_DIR,
        executables,
        args: { ...build.args },
        configArgs: configArgNames(build),
        target: build.target,
        platform: dockerPlatform(architecture),
    };
}

/** A context with no Dockerfile, for `pack build`: the context alone, hashed with the builder's name. */
function prepareBuildpacksBuild(build: BuildModel, architecture: Architecture): PreparedBuild {
    const root = path.resolve(build.context);
    const listing = listContextFiles(root, { dockerfile: undefined });
    const entries: Record<string, ArchiveEntry> = {};
    for (const f of listing.files) entries[`${ARCHIVE_CONTEXT_DIR}/${f.path}`] = { kind: "file", absolutePath: f.absolutePath };
    const executables = listing.files.filter((f) => f.executable).map((f) => f.path);
    if (executables.length > 0) entries[ARCHIVE_EXECUTABLES] = { kind: "text", text: executables.map((p) => `${p}\0`).join("") };
    const hash = contentHash({ files: listing.files, dockerfile: "", builder: "buildpacks", args: build.args, configArgs: build.configArgs, architecture });
    return {
        builder: "buildpacks",
        hash,
        tag: imageTag(hash),
        files: listing.files,
        entries,
        dockerfilePath: "",
        contextPath: ARCHIVE_CONTEXT_DIR,
        executables,
        args: { ...build.args },
        configArgs: configArgNames(build),
        platform: dockerPlatform(architecture),
    };
}

function isFile(p: string): boolean {
    try {
        return fs.statSync(p).isFile();
    } catch {
        return false;
    }
}
