/**
 * `DefangRedis`: a managed Redis or Valkey cache (AWS: ElastiCache), private to the project,
 * encrypted at rest and in transit, with an auth token. Services reach it by its name.
 *
 * @example
 * const cache = new DefangRedis("cache", { image: "valkey/valkey:8" });
 * new DefangService("worker", { image: "my/worker", environment: [{ name: "REDIS_URL", value: cache.url }] });
 */
import * as pulumi from "@pulumi/pulumi";
import { redisFromArgs } from "../model/from-args";
import { RedisModel } from "../model/types";
import { DefangRedisArgs } from "./args";
import { prepare } from "./prepare";

export class DefangRedis extends pulumi.ComponentResource {
    /** The primary endpoint inside the project's network (the component name resolves there too). */
    declare readonly host: pulumi.Output<string>;
    /** The cache's port. */
    declare readonly port: pulumi.Output<number>;
    /** `rediss://:token@host:port` (secret) with TLS and auth, `redis://host:port` without. */
    declare readonly url: pulumi.Output<string>;

    constructor(name: string, args: DefangRedisArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        const prepared = prepare<RedisModel>(args, `DefangRedis "${name}"`, args?.provider, () => redisFromArgs(name, args ?? {}));
        super("defang:index:DefangRedis", name, {}, opts);
        const context = prepared.context();
        const cache = context.backend.deployRedis({ name, model: prepared.model, parent: this, infra: context.infra, config: context.config, dependsOn: prepared.dependsOn });
        this.host = cache.host;
        this.port = cache.port;
        const scheme = cache.tls ? "rediss" : "redis";
        this.url = cache.password
            ? pulumi.secret(pulumi.interpolate`${scheme}://:${cache.password.apply(encodeURIComponent)}@${cache.host}:${cache.port}`)
            : pulumi.interpolate`${scheme}://${cache.host}:${cache.port}`;
        prepared.finish();
        this.registerOutputs({ host: this.host, port: this.port, url: this.url });
    }
}
