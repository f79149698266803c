/**
 * The files the plugin ships beside its code: `schema.json` and `package.json` at the package root
 * (the repository root, or the root of the plugin archive), found upwards from the compiled code.
 */
import * as fs from "fs";
import * as path from "path";
import { PackageSchema } from "./package-schema";

/** The package root: the nearest directory above `from` holding both schema.json and package.json. */
export function packageRoot(from: string = __dirname): string {
    for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "schema.json")) && fs.existsSync(path.join(dir, "package.json"))) return dir;
        if (path.dirname(dir) === dir) throw new Error(`schema.json not found above ${from}; the plugin must be installed with its package files`);
    }
}

export interface PackageFiles {
    /** The schema as served by GetSchema (the file's text). */
    schemaText: string;
    schema: PackageSchema;
    version: string;
}

export function readPackageFiles(root: string = packageRoot()): PackageFiles {
    const schemaText = fs.readFileSync(path.join(root, "schema.json"), "utf8");
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
    return { schemaText, schema: JSON.parse(schemaText) as PackageSchema, version: pkg.version };
}
