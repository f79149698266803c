/**
 * A service's mounts on Cloud Run:
 * - a named volume is the project's volume bucket (see `volume-bucket.ts`) mounted with Cloud
 *   Storage FUSE at the volume's prefix (`only-dir=<volume>`), read-only where the compose mount is,
 *   with the files owned by the service's user when it is numeric; the service's own account gets
 *   `roles/storage.objectUser` on that bucket only (`roles/storage.objectViewer` when every mount
 *   is read-only). Cloud Storage FUSE needs the second generation execution environment.
 * - a tmpfs is an in-memory volume (`emptyDir`, medium MEMORY), limited to its `size` when written;
 *   it counts in the instance's memory. Anonymous volumes are not mounted (see `mounts.ts`).
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { numericUser } from "../../../model/mounts";
import { ServiceModel } from "../../../model/types";
import { GcpInfrastructure } from "../types";

/** The execution environment Cloud Storage FUSE volumes need. */
export const FUSE_EXECUTION_ENVIRONMENT = "EXECUTION_ENVIRONMENT_GEN2";

export interface CloudRunVolumeMount {
    name: string;
    mountPath: string;
    subPath?: string;
}

export interface CloudRunVolume {
    name: string;
    gcs?: { bucket: pulumi.Input<string>; readOnly: boolean; mountOptions: string[] };
    emptyDir?: { medium: "MEMORY"; sizeLimit?: string };
}

export interface ServiceVolumes {
    /** The template's volumes. */
    volumes: CloudRunVolume[];
    /** The container's volume mounts. */
    volumeMounts: CloudRunVolumeMount[];
    /** The bucket access of the service's account; instances must not start before it. */
    grants: pulumi.Resource[];
    /** Whether a Cloud Storage volume needs the second generation execution environment. */
    needsGen2: boolean;
}

/** The Cloud Storage FUSE options of a volume: its prefix, directories implied by object names, and the owner of its files. */
export function fuseMountOptions(volume: string, user: { uid: number; gid: number } | undefined): string[] {
    return [`only-dir=${volume}`, "implicit-dirs", ...(user ? [`uid=${user.uid}`, `gid=${user.gid}`] : [])];
}

/** The template volumes, container mounts and bucket access of `model`'s mounts (none when it has none). */
export function createServiceVolumes(args: { name: string; model: ServiceModel; member: pulumi.Input<string>; infra: GcpInfrastructure; parent: pulumi.ComponentResource }): ServiceVolumes {
    const { name, model, infra, parent } = args;
    const out: ServiceVolumes = { volumes: [], volumeMounts: [], grants: [], needsGen2: false };
    const mounts = model.mounts ?? [];
    const user = numericUser(model.user);
    let writes = false;
    let bucket: gcp.storage.Bucket | undefined;
    mounts.forEach((m, i) => {
        const volumeName = `mount-${i}`;
        if (m.kind === "volume") {
            bucket ??= infra.volumeBucket();
            writes ||= !m.readOnly;
            out.volumes.push({ name: volumeName, gcs: { bucket: bucket.name, readOnly: m.readOnly, mountOptions: fuseMountOptions(m.volume, user) } });
            out.volumeMounts.push({ name: volumeName, mountPath: m.target, ...(m.subpath ? { subPath: m.subpath } : {}) });
        } else {
            const size = m.sizeBytes ? { sizeLimit: `${Math.max(1, Math.ceil(m.sizeBytes / 1024 ** 2))}Mi` } : {};
            out.volumes.push({ name: volumeName, emptyDir: { medium: "MEMORY", ...size } });
            out.volumeMounts.push({ name: volumeName, mountPath: m.target });
        }
    });
    if (bucket) {
        out.needsGen2 = true;
        out.grants.push(new gcp.storage.BucketIAMMember(`${name}-volume-access`, { bucket: bucket.name, role: writes ? "roles/storage.objectUser" : "roles/storage.objectViewer", member: args.member }, { parent }));
    }
    return out;
}
