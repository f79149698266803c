/**
 * The content hash of a build whose arguments include values read from config (secrets): the
 * context's content hash, combined with a slow, salted digest of those values. A new secret value
 * gives a new image tag, so the image is built again, while the tag (which appears in plain text in
 * the registry and in the service's definition) does not let anyone test guesses of the value
 * cheaply: each guess costs a full scrypt computation salted with the build's content hash. Pure.
 */
import * as crypto from "crypto";

/** Bumped when the layout changes. */
const HASH_FORMAT = "defang-build-secret-args/1";

/**
 * scrypt's cost: 2^14 iterations with blocks of 8 (16 MiB of memory, tens of milliseconds once per
 * build at deployment), the interactive-login strength scrypt's authors recommend.
 */
export const SECRET_ARGS_SCRYPT = { N: 1 << 14, r: 8, p: 1 } as const;

/** The full hex hash of a build: `contentHash` alone when no value is read from config, else both together. */
export function hashWithSecretArgs(contentHash: string, values: Readonly<Record<string, string>>): string {
    const names = Object.keys(values).sort();
    if (names.length === 0) return contentHash;
    const secret = JSON.stringify(names.map((n) => [n, values[n]]));
    const digest = crypto.scryptSync(secret, `${HASH_FORMAT}:${contentHash}`, 32, SECRET_ARGS_SCRYPT).toString("hex");
    return crypto.createHash("sha256").update(`${HASH_FORMAT}\n${contentHash}\n${digest}\n`).digest("hex");
}
