/**
 * Component arguments -> the same model a compose file gives: the arguments are written as a
 * compose service, put through the loader's canonical transforms (units, durations, long syntax),
 * then through the compose path of `from-compose.ts`. Errors name the component and the argument.
 */
import * as fs from "fs";
import * as path from "path";
import { CanonicalContext, resolvePathFrom } from "../compose/canonical/context";
import { canonicalService } from "../compose/canonical/service";
import { configKeyProblem, suggestConfigKey } from "../compose/config-key";
import { MAX_REPLICAS } from "../compose/rules/resources";
import { ComposeService } from "../compose/types";
import type { DefangLLMArgs, DefangMongoArgs, DefangPostgresArgs, DefangRedisArgs, DefangServiceArgs, EnvironmentVariableArgs, PortArgs, ResourceArgs } from "./args";
import { InvalidArgumentError } from "../model/errors";
import { componentFromCompose } from "../model/from-compose";
import { MongoModel, PostgresModel, RedisModel, ServiceModel } from "../model/types";

type Kind = "DefangService" | "DefangLLM" | "DefangPostgres" | "DefangRedis" | "DefangMongo";

export function serviceFromArgs(name: string, args: DefangServiceArgs | DefangLLMArgs, kind: "DefangService" | "DefangLLM", workingDir = process.cwd()): ServiceModel {
    if (!args.image && !args.build) throw new InvalidArgumentError(`${kind} "${name}"`, "image", "is missing (and so is `build`)", 'give an image to run, e.g. `image: "nginx:1.27"`, or a `build: { context }`');
    const raw: Record<string, unknown> = {
        image: args.image,
        build: args.build && { context: args.build.context, dockerfile: dockerfileOf(args.build.context, args.build.dockerfile, workingDir), args: args.build.args, target: args.build.target },
        command: args.command,
        entrypoint: args.entrypoint,
        working_dir: args.workingDir,
        user: args.user,
        ports: ports(args.ports, "ingress", kind, name),
        healthcheck: args.healthcheck && {
            test: args.healthcheck.test,
            interval: args.healthcheck.interval,
            timeout: args.healthcheck.timeout,
            retries: args.healthcheck.retries,
            start_period: args.healthcheck.startPeriod,
        },
        deploy: deploy(args),
        platform: args.platform,
        domainname: args.domainname,
        networks: args.aliases?.length ? { default: { aliases: args.aliases } } : undefined,
        stop_grace_period: args.stopGracePeriod,
    };
    if (kind === "DefangLLM") raw["x-defang-llm"] = { models: (args as DefangLLMArgs).models ?? [] };
    const { env, inputs } = environment(args.environment, kind, name);
    raw.environment = env;
    const model = toModel(name, raw, kind, workingDir) as ServiceModel;
    if (model.replicas > MAX_REPLICAS) {
        throw new InvalidArgumentError(`${kind} "${name}"`, "deploy.replicas", `(${model.replicas}) is more copies of one service than any of the clouds runs`, `ask for at most ${MAX_REPLICAS}`);
    }
    for (const e of model.environment) {
        if (inputs.has(e.name)) e.value = { kind: "input", value: inputs.get(e.name) };
    }
    if (args.autoscaling) {
        const min = args.autoscaling.minReplicas ?? Math.max(1, model.replicas);
        const max = args.autoscaling.maxReplicas ?? Math.max(min, 10);
        if (max < min) throw new InvalidArgumentError(`${kind} "${name}"`, "autoscaling.maxReplicas", `(${max}) is below minReplicas (${min})`, "raise maxReplicas or lower minReplicas");
        model.autoscaling = { minReplicas: min, maxReplicas: max, targetCpuPercent: args.autoscaling.targetCpuPercent ?? 70 };
    }
    return model;
}

/** What differs between the managed components: their kind, extension, default image and password variable. */
interface ManagedKind {
    kind: "DefangPostgres" | "DefangRedis" | "DefangMongo";
    extension: "x-defang-postgres" | "x-defang-redis" | "x-defang-mongodb";
    defaultImage: string;
    /** The environment variable whose program value becomes the password (none for caches). */
    passwordVariable?: string;
}

/** A managed database or cache written as a compose service with its extension, through the compose path. */
function managedFromArgs<M extends PostgresModel | RedisModel | MongoModel>(name: string, args: DefangPostgresArgs | DefangRedisArgs | DefangMongoArgs, managed: ManagedKind, workingDir: string): M {
    const { env, inputs } = "environment" in args ? environment(args.environment, managed.kind, name) : { env: undefined, inputs: new Map<string, unknown>() };
    const raw: Record<string, unknown> = {
        image: args.image ?? managed.defaultImage,
        environment: env,
        ports: ports(args.ports, "host", managed.kind, name),
        deploy: deploy(args),
        networks: args.aliases?.length ? { default: { aliases: args.aliases } } : undefined,
        [managed.extension]: true,
    };
    const model = toModel(name, raw, managed.kind, workingDir) as M;
    const pw = managed.passwordVariable === undefined ? undefined : inputs.get(managed.passwordVariable);
    if (pw !== undefined && model.kind !== "redis") model.password = { kind: "input", value: pw };
    return model;
}

export function postgresFromArgs(name: string, args: DefangPostgresArgs, workingDir = process.cwd()): PostgresModel {
    return managedFromArgs(name, args, { kind: "DefangPostgres", extension: "x-defang-postgres", defaultImage: "postgres:17", passwordVariable: "POSTGRES_PASSWORD" }, workingDir);
}

export function redisFromArgs(name: string, args: DefangRedisArgs, workingDir = process.cwd()): RedisModel {
    return managedFromArgs(name, args, { kind: "DefangRedis", extension: "x-defang-redis", defaultImage: "redis:7" }, workingDir);
}

export function mongoFromArgs(name: string, args: DefangMongoArgs, workingDir = process.cwd()): MongoModel {
    return managedFromArgs(name, args, { kind: "DefangMongo", extension: "x-defang-mongodb", defaultImage: "mongo:7", passwordVariable: "MONGO_INITDB_ROOT_PASSWORD" }, workingDir);
}

/**
 * The Dockerfile relative to the context, as Compose reads it. A path that exists only relative to
 * the program (`context: "./app", dockerfile: "./app/Dockerfile"`) is taken from there when it is
 * inside the context, since that is what a program author means.
 */
function dockerfileOf(context: string, dockerfile: string | undefined, workingDir: string): string {
    if (!dockerfile) return "Dockerfile";
    const contextDir = path.resolve(workingDir, context);
    if (fs.existsSync(path.resolve(contextDir, dockerfile))) return dockerfile;
    const fromProgram = path.resolve(workingDir, dockerfile);
    const relative = path.relative(contextDir, fromProgram);
    if (fs.existsSync(fromProgram) && !relative.startsWith("..") && !path.isAbsolute(relative)) return relative.split(path.sep).join("/");
    return dockerfile;
}

/** Literal values go through the compose path; outputs are kept aside and put back as `input` values. */
function environment(entries: EnvironmentVariableArgs[] | undefined, kind: Kind, name: string): { env: Record<string, string | null>; inputs: Map<string, unknown> } {
    const env: Record<string, string | null> = {};
    const inputs = new Map<string, unknown>();
    (entries ?? []).forEach((e, i) => {
        if (!e || typeof e.name !== "string" || !/^[^=\s]+$/.test(e.name)) {
            throw new InvalidArgumentError(`${kind} "${name}"`, `environment[${i}].name`, `must be a variable name, got ${JSON.stringify(e?.name)}`, 'write e.g. `{ name: "API_KEY" }`');
        }
        const keyProblem = e.value === undefined || e.value === null ? configKeyProblem(e.name) : undefined;
        if (keyProblem) {
            throw new InvalidArgumentError(
                `${kind} "${name}"`,
                `environment[${i}].name`,
                `("${e.name}") has no value, so it would be read from Pulumi config under that name, but it cannot be a config key: ${keyProblem}`,
                `give it a value, or rename it to a valid key such as ${suggestConfigKey(e.name)}`,
            );
        }
        if (e.value === undefined || e.value === null) env[e.name] = null;
        else if (typeof e.value === "string") env[e.name] = e.value;
        else {
            env[e.name] = "";
            inputs.set(e.name, e.value);
        }
    });
    return { env, inputs };
}

function ports(list: PortArgs[] | undefined, defaultMode: "ingress" | "host", kind: Kind, name: string): unknown {
    list?.forEach((p, i) => {
        if (p?.target === 0) throw new InvalidArgumentError(`${kind} "${name}"`, `ports[${i}].target`, "is 0, which is not a port a container can listen on", "give the port the service listens on (1-65535)");
    });
    return list?.map((p) => ({ target: p.target, mode: p.mode ?? defaultMode, protocol: p.protocol, app_protocol: p.appProtocol, published: p.published === undefined ? undefined : String(p.published) }));
}

function resources(r: ResourceArgs | undefined): unknown {
    return r && { cpus: r.cpu ?? r.cpus, memory: r.memory };
}

function deploy(args: { deploy?: DefangServiceArgs["deploy"] }): unknown {
    const d = args.deploy;
    return d && { replicas: d.replicas, resources: d.resources && { reservations: resources(d.resources.reservations), limits: resources(d.resources.limits) } };
}

/** Drops undefined members, so that the canonical transforms see only what was given. */
function compact(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(compact);
    if (v && typeof v === "object") {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = compact(x);
        return out;
    }
    return v;
}

function toModel(name: string, raw: Record<string, unknown>, kind: Kind, workingDir: string) {
    const ctx: CanonicalContext = {
        workingDir,
        lookup: () => undefined,
        normalize: true,
        readFile: (f) => fs.readFileSync(f, "utf8"),
        fileExists: (f) => fs.existsSync(f),
        resolvePath: (p) => resolvePathFrom(workingDir, p),
        warn: () => undefined,
    };
    const { service, problems } = canonicalService(compact(raw) as Record<string, unknown>, ctx, true);
    const [p] = problems;
    if (p) {
        const field = [argumentName(p.attribute), ...p.error.subPath.map((s) => (typeof s === "number" ? `[${s}]` : `.${s}`))].join("");
        throw new InvalidArgumentError(`${kind} "${name}"`, field, p.error.message, p.error.hint ?? "see the argument's documentation");
    }
    return componentFromCompose(name, service as ComposeService, workingDir);
}

const ARGUMENT_NAMES: Record<string, string> = { working_dir: "workingDir", stop_grace_period: "stopGracePeriod", networks: "aliases" };
const argumentName = (attribute: string) => ARGUMENT_NAMES[attribute] ?? attribute;
