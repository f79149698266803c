/**
 * Image references: the tag of `postgres:17-alpine` and what it says about a managed service's
 * engine and version.
 */
import { imageName } from "../compose/rules/report";

/** The tag of an image reference (`latest` when none; undefined for a digest-only reference). */
export function imageTag(image: string): string | undefined {
    const at = image.indexOf("@");
    const ref = at < 0 ? image : image.slice(0, at);
    const slash = ref.lastIndexOf("/");
    const colon = ref.lastIndexOf(":");
    if (colon > slash) return ref.slice(colon + 1);
    return image.includes("@") ? undefined : "latest";
}

/** The leading version of a tag: `17-alpine` -> `17`, `16.4` -> `16.4`, `latest` -> undefined. */
export function versionOfTag(tag: string | undefined): string | undefined {
    const m = tag ? /^v?(\d+(?:\.\d+){0,2})(?:$|[-_.])/.exec(tag) : null;
    return m ? m[1] : undefined;
}

/** The version an image asks for (`postgres:17.2-bookworm` -> `17.2`), or undefined for `latest`. */
export function imageVersion(image: string | undefined): string | undefined {
    return image ? versionOfTag(imageTag(image)) : undefined;
}

/** Redis or Valkey, from a cache image; Valkey when the image says so, else Redis. */
export function cacheEngine(image: string | undefined): "redis" | "valkey" {
    return /valkey/.test(imageName(image)) ? "valkey" : "redis";
}
