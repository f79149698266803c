/**
 * A container image reference as Docker reads it, the same for every cloud: `[host[:port]/]path[:tag][@digest]`.
 * The first segment is a registry host only when a path follows and it has a `.` or a `:`, or is
 * `localhost`; else the image is Docker Hub's, and a one-segment path is an official image
 * (`nginx` is `library/nginx`). Which registries a cloud pulls from, and how it names the image,
 * stay with each cloud.
 */

/** The names Docker Hub goes by. */
export const DOCKER_HUB_HOSTS: readonly string[] = ["docker.io", "index.docker.io", "registry-1.docker.io"];

/** Docker Hub, as a reference's host. */
export const DOCKER_HUB = "docker.io";

export interface ImageReference {
    /** The registry host (with its port), `docker.io` for Docker Hub under any of its names. */
    host: string;
    /** Whether the reference named its registry, e.g. `ghcr.io/o/app` (not `nginx` or `o/app`). */
    hostNamed: boolean;
    /** The repository path in the registry; Docker Hub's official images under `library/`. */
    path: string;
    tag?: string;
    digest?: string;
}

/** The parts of `image`. */
export function parseImageReference(image: string): ImageReference {
    let rest = image;
    let digest: string | undefined;
    const at = rest.indexOf("@");
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
    }
    let tag: string | undefined;
    const colon = rest.lastIndexOf(":");
    if (colon > rest.lastIndexOf("/")) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
    }
    const slash = rest.indexOf("/");
    const first = slash >= 0 ? rest.slice(0, slash) : "";
    const hostNamed = slash >= 0 && /[.:]|^localhost$/.test(first);
    const named = hostNamed ? first : DOCKER_HUB;
    const host = DOCKER_HUB_HOSTS.includes(named) ? DOCKER_HUB : named;
    const repository = hostNamed ? rest.slice(slash + 1) : rest;
    const path = host === DOCKER_HUB && !repository.includes("/") ? `library/${repository}` : repository;
    return { host, hostNamed, path, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/** The tag and digest of `ref` as a reference ends with them: `:1.27`, `@sha256:...`, both, or nothing. */
export function referenceVersion(ref: Pick<ImageReference, "tag" | "digest">): string {
    return `${ref.tag !== undefined ? `:${ref.tag}` : ""}${ref.digest !== undefined ? `@${ref.digest}` : ""}`;
}
