/**
 * A service's secret and config files on Cloud Run: secret volumes. Cloud Run mounts a volume at a
 * directory, and one secret volume holds one Secret Manager secret, whose versions become files
 * (`items`). So the files of one directory are one secret of the service, a version per file,
 * mounted at that directory with each file's `mode`; the service's account alone may read it (a
 * grant on the secret itself). The content appears in no service definition.
 */
import * as path from "path";
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { fileDirectories } from "../../../model/file-mounts";
import { ServiceModel } from "../../../model/types";
import { fileRoles } from "../../file-content";
import { SECRET_ACCESSOR_ROLE } from "../secrets/secret-store";
import { GcpInfrastructure } from "../types";

export interface GcpFileMountsArgs {
    name: string;
    model: ServiceModel;
    /** The content of each of `model.files`, in order (see `file-content.ts`). */
    contents: pulumi.Output<string>[];
    member: pulumi.Output<string>;
    infra: GcpInfrastructure;
    parent: pulumi.ComponentResource;
}

/** A secret volume, in the shape every Cloud Run template (service, job, worker pool) takes. */
export interface CloudRunSecretVolume {
    name: string;
    secret: { secret: pulumi.Input<string>; items: Array<{ version: pulumi.Input<string>; path: string; mode: number }> };
}

export interface GcpFileMounts {
    /** For the revision template's `volumes`. */
    volumes: CloudRunSecretVolume[];
    /** For the container's `volumeMounts`. */
    volumeMounts: gcp.types.input.cloudrunv2.ServiceTemplateContainerVolumeMount[];
    /** The grants and versions: the service must not start before them. */
    dependsOn: pulumi.Resource[];
}

/** The Cloud Run volume name of the files of the `index`-th directory. */
export const fileVolumeName = (index: number): string => `files-${index}`;

/** Undefined when the service has no files. */
export function createFileMounts({ name, model, contents, member, infra, parent }: GcpFileMountsArgs): GcpFileMounts | undefined {
    const files = model.files ?? [];
    if (files.length === 0) return undefined;
    const roles = fileRoles(files);
    const api = infra.api("secretmanager.googleapis.com");
    const out: GcpFileMounts = { volumes: [], volumeMounts: [], dependsOn: [] };
    fileDirectories(files).forEach(({ dir, files: inDir }, i) => {
        const secret = new gcp.secretmanager.Secret(
            `${name}-files-${i}`,
            {
                project: infra.project,
                // Kept in the stack's region only; Google-managed encryption keys.
                replication: { userManaged: { replicas: [{ location: infra.region }] } },
                labels: {
                    ...infra.labels,
                    service: model.name
                        .toLowerCase()
                        .replace(/[^a-z0-9_-]/g, "-")
                        .slice(0, 63),
                },
                annotations: { "defang-directory": dir },
            },
            { parent, dependsOn: [api] },
        );
        const items = inDir.map((m) => {
            const k = files.indexOf(m);
            const version = new gcp.secretmanager.SecretVersion(`${name}-${roles[k]}`, { secret: secret.id, secretData: contents[k] }, { parent });
            out.dependsOn.push(version);
            return { version: version.version, path: path.posix.basename(m.target), mode: m.mode };
        });
        out.dependsOn.push(new gcp.secretmanager.SecretIamMember(`${name}-files-${i}-reader`, { project: infra.project, secretId: secret.secretId, role: SECRET_ACCESSOR_ROLE, member }, { parent }));
        out.volumes.push({ name: fileVolumeName(i), secret: { secret: secret.secretId, items } });
        out.volumeMounts.push({ name: fileVolumeName(i), mountPath: dir });
    });
    return out;
}
