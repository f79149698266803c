/**
 * Inputs of a Construct call -> the arguments of a component. The schema says which fields may be
 * outputs of other resources (`pulumi.Input`, e.g. an environment value) and which are taken as
 * given (`plain`: the image, ports, sizes). An output that reaches a plain field is resolved when
 * its value is known; an unknown value there (a preview of a resource not yet created) or a secret
 * that would be stored in plain text is an input error naming the field. Secrecy that the wire
 * format lifted to a whole argument is put back on the fields that can carry it.
 *
 * Only the schema's own properties are fields (`constructor` or `toString` is refused like any
 * unknown argument), keys every JavaScript object reserves are refused in maps too, and strings,
 * lists, maps and replica counts are held to the schema's bounds (`input-limits.ts`).
 */
import * as pulumi from "@pulumi/pulumi";
import { closest } from "../util/closest-match";
import { InputProblem as Problem, inputPropertiesError, reservedKeyProblem } from "./input-problems";
import { outputIsKnown, outputIsSecret, outputValue, unknownOutput } from "../util/output-state";
import { ANY_REF, isEnumType, localTypeToken, PackageSchema, ResourceSpec, TypeSpec } from "./package-schema";

/**
 * The fields whose values go to the cloud's secret store, as `Type.field`: the only ones that keep
 * an output (secret or not) as it is. An output anywhere else is resolved when its value is known
 * and checked like a value written in the program; a secret there is refused (the cloud would store
 * it in plain text); an unknown one (a preview) reaches the component, which then defers its
 * resources to the update (`components/computed-args.ts`) where the field takes outputs, and is
 * refused where the field is `plain`.
 */
const SECRET_HOLDING_FIELDS: ReadonlySet<string> = new Set(["EnvironmentVariable.value"]);

/** The component arguments for `inputs`, or an `InputPropertiesError` listing every problem. */
export async function componentArgs(schema: PackageSchema, token: string, title: string, inputs: pulumi.Inputs): Promise<Record<string, unknown>> {
    const resource: ResourceSpec | undefined = schema.resources[token];
    if (!resource) throw new Error(`unknown resource type "${token}": the defang provider's schema does not describe it`);
    const walker = new InputWalker(schema);
    const args: Record<string, unknown> = {};
    const known = Object.keys(resource.inputProperties);
    for (const [key, value] of Object.entries(inputs)) {
        const spec = ownValue(resource.inputProperties, key);
        if (!spec) {
            const hint = closest(key, known);
            walker.problems.push({ propertyPath: key, reason: `is not an argument of ${title}${hint ? `; did you mean \`${hint}\`?` : `; the arguments are ${known.join(", ")}`}` });
            continue;
        }
        const prepared = await walker.value(value, spec, key, false);
        if (prepared !== undefined) args[key] = prepared;
    }
    for (const key of resource.requiredInputs ?? []) {
        if (args[key] === undefined && !walker.problems.some((p) => p.propertyPath === key)) walker.problems.push({ propertyPath: key, reason: "is required" });
    }
    if (walker.problems.length > 0) throw inputPropertiesError(title, walker.problems);
    return args;
}

class InputWalker {
    readonly problems: Problem[] = [];

    constructor(private readonly schema: PackageSchema) {}

    /**
     * `value` prepared for a field of type `spec`; `secret` when an enclosing value was secret;
     * `holdsSecrets` for a field of `SECRET_HOLDING_FIELDS`.
     */
    async value(value: unknown, spec: TypeSpec, path: string, secret: boolean, holdsSecrets = false): Promise<unknown> {
        if (pulumi.Output.isInstance(value)) {
            if (holdsSecrets) return secret ? pulumi.secret(value) : value;
            return this.resolved(value as pulumi.Output<unknown>, spec, path, secret);
        }
        if (pulumi.isUnknown(value)) {
            if (!spec.plain) return unknownOutput();
            this.problems.push({ propertyPath: path, reason: "is not known yet (it depends on a resource that does not exist yet); this argument must be known when the program runs" });
            return undefined;
        }
        if (value === undefined || value === null) return undefined;
        if (secret && holdsSecrets) return this.withinBounds(value, spec, path) ? pulumi.secret(value as string) : undefined;
        return this.shaped(value, spec, path, secret);
    }

    /** An output in a plain field: its value, when known and when it can keep its secrecy. */
    private async resolved(value: pulumi.Output<unknown>, spec: TypeSpec, path: string, secret: boolean): Promise<unknown> {
        const known = await outputIsKnown(value);
        if (!known && !spec.plain) return unknownOutput();
        if (!known) {
            this.problems.push({ propertyPath: path, reason: "is not known yet (it depends on a resource that does not exist yet); this argument must be known when the program runs" });
            return undefined;
        }
        const isSecret = secret || (await outputIsSecret(value));
        if (isSecret && !this.canHoldSecrets(spec)) {
            this.problems.push({ propertyPath: path, reason: "is a secret, but it would be stored in plain text; pass sensitive values as environment entries (a value, or none to read stack config)" });
            return undefined;
        }
        return this.value(await outputValue(value), spec, path, isSecret);
    }

    /** Arrays, maps, objects and unions walked by their type; scalars checked by kind. */
    private async shaped(value: unknown, spec: TypeSpec, path: string, secret: boolean): Promise<unknown> {
        if (spec.oneOf) {
            const alternative = spec.oneOf.find((alt) => this.fits(value, alt)) ?? spec.oneOf[0];
            return this.value(value, { ...alternative, plain: spec.plain }, path, secret);
        }
        if (spec.$ref === ANY_REF) return this.plainDeep(value, path);
        if (spec.$ref) {
            const token = localTypeToken(spec.$ref) ?? "";
            const type = ownValue(this.schema.types, token);
            if (!type) return value;
            if (isEnumType(type)) {
                const allowed = type.enum.map((e) => e.value);
                if (!allowed.includes(value as string)) this.problems.push({ propertyPath: path, reason: `is ${JSON.stringify(value)}; use one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}` });
                return value;
            }
            if (!isPlainObject(value)) return this.mismatch(value, "an object", path);
            const out: Record<string, unknown> = {};
            const names = Object.keys(type.properties);
            for (const [k, v] of Object.entries(value)) {
                const field = ownValue(type.properties, k);
                if (!field) {
                    const hint = closest(k, names);
                    this.problems.push({ propertyPath: `${path}.${k}`, reason: `is not a field here${hint ? `; did you mean \`${hint}\`?` : `; the fields are ${names.join(", ")}`}` });
                    continue;
                }
                const prepared = await this.value(v, field, `${path}.${k}`, secret, holdsSecretsIn(token, k));
                if (prepared !== undefined) out[k] = prepared;
            }
            for (const k of type.required ?? []) if (out[k] === undefined && ownValue(value, k) === undefined) this.problems.push({ propertyPath: `${path}.${k}`, reason: "is required" });
            return out;
        }
        switch (spec.type) {
            case "array": {
                if (!Array.isArray(value)) return this.mismatch(value, "a list", path);
                if (!this.withinBounds(value, spec, path)) return undefined;
                const out: unknown[] = [];
                for (let i = 0; i < value.length; i++) out.push(await this.value(value[i], spec.items ?? {}, `${path}[${i}]`, secret));
                return out;
            }
            case "object": {
                if (!isPlainObject(value)) return this.mismatch(value, "a map", path);
                if (!this.withinBounds(value, spec, path)) return undefined;
                const out: Record<string, unknown> = {};
                for (const [k, v] of Object.entries(value)) {
                    if (this.reservedKey(k, `${path}.${k}`)) continue;
                    out[k] = await this.value(v, spec.additionalProperties ?? { type: "string", plain: true }, `${path}.${k}`, secret);
                }
                return out;
            }
            case "string":
            case "number":
            case "integer":
            case "boolean":
                if (!this.fits(value, spec)) return this.mismatch(value, spec.type === "integer" ? "a whole number" : `a ${spec.type}`, path);
                return this.withinBounds(value, spec, path) ? value : undefined;
            default:
                return value;
        }
    }

    /** A value of any shape (a loaded compose project): outputs inside must be known, and not secret. */
    private async plainDeep(value: unknown, path: string): Promise<unknown> {
        return this.value(value, { type: undefined, plain: true }, path, false).then(async (v) => {
            if (Array.isArray(v)) return Promise.all(v.map((x, i) => this.plainDeep(x, `${path}[${i}]`)));
            if (isPlainObject(v)) {
                const out: Record<string, unknown> = {};
                for (const [k, x] of Object.entries(v)) if (!this.reservedKey(k, `${path}.${k}`)) out[k] = await this.plainDeep(x, `${path}.${k}`);
                return out;
            }
            return v;
        });
    }

    private fits(value: unknown, spec: TypeSpec): boolean {
        if (pulumi.Output.isInstance(value) || pulumi.isUnknown(value)) return true;
        switch (spec.type) {
            case "array":
                return Array.isArray(value);
            case "object":
                return isPlainObject(value);
            case "string":
                return typeof value === "string";
            case "number":
                return typeof value === "number";
            case "integer":
                return Number.isInteger(value);
            case "boolean":
                return typeof value === "boolean";
            default:
                return spec.$ref !== undefined ? isPlainObject(value) || typeof value === "string" : true;
        }
    }

    /** Whether `value` keeps to the bounds of `spec`; else a problem naming the bound. */
    private withinBounds(value: unknown, spec: TypeSpec, path: string): boolean {
        const problem = boundsProblem(value, spec);
        if (problem) this.problems.push({ propertyPath: path, reason: problem });
        return problem === undefined;
    }

    /** Whether `key` is reserved (and so a problem at `path`). */
    private reservedKey(key: string, path: string): boolean {
        const problem = reservedKeyProblem(key, path);
        if (problem) this.problems.push(problem);
        return problem !== undefined;
    }

    private mismatch(value: unknown, expected: string, path: string): undefined {
        this.problems.push({ propertyPath: path, reason: `must be ${expected}, got ${describe(value)}` });
        return undefined;
    }

    /** Whether a secret can be kept somewhere under a value of type `spec` (in a field of `SECRET_HOLDING_FIELDS`). */
    private canHoldSecrets(spec: TypeSpec, seen = new Set<string>()): boolean {
        if (spec.items && this.canHoldSecrets(spec.items, seen)) return true;
        if (spec.additionalProperties && this.canHoldSecrets(spec.additionalProperties, seen)) return true;
        if (spec.oneOf?.some((s) => this.canHoldSecrets(s, seen))) return true;
        const token = spec.$ref ? localTypeToken(spec.$ref) : undefined;
        if (token && !seen.has(token)) {
            seen.add(token);
            const type = ownValue(this.schema.types, token);
            if (type && !isEnumType(type)) return Object.entries(type.properties).some(([k, p]) => holdsSecretsIn(token, k) || this.canHoldSecrets(p, seen));
        }
        return false;
    }
}

/** Whether field `field` of the type `token` (`defang:index:EnvironmentVariable`) is one of `SECRET_HOLDING_FIELDS`. */
function holdsSecretsIn(token: string, field: string): boolean {
    return SECRET_HOLDING_FIELDS.has(`${token.slice(token.lastIndexOf(":") + 1)}.${field}`);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v) && !pulumi.Output.isInstance(v);
}

function describe(v: unknown): string {
    if (Array.isArray(v)) return "a list";
    if (v === null) return "null";
    if (typeof v === "object") return "an object";
    return `${typeof v} ${JSON.stringify(v)}`;
}

/** Why `value` is past a bound of `spec` (a string's length, a list's or map's entries, a number's range), if it is. */
function boundsProblem(value: unknown, spec: TypeSpec): string | undefined {
    if (typeof value === "string" && spec.maxLength !== undefined && value.length > spec.maxLength) {
        const length = [...value].length;
        if (length > spec.maxLength) return `is ${length} characters long; the most is ${spec.maxLength}`;
    }
    if (Array.isArray(value) && spec.maxItems !== undefined && value.length > spec.maxItems) return `has ${value.length} entries; the most is ${spec.maxItems}`;
    if (isPlainObject(value) && spec.maxProperties !== undefined) {
        const entries = Object.keys(value).length;
        if (entries > spec.maxProperties) return `has ${entries} entries; the most is ${spec.maxProperties}`;
    }
    if (typeof value === "number") {
        if (spec.maximum !== undefined && value > spec.maximum) return `is ${value}; the most is ${spec.maximum}`;
        if (spec.minimum !== undefined && value < spec.minimum) return `is ${value}; the least is ${spec.minimum}`;
    }
    return undefined;
}

/** `record[key]` when `record` has `key` itself, not through its prototype (`constructor`, `toString`...). */
function ownValue<T>(record: Record<string, T>, key: string): T | undefined {
    return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
