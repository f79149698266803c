/**
 * How a service's secret and config files reach its container on Fargate, as plain objects (no
 * resources): each file's content is an SSM parameter that ECS puts in the environment of a small
 * init container (`defang-files`), which writes it into an ephemeral task volume with its mode and
 * owner and exits; the service's container starts after it has succeeded and mounts each volume
 * read-only at the directory of its files. The content appears in no task definition.
 */
import * as fs from "fs";
import * as path from "path";
import { shellQuote } from "../../../build/shell-quote";
import { UnsupportedFeature } from "../../../model/errors";
import { fileDirectories } from "../../../model/file-mounts";
import { FileMountModel, ServiceModel } from "../../../model/types";
import { fieldText } from "../../../model/translation/dispositions";
import { EcsSecret } from "../secrets/secret-store";

/**
 * The init container's image: BusyBox (a shell, printf, chown, chmod in about 2 MB) from the ECR
 * Public mirror of Docker Official Images (no Docker Hub pull limits), pinned by digest so that the
 * code that handles the secrets cannot change under the project.
 */
export const FILE_WRITER_IMAGE = "public.ecr.aws/docker/library/busybox:1.37.0@sha256:9db7b59979c38555a39def84a31fb98b5296952f9e3afd4f6f11f05b07adfab0";

/** The init container's name in the task. */
export const FILE_WRITER_CONTAINER = "defang-files";

/** Where the init container sees the volumes: `<root>/<index>`. */
export const FILE_WRITER_ROOT = "/defang-files";

/** The largest SSM parameter value (Advanced tier): 8 KB. */
export const MAX_FILE_BYTES = 8192;

export interface AwsFileVolume {
    /** The task volume's name. */
    name: string;
    /** The directory it is mounted at in the service's container. */
    dir: string;
}

export interface AwsFile {
    mount: FileMountModel;
    volume: AwsFileVolume;
    /** The init container's environment variable that holds the content. */
    variable: string;
    /** The file's path in the init container. */
    writerPath: string;
}

export interface AwsFilePlan {
    volumes: AwsFileVolume[];
    files: AwsFile[];
}

/** One task volume per directory, one variable per file, in the order written. */
export function fileMountPlan(mounts: readonly FileMountModel[]): AwsFilePlan {
    const volumes: AwsFileVolume[] = [];
    const files: AwsFile[] = [];
    fileDirectories(mounts).forEach(({ dir, files: inDir }, i) => {
        const volume = { name: `${FILE_WRITER_CONTAINER}-${i}`, dir };
        volumes.push(volume);
        for (const mount of inDir) files.push({ mount, volume, variable: "", writerPath: `${FILE_WRITER_ROOT}/${i}/${path.posix.basename(mount.target)}` });
    });
    // Variables follow the model's order of files, so that the caller's contents line up with them.
    const ordered = mounts.map((m) => files.find((f) => f.mount === m)!);
    ordered.forEach((f, i) => (f.variable = `DEFANG_FILE_${i}`));
    return { volumes, files: ordered };
}

/** The init container's shell script: write each file without letting anyone else read it first, then set its owner and mode. */
export function writerScript(plan: AwsFilePlan): string {
    const lines = ["set -eu", "umask 077"];
    // The directories are the volumes' roots: the container's user must be able to enter them.
    plan.volumes.forEach((_, i) => lines.push(`chmod 0755 ${FILE_WRITER_ROOT}/${i}`));
    for (const f of plan.files) {
        const file = shellQuote(f.writerPath);
        lines.push(`printf '%s' "$${f.variable}" > ${file}`);
        if (f.mount.uid !== undefined || f.mount.gid !== undefined) lines.push(`chown ${shellQuote(`${f.mount.uid ?? "0"}:${f.mount.gid ?? "0"}`)} ${file}`);
        lines.push(`chmod ${f.mount.mode.toString(8).padStart(4, "0")} ${file}`);
    }
    return lines.join("\n");
}

/** The init container: not essential (it exits), its log in the service's log group. */
export function writerContainer(plan: AwsFilePlan, secrets: EcsSecret[], logs: { group: unknown; region: unknown; prefix: string }): Record<string, unknown> {
    return {
        name: FILE_WRITER_CONTAINER,
        image: FILE_WRITER_IMAGE,
        essential: false,
        user: "0",
        entryPoint: ["sh", "-c"],
        command: [writerScript(plan)],
        secrets: secrets.map((s) => ({ name: s.name, valueFrom: s.valueFrom })),
        mountPoints: plan.volumes.map((v, i) => ({ sourceVolume: v.name, containerPath: `${FILE_WRITER_ROOT}/${i}`, readOnly: false })),
        logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": logs.group, "awslogs-region": logs.region, "awslogs-stream-prefix": logs.prefix } },
    };
}

/** The service's container definition with the file volumes mounted read-only, started once the files are written. */
export function withFileMounts(container: Record<string, unknown>, plan: AwsFilePlan | undefined): Record<string, unknown> {
    if (!plan) return container;
    const mountPoints = [...((container.mountPoints as unknown[]) ?? []), ...plan.volumes.map((v) => ({ sourceVolume: v.name, containerPath: v.dir, readOnly: true }))];
    const dependsOn = [...((container.dependsOn as unknown[]) ?? []), { containerName: FILE_WRITER_CONTAINER, condition: "SUCCESS" }];
    return { ...container, mountPoints, dependsOn };
}

/** What AWS refuses of a service's files: content larger than a parameter holds, and files of a service without internet access (the init image could not be pulled). */
export function fileMountProblems(model: ServiceModel): UnsupportedFeature[] {
    const out: UnsupportedFeature[] = [];
    for (const m of model.files ?? []) {
        const bytes = m.content.kind === "literal" ? Buffer.byteLength(m.content.value) : m.content.kind === "local-file" ? localSize(m.content.path) : 0;
        if (bytes > MAX_FILE_BYTES) {
            out.push({
                service: model.name,
                field: fieldText(m.field),
                message: `${m.kind} "${m.name}" is ${bytes} bytes, more than the ${MAX_FILE_BYTES} bytes an SSM parameter holds`,
                hint: "copy the file into the image instead, or split it",
            });
        }
    }
    const [firstFile] = model.files ?? [];
    if (model.internalNetworks && firstFile) {
        out.push({
            service: model.name,
            field: fieldText(firstFile.field),
            message: `the files cannot be written: the service is only on internal networks (${model.internalNetworks.join(", ")}), and the init container that writes them is pulled from ECR Public`,
            hint: "attach the service to a network that is not internal, or copy the files into the image",
        });
    }
    return out;
}

function localSize(file: string): number {
    try {
        return fs.statSync(file).size;
    } catch {
        return 0;
    }
}
