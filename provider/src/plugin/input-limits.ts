/**
 * The bounds of the plugin's inputs. The schema generator writes them into schema.json
 * (`maxLength`, `maxItems`, `maxProperties`, `minimum`, `maximum`), and every Construct checks the
 * inputs against the schema before anything is registered: an input past a bound is an input
 * error naming the field, never a huge request the engine or the cloud chokes on later.
 *
 * These are sanity bounds, the same on every cloud; a cloud's own tighter limits (an AWS secret
 * value of at most 8 KB, a cache of at most 6 nodes) are checked by its backend.
 */

/**
 * A name, path, image reference, duration, domain or other short string. Linux's PATH_MAX (4096
 * bytes) is the longest path a build context or Dockerfile can have; image references and domain
 * names (253 characters) are shorter still.
 */
export const MAX_STRING_LENGTH = 4096;

/**
 * Text that reaches the container as written: an environment value, a build argument, a command
 * line, a health check command. Cloud Run takes environment values of up to 32768 bytes, the
 * smallest such limit of the three clouds' container settings.
 */
export const MAX_TEXT_LENGTH = 32_768;

/**
 * The entries of a list or map (environment, ports, aliases, command arguments, build arguments,
 * models, compose files). Cloud Run takes at most 1000 environment variables per container, and no
 * other list a component takes comes near that.
 */
export const MAX_ITEMS = 1000;

/**
 * Running copies of a service, as `deploy.replicas` or an autoscaling bound. Cloud Run's baseline
 * regional quota allows about 1000 instances of a service, and ECS runs at most 5000 tasks per
 * service; a larger count is a typo (an extra zero) that would be billed.
 */
export const MAX_REPLICAS = 1000;

/** The bounds one field, or a type of values, can carry in the schema. */
export interface InputBounds {
    /** The longest string, in characters (Unicode code points). */
    maxLength?: number;
    /** The most entries of a list. */
    maxItems?: number;
    /** The most entries of a map. */
    maxProperties?: number;
    /** The smallest number. */
    minimum?: number;
    /** The largest number. */
    maximum?: number;
}

const TEXT: InputBounds = { maxLength: MAX_TEXT_LENGTH };
const REPLICAS: InputBounds = { minimum: 0, maximum: MAX_REPLICAS };

/**
 * Fields with bounds of their own, as `Owner.field` (a schema type name or component name) or
 * `*.field` (the field of every owner). A `maxLength` here applies to every string under the field:
 * both forms of a `string | string[]` union, and the values of a map.
 */
export const FIELD_BOUNDS = {
    "EnvironmentVariable.value": TEXT,
    "Build.args": TEXT,
    "Healthcheck.test": TEXT,
    "*.command": TEXT,
    "*.entrypoint": TEXT,
    "DefangProject.env": TEXT,
    "Deploy.replicas": REPLICAS,
    "Autoscaling.minReplicas": REPLICAS,
    "Autoscaling.maxReplicas": { minimum: 1, maximum: MAX_REPLICAS },
} as const satisfies Record<`${string}.${string}`, InputBounds>;

/** The bounds of field `field` of `owner`, beyond the defaults of its type. */
export function fieldBounds(owner: string, field: string): InputBounds | undefined {
    const table: Record<string, InputBounds> = FIELD_BOUNDS;
    const own = `${owner}.${field}`;
    const any = `*.${field}`;
    if (Object.prototype.hasOwnProperty.call(table, own)) return table[own];
    if (Object.prototype.hasOwnProperty.call(table, any)) return table[any];
    return undefined;
}

/**
 * Keys that a JavaScript object reserves (`__proto__`, `constructor`, `toString`, ...): as keys of an
 * input they would shadow, or through `__proto__` replace, what every object inherits, so the plugin
 * refuses them at any depth, in maps and in values of any shape too.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));
