/**
 * `DefangRedis`: a managed Redis or Valkey cache (AWS: ElastiCache), private to the project,
 * encrypted at rest and in transit, with an auth token. Services reach it by its name.
 *
 * @example
 * const cache = new DefangRedis("cache", { image: "valkey/valkey:8" });
 * new DefangService("worker", { image: "my/worker", environment: [{ name: "REDIS_URL", value: cache.url }] });
 */
import * as pulumi from "@pulumi/pulumi";
import { redisFromArgs } from "./model-from-args";
import { RedisModel } from "../model/types";
import { DefangRedisArgs } from "./args";
import { ManagedComponent, ManagedRecipe } from "./managed-component";

/** The outputs of `DefangRedis`. */
interface CacheOutputs {
    host: pulumi.Output<string>;
    port: pulumi.Output<number>;
    url: pulumi.Output<string>;
}

export class DefangRedis extends ManagedComponent<DefangRedisArgs, RedisModel, CacheOutputs> implements CacheOutputs {
    /** The primary endpoint inside the project's network (the component name resolves there too). */
    declare readonly host: pulumi.Output<string>;
    /** The cache's port. @integer */
    declare readonly port: pulumi.Output<number>;
    /** `rediss://:token@host:port` (secret) with TLS and auth, `redis://host:port` without. */
    declare readonly url: pulumi.Output<string>;

    constructor(name: string, args: DefangRedisArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super("defang:index:DefangRedis", name, args, opts, REDIS);
    }
}

const REDIS: ManagedRecipe<DefangRedisArgs, RedisModel, CacheOutputs> = {
    model: (name, args) => redisFromArgs(name, args ?? {}),
    deploy: (infra, request) => {
        const cache = infra.deployRedis(request);
        const scheme = cache.tls ? "rediss" : "redis";
        const url = cache.password ? pulumi.secret(pulumi.interpolate`${scheme}://:${cache.password.apply(encodeURIComponent)}@${cache.host}:${cache.port}`) : pulumi.interpolate`${scheme}://${cache.host}:${cache.port}`;
        return { host: cache.host, port: cache.port, url };
    },
    outputs: { host: true, port: true, url: true },
};
