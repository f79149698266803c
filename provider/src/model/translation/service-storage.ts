/**
 * The table, part 5: what a container finds on its file system (volumes, tmpfs, secrets, configs)
 * and the models it is given.
 */
import { AttributeEntry, approximated, entry, everywhere, mapped, refused } from "./types";

export const SERVICE_STORAGE: AttributeEntry[] = [
    entry(
        "volumes",
        "named volumes and bind mounts keep files across restarts or share them with the host: the containers have no persistent disk and there is no host",
        {
            aws: approximated("volumes are not mounted: the container's path starts empty (or with what the image put there) each time it starts, and nothing written there is kept"),
            gcp: approximated("volumes are not mounted: the container's path starts empty (or with what the image put there) each time it starts, and nothing written there is kept"),
            digitalocean: approximated("a tmpfs volume is not mounted: the path is on the container's writable layer (named volumes and bind mounts are refused)"),
        },
        { coversChildren: true, features: ["docker-socket", "volumes"] },
    ),
    entry("volumes_from", "another service's volumes: containers share no disk", everywhere(refused("volumes-from"))),
    entry("tmpfs", "a memory file system", everywhere(approximated("`tmpfs` is not mounted: the path is on the container's writable layer, which is also lost when it stops"))),
    entry("secrets", "files under /run/secrets", everywhere(refused("file-secrets")), { coversChildren: true }),
    entry("configs", "files placed in the container", everywhere(refused("file-configs")), { coversChildren: true }),
    entry("models", "the models the service uses: `<KEY>_URL` and `<KEY>_MODEL` (or `endpoint_var` / `model_var`) give the model endpoint and its model id", {
        aws: mapped("environment variables naming the model's gateway service (`http://<model>/api/v1/`) and Bedrock model id"),
        gcp: mapped("environment variables naming the model's gateway service (its Cloud Run URL + `/api/v1/`) and Vertex AI model id"),
        digitalocean: mapped("environment variables naming `https://inference.do-ai.run/v1/` and the serverless inference model id, plus the model access key"),
    }, { coversChildren: true }),
];
