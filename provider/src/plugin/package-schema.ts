/**
 * The parts of a Pulumi package schema (https://www.pulumi.com/docs/iac/using-pulumi/extending-pulumi/schema/)
 * that this package uses: written by the schema generator, read by the plugin. The bounds of an
 * input (`maxLength`, `maxItems`, `maxProperties`, `minimum`, `maximum`, from `input-limits.ts`) are
 * JSON Schema keywords that Pulumi's code generators pass over and the plugin checks.
 */
import { InputBounds } from "./input-limits";

export interface TypeSpec extends InputBounds {
    type?: "string" | "number" | "integer" | "boolean" | "array" | "object";
    items?: TypeSpec;
    additionalProperties?: TypeSpec;
    $ref?: string;
    oneOf?: TypeSpec[];
    /** The value is taken as given: it may not be an output of another resource. */
    plain?: boolean;
}

export interface PropertySpec extends TypeSpec {
    description?: string;
    secret?: boolean;
    default?: unknown;
    /** Why the property should no longer be used (from its `@deprecated` TSDoc tag). */
    deprecationMessage?: string;
}

export interface ObjectTypeSpec {
    type: "object";
    description?: string;
    properties: Record<string, PropertySpec>;
    required?: string[];
}

export interface EnumTypeSpec {
    type: "string" | "number";
    description?: string;
    enum: Array<{ value: string | number; name?: string; description?: string }>;
}

export interface ResourceSpec {
    isComponent: true;
    description?: string;
    properties: Record<string, PropertySpec>;
    required?: string[];
    inputProperties: Record<string, PropertySpec>;
    requiredInputs?: string[];
}

export interface PackageSchema {
    name: string;
    displayName?: string;
    version: string;
    description?: string;
    keywords?: string[];
    homepage?: string;
    repository?: string;
    license?: string;
    publisher?: string;
    pluginDownloadURL?: string;
    language: Record<string, unknown>;
    config: { variables?: Record<string, PropertySpec> };
    types: Record<string, ObjectTypeSpec | EnumTypeSpec>;
    resources: Record<string, ResourceSpec>;
    functions: Record<string, unknown>;
}

/** The type token of a `$ref` to a type of this package (`#/types/defang:index:Port`), else undefined. */
export function localTypeToken(ref: string): string | undefined {
    return ref.startsWith("#/types/") ? ref.slice("#/types/".length) : undefined;
}

/** The `$ref` for a value of any shape. */
export const ANY_REF = "pulumi.json#/Any";

export function isEnumType(t: ObjectTypeSpec | EnumTypeSpec): t is EnumTypeSpec {
    return Array.isArray((t as EnumTypeSpec).enum);
}
