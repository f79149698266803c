/**
 * The table, part 5: what a container finds on its file system (volumes, tmpfs, secrets, configs)
 * and the models it is given.
 */
import { AttributeEntry, approximated, entry, everywhere, mapped, refused } from "./types";

/**
 * A service's `secrets` or `configs`: the file, its content, its path, owner and mode. DigitalOcean
 * refuses them all by the feature `refusal` (App Platform has no files); the model's detectors
 * decide the value-dependent cases (see `file-mounts.ts`).
 */
function fileEntries(attribute: "secrets" | "configs", refusal: "file-secrets" | "file-configs", why: string): AttributeEntry[] {
    const file = (aws: string, gcp: string) => ({ aws: mapped(aws), gcp: mapped(gcp), digitalocean: refused(refusal) });
    const owner = (id: "uid" | "gid") => ({
        aws: mapped(`the file's owner ${id}, set by the init container (\`chown\`)`),
        gcp: approximated(`\`${id}\` is not applied: Cloud Run mounts secret and config files owned by root (the file's \`mode\` is applied; the default 0444 is readable by every user)`),
        digitalocean: refused(refusal),
    });
    const on = [refusal];
    return [
        entry(attribute, why, file("files written by an init container into task volumes (see its items)", "Cloud Run secret volumes (see its items)"), { features: on }),
        entry(
            `${attribute}[].source`,
            "the secret or config whose content the file holds",
            file(
                "an SSM SecureString parameter per file, read by ECS into the init container's environment; the execution role reads exactly those",
                "a Secret Manager secret per directory of the service's files, a version per file; the service's account alone reads it",
            ),
            { features: [refusal, "file-source-missing", "file-config-key"] },
        ),
        entry(
            `${attribute}[].target`,
            "the file's path in the container: its directory is mounted as a whole",
            file("a task volume mounted read-only at the file's directory", "a Cloud Run volume mount at the file's directory"),
            { features: [refusal, "file-directory", "file-system-directory", "file-target-taken"] },
        ),
        entry(`${attribute}[].uid`, "the file's owner", owner("uid"), { features: on }),
        entry(`${attribute}[].gid`, "the file's group", owner("gid"), { features: on }),
        entry(`${attribute}[].mode`, "the file's permission bits (default 0444)", file("set by the init container (`chmod`)", "the secret volume item's `mode`"), { features: on }),
    ];
}

export const SERVICE_STORAGE: AttributeEntry[] = [
    entry(
        "volumes",
        "a named volume outlives the container and is shared by the services that mount it; an anonymous volume lives with the container; a tmpfs is memory; a bind mount shares a host directory, and the cloud has no host",
        {
            aws: mapped("named volume: an Amazon EFS access point (directory /<volume>) of the project's encrypted file system, mounted with TLS and IAM; `read_only`: a read-only mount point; tmpfs: task storage"),
            gcp: mapped("named volume: a Cloud Storage FUSE mount of the project's bucket (prefix <volume>/); tmpfs: an in-memory volume; `read_only`: a read-only mount"),
            digitalocean: approximated("a tmpfs volume is not mounted: the path is on the container's writable layer (named volumes and bind mounts are refused)"),
        },
        { coversChildren: true, features: ["docker-socket", "bind-mount", "build-context-bind", "volume-type", "external-volume", "volume-driver", "volumes", "anonymous-volume", "tmpfs-volume", "volume-image-files"] },
    ),
    entry("volumes_from", "another service's volumes: containers share no disk", everywhere(refused("volumes-from"))),
    entry("tmpfs", "a memory file system", {
        aws: approximated("Fargate has no tmpfs: the path is a volume on the task's ephemeral storage (disk, not memory), emptied when the task stops; `size` is not applied"),
        gcp: mapped("an in-memory volume (`emptyDir`, medium MEMORY, `size` as its limit), counted in the instance's memory"),
        digitalocean: approximated("`tmpfs` is not mounted: the path is on the container's writable layer, which is also lost when it stops"),
    }),
    ...fileEntries("secrets", "file-secrets", "read-only files at `target` (default /run/secrets/<name>), their content from Pulumi config as a secret (see README: Secrets and configs as files)"),
    ...fileEntries("configs", "file-configs", "files at `target` (default /<name>), their content from the compose file (`content:`, `file:`) or Pulumi config (`environment:`, `external`)"),
    entry(
        "models",
        "the models the service uses: `<KEY>_URL` and `<KEY>_MODEL` (or `endpoint_var` / `model_var`) give the model endpoint and its model id",
        {
            aws: mapped("environment variables naming the model's gateway service (`http://<model>/api/v1/`) and Bedrock model id"),
            gcp: mapped("environment variables naming the model's gateway service (its Cloud Run URL + `/api/v1/`) and Vertex AI model id"),
            digitalocean: mapped("environment variables naming `https://inference.do-ai.run/v1/` and the serverless inference model id, plus the model access key"),
        },
        { coversChildren: true },
    ),
];
