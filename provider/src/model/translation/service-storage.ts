/**
 * The table, part 5: what a container finds on its file system (volumes, tmpfs, secrets, configs)
 * and the models it is given.
 */
import { AttributeEntry, approximated, entry, everywhere, mapped, refused } from "./types";

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
    entry("secrets", "files under /run/secrets", everywhere(refused("file-secrets")), { coversChildren: true }),
    entry("configs", "files placed in the container", everywhere(refused("file-configs")), { coversChildren: true }),
    entry("models", "the models the service uses: `<KEY>_URL` and `<KEY>_MODEL` (or `endpoint_var` / `model_var`) give the model endpoint and its model id", {
        aws: mapped("environment variables naming the model's gateway service (`http://<model>/api/v1/`) and Bedrock model id"),
        gcp: mapped("environment variables naming the model's gateway service (its Cloud Run URL + `/api/v1/`) and Vertex AI model id"),
        digitalocean: mapped("environment variables naming `https://inference.do-ai.run/v1/` and the serverless inference model id, plus the model access key"),
    }, { coversChildren: true }),
];
