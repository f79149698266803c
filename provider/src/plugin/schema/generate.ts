/**
 * schema.json from the TypeScript: for each component of the token table, its class's output
 * properties (`pulumi.Output<T>` fields; secret when the constructor assigns them through
 * `pulumi.secret` or their TSDoc says so) and its arguments type (the constructor's second parameter), with TSDoc as
 * descriptions. `make schema` writes it; a test fails when the committed file differs.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { COMPONENTS, PACKAGE_NAME } from "../components";
import { PackageSchema, PropertySpec, ResourceSpec } from "../package-schema";
import { configSection } from "./config-section";
import { packageMetadata } from "./package-metadata";
import { describe, TypeMapper, unwrapPulumiType } from "./type-mapping";

/** The file that exports every component (the npm entry point). */
const ENTRY = "sdk/nodejs/index.ts";

export function generateSchema(root: string): PackageSchema {
    const options: ts.CompilerOptions = { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, skipLibCheck: true, noEmit: true, types: [] };
    const program = ts.createProgram([path.join(root, ENTRY)], options, hostWithoutCloudSdks(options));
    const checker = program.getTypeChecker();
    const classes = componentClasses(program, root);
    const mapper = new TypeMapper(checker, PACKAGE_NAME);
    const resources: Record<string, ResourceSpec> = {};
    for (const [token, component] of Object.entries(COMPONENTS)) {
        const cls = classes.get(component.name);
        if (!cls) throw new Error(`${token}: no exported class ${component.name} under provider/src/components`);
        const registered = superToken(cls);
        if (registered !== token) throw new Error(`${token}: class ${component.name} registers as ${registered ?? "(no literal token)"}`);
        resources[token] = resourceSpec(cls, checker, mapper);
    }
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { name: string; version: string; description: string; license: string };
    const config = configSection(mapper);
    return { ...packageMetadata(pkg), config, types: sortKeys(mapper.types), resources, functions: {} };
}

/** The text written to schema.json. */
export function schemaText(schema: PackageSchema): string {
    return JSON.stringify(schema, null, 2) + "\n";
}

/** The cloud SDKs' typings are large and no component argument uses them: read as empty modules. */
const CLOUD_SDK = /[\\/]node_modules[\\/](@pulumi[\\/](aws|gcp|digitalocean|random)|@aws-sdk|@smithy)[\\/]/;

function hostWithoutCloudSdks(options: ts.CompilerOptions): ts.CompilerHost {
    const host = ts.createCompilerHost(options);
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, language, onError, shouldCreate) => (CLOUD_SDK.test(fileName) ? ts.createSourceFile(fileName, "export {};", language) : read(fileName, language, onError, shouldCreate));
    return host;
}

function componentClasses(program: ts.Program, root: string): Map<string, ts.ClassDeclaration> {
    const dir = path.join(root, "provider", "src", "components") + path.sep;
    const found = new Map<string, ts.ClassDeclaration>();
    for (const file of program.getSourceFiles()) {
        if (!path.resolve(file.fileName).startsWith(dir)) continue;
        for (const statement of file.statements) {
            if (ts.isClassDeclaration(statement) && statement.name && statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) found.set(statement.name.text, statement);
        }
    }
    return found;
}

function constructorOf(cls: ts.ClassDeclaration): ts.ConstructorDeclaration {
    const ctor = cls.members.find(ts.isConstructorDeclaration);
    if (!ctor?.body) throw new Error(`class ${cls.name?.text} has no constructor`);
    return ctor;
}

/** The type token of the class's `super("defang:index:X", ...)` call. */
function superToken(cls: ts.ClassDeclaration): string | undefined {
    let token: string | undefined;
    const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) token = node.arguments[0].text;
        else ts.forEachChild(node, visit);
    };
    visit(constructorOf(cls));
    return token;
}

/** An output whose TSDoc says it is secret (`Secret.`, or `(secret)` of one form), assigned from a deployment's outputs. */
const SAYS_SECRET = /(^|\s)Secret\.|\(secret\)/;

/** Properties the constructor assigns from an expression that calls `pulumi.secret`. */
function secretOutputs(cls: ts.ClassDeclaration): Set<string> {
    const secret = new Set<string>();
    const callsSecret = (node: ts.Node): boolean => (ts.isCallExpression(node) && /(^|\.)secret$/.test(node.expression.getText())) || (ts.forEachChild(node, (c) => (callsSecret(c) ? true : undefined)) ?? false);
    const visit = (node: ts.Node): void => {
        if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && node.left.expression.kind === ts.SyntaxKind.ThisKeyword) {
            if (callsSecret(node.right)) secret.add(node.left.name.text);
        }
        ts.forEachChild(node, visit);
    };
    visit(constructorOf(cls));
    return secret;
}

function resourceSpec(cls: ts.ClassDeclaration, checker: ts.TypeChecker, mapper: TypeMapper): ResourceSpec {
    const name = cls.name!.text;
    const secrets = secretOutputs(cls);
    const properties: Record<string, PropertySpec> = {};
    const required: string[] = [];
    for (const member of cls.members) {
        if (!ts.isPropertyDeclaration(member) || !member.type || unwrapPulumiType(member.type)?.kind !== "Output") continue;
        const symbol = checker.getSymbolAtLocation(member.name)!;
        const { spec, optional } = mapper.property(symbol, name, "output");
        properties[symbol.name] = secrets.has(symbol.name) || SAYS_SECRET.test(spec.description ?? "") ? { ...spec, secret: true } : spec;
        if (!optional) required.push(symbol.name);
    }
    const argsParam = constructorOf(cls).parameters[1];
    if (!argsParam?.type) throw new Error(`${name}: the constructor's second parameter (the arguments) has no declared type`);
    const argsType = checker.getTypeFromTypeNode(argsParam.type);
    const inputProperties: Record<string, PropertySpec> = {};
    const requiredInputs: string[] = [];
    for (const prop of checker.getPropertiesOfType(argsType)) {
        const { spec, optional } = mapper.property(prop, name, "input");
        inputProperties[prop.name] = spec;
        if (!optional) requiredInputs.push(prop.name);
    }
    const description = classDescription(cls, checker);
    return {
        isComponent: true,
        ...(description ? { description } : {}),
        properties,
        ...(required.length ? { required } : {}),
        inputProperties,
        ...(requiredInputs.length ? { requiredInputs } : {}),
    };
}

/** The class's TSDoc, else the file's opening doc comment (where the components describe themselves). */
function classDescription(cls: ts.ClassDeclaration, checker: ts.TypeChecker): string | undefined {
    const symbol = cls.name ? checker.getSymbolAtLocation(cls.name) : undefined;
    const own = symbol ? describe(symbol, checker) : undefined;
    if (own) return own;
    const file = cls.getSourceFile();
    const first = ts.getLeadingCommentRanges(file.text, 0)?.find((r) => file.text.startsWith("/**", r.pos));
    if (!first) return undefined;
    const lines = file.text
        .slice(first.pos + 3, first.end - 2)
        .split("\n")
        .map((l) => l.replace(/^\s*\* ?/, ""));
    const exampleAt = lines.findIndex((l) => l.startsWith("@example"));
    const text = (exampleAt >= 0 ? lines.slice(0, exampleAt) : lines).join("\n").trim();
    const example =
        exampleAt >= 0
            ? lines
                  .slice(exampleAt + 1)
                  .join("\n")
                  .trim()
            : "";
    return example ? `${text}\n\nExample (TypeScript):\n\`\`\`typescript\n${example}\n\`\`\`` : text;
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
    return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
