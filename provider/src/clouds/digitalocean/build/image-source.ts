/**
 * An image reference as App Platform's spec names it: a registry type (Docker Hub, GitHub Container
 * Registry, DigitalOcean Container Registry), the registry (the Docker Hub or GitHub owner), the
 * repository, and a tag or digest. Other registries are refused by the capability check
 * (`image-registry`) before anything is created.
 */

import { DOCKER_HUB, parseImageReference } from "../../common/image-reference";

export interface AppImage {
    registryType: "DOCKER_HUB" | "GHCR" | "DOCR";
    /** Docker Hub or GitHub owner; empty for DOCR (the account's own registry). */
    registry?: string;
    repository: string;
    tag?: string;
    digest?: string;
}

/** The tag App Platform pulls when an image names none. */
export const DEFAULT_TAG = "latest";

/** `nginx:1.27` -> Docker Hub `library/nginx:1.27`; `ghcr.io/o/app@sha256:..` -> GHCR `o/app` by digest. */
export function appImage(image: string): AppImage {
    const ref = parseImageReference(image);
    const version = ref.digest !== undefined ? { digest: ref.digest } : { tag: ref.tag ?? DEFAULT_TAG };
    const slash = ref.path.indexOf("/");
    const [owner, repository] = [ref.path.slice(0, Math.max(slash, 0)), ref.path.slice(slash + 1)];
    if (ref.host === DOCKER_HUB) return { registryType: "DOCKER_HUB", registry: owner, repository, ...version };
    if (ref.host === "ghcr.io") return { registryType: "GHCR", registry: owner, repository, ...version };
    if (ref.host === "registry.digitalocean.com") return { registryType: "DOCR", repository, ...version };
    throw new Error(`image ${image}: App Platform pulls from Docker Hub, ghcr.io and registry.digitalocean.com only`);
}
