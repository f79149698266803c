/**
 * The load balancer's well-known listener ports. Kept apart from the load balancer itself so that
 * the preflight checks can read them without loading the AWS SDK.
 */

/** The HTTPS port browsers use; the HTTPS listener is always on it. */
export const HTTPS_PORT = 443;

/** The HTTP port browsers use; hosts served over HTTPS are redirected from it. */
export const HTTP_PORT = 80;
