/**
 * The table, part 6: the top-level elements of a compose file besides `services`.
 */
import { LOADED } from "./service-image";
import { AttributeEntry, approximated, entry, everywhere, mapped, refused } from "./types";

const network = everywhere(mapped("the project's private network: every service reaches the others by name"));
const networkSetting = (attr: string) => everywhere(approximated(`\`networks.<n>.${attr}\` is not applied: the project's services share the cloud's private network`));

export const PROJECT: AttributeEntry[] = [
    entry("name", "the project name: the prefix of every resource", everywhere(mapped("the name of the stack's resources"))),
    entry("version", "obsolete; ignored by Docker Compose too", everywhere(mapped("obsolete: nothing to apply (Docker Compose ignores it too)"))),
    entry("include", "other compose files, merged by the loader", everywhere(LOADED), { coversChildren: true }),
    entry("services", "each service becomes a component (see the service attributes)", {
        aws: mapped("DefangService (ECS Fargate), DefangPostgres (RDS), DefangRedis (ElastiCache), DefangLLM (Bedrock)"),
        gcp: mapped("DefangService (Cloud Run), DefangPostgres (Cloud SQL), DefangRedis (Memorystore), DefangLLM (Vertex AI)"),
        digitalocean: mapped("DefangService (App Platform component), DefangPostgres and DefangRedis (managed databases), DefangLLM (GenAI)"),
    }),
    entry("networks", "the project's networks", network),
    entry("networks.*.name", "the network's name on the host", network),
    entry("networks.*.driver", "bridge or overlay: one private network either way", network),
    entry("networks.*.driver_opts", "options of the host's network driver", networkSetting("driver_opts")),
    entry("networks.*.attachable", "whether standalone containers may join", networkSetting("attachable")),
    entry("networks.*.enable_ipv4", "IPv4 addresses", network),
    entry("networks.*.enable_ipv6", "IPv6 addresses", networkSetting("enable_ipv6")),
    entry("networks.*.ipam", "address ranges chosen by hand", networkSetting("ipam"), { coversChildren: true }),
    entry("networks.*.internal", "a network with no way out to the internet: a service only on internal networks has no egress", {
        aws: mapped("isolated subnets whose route table has no route out, with VPC endpoints for ECR, CloudWatch Logs, S3 and SSM"),
        gcp: mapped("an isolated subnet with Private Google Access and no Cloud NAT, all the service's traffic sent through it"),
        digitalocean: refused("internal-network"),
    }),
    entry("networks.*.labels", "network metadata", networkSetting("labels")),
    entry(
        "networks.*.external",
        "a network created outside the project: the cloud has only the project's own",
        everywhere(approximated("an external network is not joined: the project's services share the cloud's private network only")),
        { coversChildren: true },
    ),
    entry(
        "volumes",
        "named volumes: storage that outlives containers, shared by the services that mount one (see their `volumes`)",
        {
            aws: mapped("one encrypted Amazon EFS file system per project (backups on, kept on delete), an access point per volume"),
            gcp: mapped("one Cloud Storage bucket per project (soft delete, kept on delete), a prefix per volume, mounted with Cloud Storage FUSE"),
            digitalocean: refused("volumes"),
        },
        { coversChildren: true },
    ),
    entry("volumes.*.name", "the volume's name on the host", everywhere(approximated("not used: a volume's directory (AWS) or prefix (Google Cloud) is its key in the file"))),
    entry("volumes.*.driver", "the Docker volume driver: `local` is the default, any other is a plugin of the host", everywhere(refused("volume-driver"))),
    entry("volumes.*.driver_opts", "options of the Docker volume driver (NFS, bind, tmpfs devices)", everywhere(refused("volume-driver"))),
    entry("volumes.*.external", "a volume created outside the project", everywhere(refused("external-volume")), { coversChildren: true }),
    entry("volumes.*.labels", "volume metadata", everywhere(approximated("`labels` of a volume are not applied (the project's tags and labels are)"))),
    entry(
        "secrets",
        "secrets mounted as files: decided where a service uses one (its `secrets`); the content comes from Pulumi config",
        {
            aws: mapped("SSM SecureString parameters (see the service's `secrets`)"),
            gcp: mapped("Secret Manager secrets (see the service's `secrets`)"),
            digitalocean: refused("file-secrets"),
        },
        { coversChildren: true },
    ),
    entry(
        "configs",
        "configs mounted as files: decided where a service uses one (its `configs`)",
        {
            aws: mapped("SSM SecureString parameters (see the service's `configs`)"),
            gcp: mapped("Secret Manager secrets (see the service's `configs`)"),
            digitalocean: refused("file-configs"),
        },
        { coversChildren: true },
    ),
    entry(
        "models",
        "models served to the services that list them: one managed model endpoint per model used (see the README's AI models section)",
        {
            aws: mapped("an OpenAI-compatible gateway service (Bedrock) in the project's private network; its task role may invoke only the mapped model"),
            gcp: mapped("an OpenAI-compatible gateway service (Vertex AI) on Cloud Run, internal; its service account may only predict"),
            digitalocean: mapped("DigitalOcean serverless inference (OpenAI-compatible); the model access key is a SECRET env var"),
        },
        { coversChildren: true },
    ),
];
