/**
 * An image reference as App Platform's spec names it: a registry type (Docker Hub, GitHub Container
 * Registry, DigitalOcean Container Registry), the registry (the Docker Hub or GitHub owner), the
 * repository, and a tag or digest. Other registries are refused by the capability check
 * (`image-registry`) before anything is created.
 */

export interface AppImage {
    registryType: "DOCKER_HUB" | "GHCR" | "DOCR";
    /** Docker Hub or GitHub owner; empty for DOCR (the account's own registry). */
    registry?: string;
    repository: string;
    tag?: string;
    digest?: string;
}

const DOCKER_HUB_HOSTS = new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);
/** The tag App Platform pulls when an image names none. */
export const DEFAULT_TAG = "latest";

/** `nginx:1.27` -> Docker Hub `library/nginx:1.27`; `ghcr.io/o/app@sha256:..` -> GHCR `o/app` by digest. */
export function appImage(image: string): AppImage {
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
    const parts = rest.split("/");
    const host = parts.length > 1 && /[.:]|^localhost$/.test(parts[0]) ? parts.shift()! : "docker.io";
    const version = digest ? { digest } : { tag: tag ?? DEFAULT_TAG };
    if (DOCKER_HUB_HOSTS.has(host)) {
        const [registry, repository] = parts.length === 1 ? ["library", parts[0]] : [parts[0], parts.slice(1).join("/")];
        return { registryType: "DOCKER_HUB", registry, repository, ...version };
    }
    if (host === "ghcr.io") return { registryType: "GHCR", registry: parts[0], repository: parts.slice(1).join("/"), ...version };
    if (host === "registry.digitalocean.com") return { registryType: "DOCR", repository: parts.slice(1).join("/"), ...version };
    throw new Error(`image ${image}: App Platform pulls from Docker Hub, ghcr.io and registry.digitalocean.com only`);
}
