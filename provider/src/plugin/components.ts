/**
 * The components the provider plugin serves, by type token. The table is typed: each token names
 * the class that registers under it, and `schema.json` is generated from these classes.
 */
import * as pulumi from "@pulumi/pulumi";
import { DefangLLM } from "../components/defang-llm";
import { DefangMongo } from "../components/defang-mongo";
import { DefangPostgres } from "../components/defang-postgres";
import { DefangProject } from "../components/defang-project";
import { DefangRedis } from "../components/defang-redis";
import { DefangService } from "../components/defang-service";

/** The package name: tokens are `defang:index:<Component>`. */
export const PACKAGE_NAME = "defang";

/** A component class as the plugin constructs it: from a name, deserialized inputs and options. */
export type ComponentClass = new (name: string, args: never, opts?: pulumi.ComponentResourceOptions) => pulumi.ComponentResource;

export const COMPONENTS = {
    "defang:index:DefangService": DefangService,
    "defang:index:DefangLLM": DefangLLM,
    "defang:index:DefangPostgres": DefangPostgres,
    "defang:index:DefangRedis": DefangRedis,
    "defang:index:DefangMongo": DefangMongo,
    "defang:index:DefangProject": DefangProject,
} as const satisfies Record<`${typeof PACKAGE_NAME}:index:${string}`, ComponentClass>;

export type ComponentToken = keyof typeof COMPONENTS;

export function isComponentToken(token: string): token is ComponentToken {
    return Object.prototype.hasOwnProperty.call(COMPONENTS, token);
}
