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
import { cloudArgument } from "./cloud-argument";
import { hasComputedArgs } from "./computed-args";
import { deployWhenResolved } from "./deferred-deploy";
import { Prepared, prepare } from "./prepare";

export class DefangRedis extends pulumi.ComponentResource {
    /** The primary endpoint inside the project's network (the component name resolves there too). */
    declare readonly host: pulumi.Output<string>;
    /** The cache's port. @integer */
    declare readonly port: pulumi.Output<number>;
    /** `rediss://:token@host:port` (secret) with TLS and auth, `redis://host:port` without. */
    declare readonly url: pulumi.Output<string>;

    constructor(name: string, args: DefangRedisArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        const title = `DefangRedis "${name}"`;
        const computed = hasComputedArgs(args);
        const prepared = computed ? undefined : prepareRedis(name, title, args);
        super("defang:index:DefangRedis", name, {}, opts);
        const outputs = prepared
            ? deployRedis(name, this, prepared)
            : deployWhenResolved(this, title, args, ["host", "port", "url"], (resolved, dependsOn) => deployRedis(name, this, prepareRedis(name, title, resolved), dependsOn));
        this.host = outputs.host;
        this.port = outputs.port;
        this.url = outputs.url;
        this.registerOutputs({ host: this.host, port: this.port, url: this.url });
    }
}

function prepareRedis(name: string, title: string, args: DefangRedisArgs): Prepared<RedisModel> {
    return prepare<RedisModel>(args, title, cloudArgument(args, title), () => redisFromArgs(name, args ?? {}));
}

function deployRedis(name: string, parent: DefangRedis, prepared: Prepared<RedisModel>, computedFrom: pulumi.Resource[] = []): { host: pulumi.Output<string>; port: pulumi.Output<number>; url: pulumi.Output<string> } {
    const context = prepared.context();
    const cache = context.infra.deployRedis({ name, model: prepared.model, parent, config: context.config, dependsOn: [...prepared.dependsOn, ...computedFrom] });
    const scheme = cache.tls ? "rediss" : "redis";
    const url = cache.password ? pulumi.secret(pulumi.interpolate`${scheme}://:${cache.password.apply(encodeURIComponent)}@${cache.host}:${cache.port}`) : pulumi.interpolate`${scheme}://${cache.host}:${cache.port}`;
    prepared.finish();
    return { host: cache.host, port: cache.port, url };
}
