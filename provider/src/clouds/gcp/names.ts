/**
 * Physical names that Google Cloud requires up front: pure functions, no resources.
 *
 * Most resources are auto-named by Pulumi. Two are not: a service account's id has no generated
 * form, and a Cloud Run service's name is part of its deterministic URL
 * (`https://<name>-<project number>.<region>.run.app`), which the project's other services need
 * before it exists (to reach it by its compose name). Both are derived from the compose name and a
 * short hash of the stack scope, so that two stacks in one Google Cloud project do not collide.
 */
import { createHash } from "crypto";

/** Longest Cloud Run service name used: the deterministic URL's first label, `<name>-<project number>`, must stay within 63 characters. */
export const MAX_CLOUD_RUN_NAME = 36;
/** Service account ids are 6 to 30 characters. */
export const MAX_ACCOUNT_ID = 30;
/** Characters of the scope hash appended to derived names. */
export const HASH_LENGTH = 6;

/** The first hex digits of the SHA-256 of `text`. */
export function shortHash(text: string, length = HASH_LENGTH): string {
    return createHash("sha256").update(text).digest("hex").slice(0, length);
}

/** Lower-case letters, digits and single hyphens, starting with a letter (`s` is put in front otherwise). */
export function slug(name: string): string {
    const s = name
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, "-")
        .replace(/-+/g, "-")
        .replace(/^-+|-+$/g, "");
    return /^[a-z]/.test(s) ? s : `s${s}`;
}

function derived(scope: string, name: string, max: number): string {
    const head = slug(name)
        .slice(0, max - HASH_LENGTH - 1)
        .replace(/-+$/, "");
    return `${head}-${shortHash(`${scope}/${name}`)}`;
}

/** The Cloud Run service (or worker pool) name of compose service `name` in `scope` (`<project>/<stack>/<infrastructure>`). */
export function cloudRunName(scope: string, name: string): string {
    return derived(scope, name, MAX_CLOUD_RUN_NAME);
}

/** The service account id of compose service `name` in `scope`. */
export function serviceAccountId(scope: string, name: string): string {
    return derived(scope, name, MAX_ACCOUNT_ID);
}

/** The host of a Cloud Run service's deterministic URL. */
export function cloudRunHost(serviceName: string, projectNumber: string, region: string): string {
    return `${serviceName}-${projectNumber}.${region}.run.app`;
}
