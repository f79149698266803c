/**
 * The content hash of a build: a SHA-256 over everything that decides the image, and nothing else.
 * Its first hex digits are the image tag, so an unchanged source gives the same tag and is not
 * built again, and any change gives a new tag.
 *
 * What counts: each sent file's relative path, executable bit and bytes (in path order), the
 * Dockerfile's path (and its text when it is inline or outside the context), the build arguments
 * (by name; those read from config by name and key, their values in the tag only: see
 * `secret-args-hash.ts`), the target stage and the CPU architecture. What does not: ignored files, timestamps,
 * owners, and mode bits other than execute (a checkout with another umask must not rebuild; the
 * upload keeps only the execute bit anyway).
 */
import * as crypto from "crypto";
import * as fs from "fs";
import { BUILDPACKS_BUILDER_IMAGE, PACK_VERSION } from "./buildpacks";
import { ContextFile } from "./context-files";
import { BuildArgFromConfig } from "../model/types";

/**
 * Hex digits of the hash used as the image tag: 80 bits, far beyond any chance of two builds of one
 * service colliding, and short enough to read in a console.
 */
export const IMAGE_TAG_HEX_LENGTH = 20;

/** Bumped when the hashed layout changes, so that old tags are not mistaken for new ones. */
const HASH_FORMAT = "defang-build-context/1";

const READ_CHUNK_BYTES = 1 << 20;

export interface ContentHashInput {
    files: readonly ContextFile[];
    /** The Dockerfile's path as written (relative to the context). */
    dockerfile: string;
    /** The Dockerfile's text when it is not one of `files` (inline, or outside the context). */
    dockerfileText?: string;
    /** Set for buildpacks only (a Dockerfile build keeps the hash it always had); the builder's pinned versions count too. */
    builder?: "buildpacks";
    args: Readonly<Record<string, string>>;
    /** Build arguments read from config: their names and where they come from, not their values (see `secret-args-hash.ts`). */
    configArgs?: readonly BuildArgFromConfig[];
    target?: string;
    architecture: string;
}

/** The full hex SHA-256 of a build's inputs. Reads the files (in chunks: large files are fine). */
export function contentHash(input: ContentHashInput): string {
    const hash = crypto.createHash("sha256");
    const line = (...fields: unknown[]) => hash.update(`${JSON.stringify(fields)}\n`);
    line(HASH_FORMAT);
    const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
    for (const file of [...input.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
        line("file", file.path, file.executable ? "x" : "-");
        hashFileBytes(hash, file.absolutePath, buffer);
        hash.update("\n");
    }
    line("dockerfile", input.dockerfile);
    if (input.dockerfileText !== undefined) line("dockerfile-text", input.dockerfileText);
    if (input.builder === "buildpacks") line("builder", input.builder, BUILDPACKS_BUILDER_IMAGE, PACK_VERSION);
    for (const name of Object.keys(input.args).sort()) line("arg", name, input.args[name]);
    // Only when there is some: a build without them keeps the hash it always had.
    for (const a of input.configArgs ?? []) line("config-arg", a.name, a.value);
    line("target", input.target ?? null);
    line("architecture", input.architecture);
    return hash.digest("hex");
}

/** The image tag of a content hash. */
export function imageTag(hash: string): string {
    return hash.slice(0, IMAGE_TAG_HEX_LENGTH);
}

/** Hashes the file's length and the SHA-256 of its bytes: unambiguous (no file boundary to confuse) and constant-size. */
function hashFileBytes(hash: crypto.Hash, file: string, buffer: Buffer): void {
    const fd = fs.openSync(file, "r");
    try {
        let total = 0;
        const digest = crypto.createHash("sha256");
        for (;;) {
            const n = fs.readSync(fd, buffer, 0, buffer.length, null);
            if (n === 0) break;
            digest.update(buffer.subarray(0, n));
            total += n;
        }
        hash.update(`${total}:${digest.digest("hex")}`);
    } finally {
        fs.closeSync(fd);
    }
}
