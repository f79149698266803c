/**
 * TypeScript types -> package schema types, read with the TypeScript checker from the components'
 * own declarations:
 * - `pulumi.Input<T>` fields take outputs of other resources; every other input field is `plain`;
 * - a union of string literals is an enum type (named by its alias, else by owner and field);
 * - other unions are `oneOf`; `Record<string, T>` is a map; arrays are arrays;
 * - an interface is an object type named without its `Args` suffix;
 * - TSDoc gives descriptions, with `@default` and `@example` kept as text; `@integer` makes a
 *   number whole (`integer`), `@deprecated` gives a `deprecationMessage`;
 * - inputs carry bounds (`input-limits.ts`): every string a `maxLength`, every list a `maxItems`,
 *   every map a `maxProperties`, and the fields of `FIELD_BOUNDS` their own.
 */
import * as ts from "typescript";
import { fieldBounds, InputBounds, MAX_ITEMS, MAX_STRING_LENGTH } from "../input-limits";
import { ANY_REF, EnumTypeSpec, ObjectTypeSpec, PropertySpec, TypeSpec } from "../package-schema";

/** Types passed as a value of any shape: `ComposeProject` is the canonical project, e.g. from `docker compose config --format json`. */
const ANY_TYPES = new Set(["ComposeProject"]);

/** Schema names that would read badly if derived by the rule (`ResourceArgs` -> `Resource`). */
const TYPE_NAME_OVERRIDES: Record<string, string> = { ResourceArgs: "ResourceSize" };

export type Side = "input" | "output";

export class TypeMapper {
    readonly types: Record<string, ObjectTypeSpec | EnumTypeSpec> = {};

    constructor(
        private readonly checker: ts.TypeChecker,
        private readonly packageName: string,
    ) {}

    token(name: string): string {
        return `${this.packageName}:index:${name}`;
    }

    /** The spec of property `symbol` of `owner` (a schema type name or component name). */
    property(symbol: ts.Symbol, owner: string, side: Side): { spec: PropertySpec; optional: boolean } {
        const decl = (symbol.valueDeclaration ?? symbol.declarations?.[0]) as ts.PropertyDeclaration | ts.PropertySignature | undefined;
        const optional = (symbol.flags & ts.SymbolFlags.Optional) !== 0 || !!decl?.questionToken;
        const typeNode = decl?.type;
        const wrapped = typeNode ? unwrapPulumiType(typeNode) : undefined;
        let type: ts.Type;
        if (wrapped) type = this.checker.getTypeFromTypeNode(wrapped.inner);
        else type = decl ? this.checker.getTypeOfSymbolAtLocation(symbol, decl) : this.checker.getDeclaredTypeOfSymbol(symbol);
        const takesOutputs = side === "output" || wrapped?.kind === "Input";
        const named = wrapped?.inner ?? typeNode;
        const suggested = named && ts.isTypeReferenceNode(named) ? entityName(named.typeName) : owner + capitalize(symbol.name);
        const tags = symbol.getJsDocTags(this.checker);
        const numbers = this.spec(type, suggested, side, !takesOutputs);
        const typeSpec = tags.some((t) => t.name === "integer") ? wholeNumbers(numbers) : numbers;
        const bounds = side === "input" ? fieldBounds(owner, symbol.name) : undefined;
        const spec: PropertySpec = bounds ? withBounds(typeSpec, bounds) : typeSpec;
        const description = describe(symbol, this.checker);
        this.describeEnum(spec, description);
        const deprecation = tags.find((t) => t.name === "deprecated");
        const deprecationMessage = deprecation ? ts.displayPartsToString(deprecation.text).trim() || "deprecated" : undefined;
        return { spec: { ...(description ? { description } : {}), ...spec, ...(deprecationMessage ? { deprecationMessage } : {}) }, optional };
    }

    /** The schema type of `type`; `plain` marks input positions that do not take outputs. */
    spec(type: ts.Type, suggestedName: string, side: Side, plain: boolean): TypeSpec {
        const mark = (s: TypeSpec): TypeSpec => (side === "input" ? { ...s, ...defaultBounds(s), ...(plain ? { plain: true } : {}) } : s);
        const members = type.isUnion() ? type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void))) : [type];
        const [t] = members;
        if (t === undefined) throw new Error(`${suggestedName}: a type with no value`);
        if (members.every((t) => t.flags & ts.TypeFlags.BooleanLike)) return mark({ type: "boolean" });
        if (members.length > 1 || (t.flags & ts.TypeFlags.StringLiteral) !== 0) {
            if (members.every((t) => t.isStringLiteral())) return mark({ $ref: `#/types/${this.enumType(type, members as ts.StringLiteralType[], suggestedName)}` });
            return mark({ oneOf: members.map((m, i) => this.spec(m, `${suggestedName}${i}`, side, plain)) });
        }
        if (t.flags & ts.TypeFlags.StringLike) return mark({ type: "string" });
        if (t.flags & ts.TypeFlags.NumberLike) return mark({ type: "number" });
        if (t.flags & ts.TypeFlags.BooleanLike) return mark({ type: "boolean" });
        if (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return mark({ $ref: ANY_REF });
        if (this.checker.isArrayType(t)) {
            const [element] = this.checker.getTypeArguments(t as ts.TypeReference);
            if (element === undefined) throw new Error(`${suggestedName}: an array type without an element type`);
            return mark({ type: "array", items: this.spec(element, suggestedName, side, plain) });
        }
        const name = typeName(t);
        if (name && ANY_TYPES.has(name)) return mark({ $ref: ANY_REF });
        const index = this.checker.getIndexInfoOfType(t, ts.IndexKind.String);
        if (index && this.checker.getPropertiesOfType(t).length === 0) {
            return mark({ type: "object", additionalProperties: this.spec(index.type, suggestedName, side, plain) });
        }
        if (t.flags & ts.TypeFlags.Object) return mark({ $ref: `#/types/${this.objectType(t, name ?? suggestedName, side)}` });
        throw new Error(`${suggestedName}: no schema type for TypeScript type ${this.checker.typeToString(t)}`);
    }

    private enumType(type: ts.Type, members: ts.StringLiteralType[], suggestedName: string): string {
        const token = this.enumOf(
            members.map((m) => m.value),
            type.aliasSymbol?.name ?? suggestedName,
        );
        const description = type.aliasSymbol ? describe(type.aliasSymbol, this.checker) : undefined;
        if (description) this.describeEnum({ $ref: `#/types/${token}` }, description);
        return token;
    }

    /** Gives the enum type `spec` refers to (in a list too) `description`, when it has none yet: the first field of that type describes it. */
    describeEnum(spec: TypeSpec, description: string | undefined): void {
        const ref = spec.$ref ?? spec.items?.$ref;
        const type = ref?.startsWith("#/types/") ? this.types[ref.slice("#/types/".length)] : undefined;
        if (type && "enum" in type && !type.description && description) type.description = description;
    }

    /** The token of the enum type of `values`: the existing one with the same values, else a new one named `name`. */
    enumOf(values: readonly string[], name: string): string {
        const existing = Object.entries(this.types).find(
            ([, t]) =>
                "enum" in t &&
                sameValues(
                    t.enum.map((e) => e.value),
                    values,
                ),
        );
        if (existing) return existing[0];
        const token = this.token(schemaName(name));
        if (this.types[token]) throw new Error(`two types would be named ${token}`);
        this.types[token] = { type: "string", enum: values.map((value) => ({ name: enumMemberName(value), value })) };
        return token;
    }

    private objectType(type: ts.Type, name: string, side: Side): string {
        const token = this.token(schemaName(name));
        if (this.types[token]) return token;
        const spec: ObjectTypeSpec = { type: "object", properties: {} };
        this.types[token] = spec;
        const declaration = type.aliasTypeArguments?.[0]?.symbol ?? type.aliasSymbol ?? type.symbol;
        const description = declaration ? describe(declaration, this.checker) : undefined;
        if (description) spec.description = description;
        const required: string[] = [];
        for (const prop of this.checker.getPropertiesOfType(type)) {
            const { spec: p, optional } = this.property(prop, schemaName(name), side);
            spec.properties[prop.name] = p;
            if (!optional) required.push(prop.name);
        }
        if (required.length > 0) spec.required = required;
        return token;
    }
}

/** `spec` with its numbers whole (`@integer` on a field): `integer` for `number`, in a union too. */
function wholeNumbers(spec: TypeSpec): TypeSpec {
    if (spec.type === "number") return { ...spec, type: "integer" };
    if (spec.oneOf) return { ...spec, oneOf: spec.oneOf.map(wholeNumbers) };
    return spec;
}

/** The bounds every input of the kind of `s` has: a string's length, a list's or a map's entries. */
function defaultBounds(s: TypeSpec): InputBounds {
    if (s.type === "string") return { maxLength: MAX_STRING_LENGTH };
    if (s.type === "array") return { maxItems: MAX_ITEMS };
    if (s.type === "object") return { maxProperties: MAX_ITEMS };
    return {};
}

/** `spec` with a field's own bounds: `maxLength` on every string under it, the others where they apply. */
function withBounds(spec: TypeSpec, bounds: InputBounds): TypeSpec {
    const out: TypeSpec = { ...spec };
    if (spec.type === "string" && bounds.maxLength !== undefined) out.maxLength = bounds.maxLength;
    if (spec.type === "array" && bounds.maxItems !== undefined) out.maxItems = bounds.maxItems;
    if (spec.type === "object" && bounds.maxProperties !== undefined) out.maxProperties = bounds.maxProperties;
    if (spec.type === "number" || spec.type === "integer") {
        if (bounds.minimum !== undefined) out.minimum = bounds.minimum;
        if (bounds.maximum !== undefined) out.maximum = bounds.maximum;
    }
    if (spec.items) out.items = withBounds(spec.items, { maxLength: bounds.maxLength });
    if (spec.additionalProperties) out.additionalProperties = withBounds(spec.additionalProperties, { maxLength: bounds.maxLength });
    if (spec.oneOf) out.oneOf = spec.oneOf.map((alternative) => withBounds(alternative, bounds));
    return out;
}

/** `pulumi.Input<T>` / `pulumi.Output<T>` written on a declaration: which, and `T`. */
export function unwrapPulumiType(node: ts.TypeNode): { kind: "Input" | "Output"; inner: ts.TypeNode } | undefined {
    if (!ts.isTypeReferenceNode(node)) return undefined;
    const [inner, ...more] = node.typeArguments ?? [];
    if (inner === undefined || more.length > 0) return undefined;
    const name = ts.isQualifiedName(node.typeName) ? node.typeName.right.text : node.typeName.text;
    if (name === "Input" || name === "Output") return { kind: name, inner };
    return undefined;
}

function entityName(n: ts.EntityName): string {
    return ts.isQualifiedName(n) ? n.right.text : n.text;
}

/** A type's own name: an interface's, or the `T` of `Partial<T>`. */
function typeName(t: ts.Type): string | undefined {
    if (t.aliasSymbol?.name === "Partial" || t.aliasSymbol?.name === "Readonly") return t.aliasTypeArguments?.[0]?.symbol?.name;
    if (t.aliasSymbol) return t.aliasSymbol.name;
    const n = t.symbol?.name;
    return n && n !== "__type" && n !== "__object" ? n : undefined;
}

function schemaName(name: string): string {
    return TYPE_NAME_OVERRIDES[name] ?? (name.endsWith("Args") && name !== "Args" ? name.slice(0, -4) : name);
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
    return a.length === b.length && a.every((x) => b.includes(x));
}

function enumMemberName(value: string): string {
    return value
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map(capitalize)
        .join("");
}

export function capitalize(s: string): string {
    return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A symbol's TSDoc as markdown: the text, then `@default` and `@example` values. */
export function describe(symbol: ts.Symbol, checker: ts.TypeChecker): string | undefined {
    const text = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
    const parts = text ? [text] : [];
    for (const tag of symbol.getJsDocTags(checker)) {
        const value = ts.displayPartsToString(tag.text).trim();
        if (tag.name === "default" && value) parts.push(`Default: ${value}.`);
        if (tag.name === "example" && value) parts.push(value.includes("\n") ? `Example:\n\`\`\`\n${value}\n\`\`\`` : `Example: \`${value}\``);
    }
    return parts.length > 0 ? parts.join("\n\n") : undefined;
}
