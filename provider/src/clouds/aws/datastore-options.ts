/**
 * Stack options of the managed caches, read from the `defang` config namespace (deletion
 * protection comes with the project's infrastructure options: `AwsInfrastructure.deletionProtection`):
 * - `defang:redisTls` (bool): TLS and an AUTH token on Redis/Valkey caches (see `DEFAULT_REDIS_TLS`).
 */
import * as pulumi from "@pulumi/pulumi";

/** The config namespace of this package's stack options. */
export const DEFANG_CONFIG_NAMESPACE = "defang";

/**
 * TLS on caches when the stack does not say: on (encryption in transit, and an AUTH token, which
 * ElastiCache allows only with TLS). Clients must connect with `rediss://:<token>@<host>:<port>`;
 * an app that connects with plain `redis://<name>:6379` and no password needs `defang:redisTls`
 * set to false, which turns off both TLS and the token (any service of the project can then use
 * the cache; nothing outside the project's security group can reach it either way).
 */
export const DEFAULT_REDIS_TLS = true;

/** `defang:redisTls`, else `DEFAULT_REDIS_TLS`. */
export function redisTlsEnabled(): boolean {
    return new pulumi.Config(DEFANG_CONFIG_NAMESPACE).getBoolean("redisTls") ?? DEFAULT_REDIS_TLS;
}
