/**
 * Where Cloud Run pulls an image from: pure, no resources. Cloud Run pulls from Artifact Registry
 * and Docker Hub only. Docker Hub references are written out in full (`nginx:1.27` becomes
 * `docker.io/library/nginx:1.27`); an image of another registry (`ghcr.io/...`, `quay.io/...`) is
 * pulled through an Artifact Registry remote repository that proxies that registry, created once per
 * registry (public images only: the remote repository has no credentials).
 */

import { DOCKER_HUB, parseImageReference, referenceVersion } from "../../common/image-reference";

export type ImageSource = { kind: "direct"; image: string } | { kind: "remote"; registry: string; path: string };

/** Registries Cloud Run pulls from itself. */
const DIRECT_REGISTRY = /(^|\.)(pkg\.dev|gcr\.io)$/;

/** How Cloud Run gets `image`. */
export function imageSource(image: string): ImageSource {
    const ref = parseImageReference(image);
    if (ref.host === DOCKER_HUB) return { kind: "direct", image: `${DOCKER_HUB}/${ref.path}${referenceVersion(ref)}` };
    if (DIRECT_REGISTRY.test(ref.host)) return { kind: "direct", image };
    return { kind: "remote", registry: ref.host, path: `${ref.path}${referenceVersion(ref)}` };
}

/** The Artifact Registry repository id of the remote repository of `registry`: `ghcr.io` gives `remote-ghcr-io`. */
export function remoteRepositoryId(registry: string): string {
    return `remote-${registry.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`.slice(0, 63).replace(/-+$/, "");
}

/** The image as pulled through the remote repository. */
export function remoteImage(region: string, project: string, repositoryId: string, path: string): string {
    return `${region}-docker.pkg.dev/${project}/${repositoryId}/${path}`;
}
