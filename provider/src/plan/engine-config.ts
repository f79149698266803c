/**
 * The stack config the embedded engine runs a project with: the cloud, a provider config that a
 * real stack would have (region, project), and a placeholder for every sensitive config key the
 * verdict says the stack needs (the project's, and the cloud's own such as DigitalOcean's model
 * access key). Placeholders never leave the engine: recorded inputs are redacted.
 */
import { CloudName } from "../model/types";

/** The value every sensitive config key gets in a plan: long enough for any password rule. */
export const PLACEHOLDER_SECRET = "plan-placeholder-7f3a9c1e5b2d8f4a6c0e";

/** Provider config per cloud, as a deployment in the priced region would have it. */
export const CLOUD_CONFIG = {
    aws: { "aws:region": "us-east-1" },
    gcp: { "gcp:project": "plan-project", "gcp:region": "us-central1" },
    digitalocean: { "digitalocean:region": "nyc3" },
} satisfies Record<CloudName, Record<string, string>>;

/**
 * What a real stack of the cloud has in its provider's credentials that a deployment checks for
 * (DigitalOcean's in-account builder needs the API token and Spaces keys): placeholders, secret.
 */
const CLOUD_CREDENTIALS: Record<CloudName, string[]> = {
    aws: [],
    gcp: [],
    digitalocean: ["digitalocean:token", "digitalocean:spacesAccessId", "digitalocean:spacesSecretKey"],
};

/** The whole config (qualified keys) and which keys are secret. */
export function planConfig(cloud: CloudName, project: string, secretKeys: string[]): { config: Record<string, string>; secrets: string[] } {
    const config: Record<string, string> = { "defang:provider": cloud, ...CLOUD_CONFIG[cloud] };
    const secrets: string[] = [];
    for (const key of new Set([...CLOUD_CREDENTIALS[cloud], ...secretKeys])) {
        const qualified = key.includes(":") ? key : `${project}:${key}`;
        config[qualified] = PLACEHOLDER_SECRET;
        secrets.push(qualified);
    }
    return { config, secrets };
}
