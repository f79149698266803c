/**
 * The clouds a project can be deployed to. A file of its own, importing nothing, so that the
 * feature table (`translation/features.ts`) can name clouds while `types.ts` names its feature ids.
 */

/** The clouds a project can be deployed to. */
export type CloudName = "aws" | "gcp" | "digitalocean";

export const CLOUD_NAMES: readonly CloudName[] = ["aws", "gcp", "digitalocean"];
