/**
 * The content of a secret or config file (see `model/file-mounts.ts`), read when the stack is
 * deployed: a secret's is always a Pulumi secret; a config's is a secret only when it comes from
 * Pulumi config. Reads the config at once, so that a missing key throws (naming it and the
 * `pulumi config set --secret` command) before any resource is created.
 */
import * as pulumi from "@pulumi/pulumi";
import { ConfigValues } from "./config-values";
import { readLocalFile } from "../model/file-mounts";
import { FileMountModel } from "../model/types";

export function fileContent(mount: FileMountModel, config: ConfigValues, usedBy: string): pulumi.Output<string> {
    const content = mount.content;
    switch (content.kind) {
        case "config":
            return pulumi.secret(config.get(content.key, usedBy));
        case "local-file": {
            const text = readLocalFile(content.path);
            return mount.kind === "secret" ? pulumi.secret(text) : pulumi.output(text);
        }
        case "literal":
            return mount.kind === "secret" ? pulumi.secret(content.value) : pulumi.output(content.value);
    }
}

/** The contents of all the files of a service, in order. */
export function fileContents(mounts: readonly FileMountModel[] | undefined, config: ConfigValues, usedBy: string): pulumi.Output<string>[] {
    return (mounts ?? []).map((m) => fileContent(m, config, usedBy));
}

/** Logical resource names for the files, `<role>-<secret or config name>`, unique within the service. */
export function fileRoles(mounts: readonly FileMountModel[]): string[] {
    const seen = new Set<string>();
    return mounts.map((m, i) => {
        const role = `${m.kind}-${m.name}`;
        const unique = seen.has(role) ? `${role}-${i}` : role;
        seen.add(unique);
        return unique;
    });
}
