/**
 * What a service mounts, in the model: a named volume or a memory file system (`tmpfs`). Read
 * from compose by `mounts.ts`.
 */

type Field = Array<string | number>;

/** A named volume of the project, mounted at `target`. */
export interface VolumeMount {
    kind: "volume";
    /** The volume's key in the top-level `volumes` (its directory in the project's storage). */
    volume: string;
    target: string;
    readOnly: boolean;
    /** A directory inside the volume mounted instead of its root (`volume.subpath`). */
    subpath?: string;
    /** Where it was written, e.g. `["volumes", 0]`. */
    field: Field;
}

/** A tmpfs: a memory file system. */
export interface MemoryMount {
    kind: "memory";
    target: string;
    /** `size`, in bytes, when written. */
    sizeBytes?: number;
    field: Field;
}

export type MountModel = VolumeMount | MemoryMount;
