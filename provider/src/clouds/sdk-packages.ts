/**
 * The npm packages each cloud's backend needs. They are optional peer dependencies of this package:
 * a user installs only the cloud they deploy to. Choosing a cloud whose packages are missing is a
 * `MissingCloudSdkError` naming the `npm install` command, raised before any resource is registered.
 */
import { cloudTitle } from "../model/errors";
import { CloudName } from "../model/types";

/** An npm package with the version range this package is built and tested against. */
export interface CloudSdkPackage {
    name: string;
    /** The range in package.json's `peerDependencies` (a test keeps the two equal). */
    range: string;
}

/** The packages of each cloud's backend, in the order `npm install` lists them. */
export const CLOUD_SDK_PACKAGES: Readonly<Record<CloudName, readonly CloudSdkPackage[]>> = {
    aws: [
        { name: "@pulumi/aws", range: "^7.48.0" },
        { name: "@aws-sdk/client-codebuild", range: "^3.1142.0" },
        { name: "@aws-sdk/client-ecs", range: "^3.1142.0" },
    ],
    gcp: [{ name: "@pulumi/gcp", range: "^9.37.0" }],
    digitalocean: [{ name: "@pulumi/digitalocean", range: "^4.80.1" }],
};

/** The command that installs the packages of `cloud`, e.g. `npm install @pulumi/gcp@^9.37.0`. */
export function cloudSdkInstallCommand(cloud: CloudName): string {
    return `npm install ${CLOUD_SDK_PACKAGES[cloud].map((p) => `${p.name}@${p.range}`).join(" ")}`;
}

/** The cloud's packages as package.json `dependencies` entries. */
export function cloudSdkDependencies(cloud: CloudName): Record<string, string> {
    return Object.fromEntries(CLOUD_SDK_PACKAGES[cloud].map((p) => [p.name, p.range]));
}

/** A cloud was chosen whose SDK packages are not installed. */
export class MissingCloudSdkError extends Error {
    override readonly name = "MissingCloudSdkError";
    constructor(
        readonly cloud: CloudName,
        readonly missing: string[],
    ) {
        const packages = missing.length === 1 ? `the package ${missing[0]}, which is` : `the packages ${missing.join(", ")}, which are`;
        super(`deploying to ${cloudTitle(cloud)} needs ${packages} not installed: run \`${cloudSdkInstallCommand(cloud)}\` in your project`);
    }
}

/** Whether `error` is Node's "cannot find module" for the package `name` itself (not a file inside it or another package). */
export function isMissingPackage(error: unknown, name: string): boolean {
    const e = error as { code?: string; message?: string } | undefined;
    return e?.code === "MODULE_NOT_FOUND" && typeof e.message === "string" && e.message.startsWith(`Cannot find module '${name}'`);
}

/**
 * The packages of `cloud` that `resolve` cannot find (resolving loads nothing). Any other failure to
 * resolve propagates.
 */
export function missingCloudSdkPackages(cloud: CloudName, resolve: (name: string) => string = require.resolve): string[] {
    const missing: string[] = [];
    for (const p of CLOUD_SDK_PACKAGES[cloud] ?? []) {
        try {
            resolve(p.name);
        } catch (e) {
            if (!isMissingPackage(e, p.name)) throw e;
            missing.push(p.name);
        }
    }
    return missing;
}

/**
 * Runs `load` (which requires the backend of `cloud`, and so its SDK) once every package of the
 * cloud resolves; a missing package is a `MissingCloudSdkError` listing all the missing ones.
 */
export function loadWithCloudSdk<T>(cloud: CloudName, load: () => T): T {
    const missing = missingCloudSdkPackages(cloud);
    if (missing.length > 0) throw new MissingCloudSdkError(cloud, missing);
    try {
        return load();
    } catch (e) {
        // A package that resolved but failed to load with its own name missing (a broken install).
        const name = (CLOUD_SDK_PACKAGES[cloud] ?? []).find((p) => isMissingPackage(e, p.name))?.name;
        if (name) throw new MissingCloudSdkError(cloud, [name]);
        throw e;
    }
}
