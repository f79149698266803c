/**
 * The table, part 7: the `x-defang-*` extensions of a service. Other `x-*` extensions belong to
 * other tools and are left alone; an unknown `x-defang-*` one is a warning naming the known ones.
 */
import { AttributeEntry, entry, everywhere, mapped, refused } from "./types";

export const EXTENSIONS: AttributeEntry[] = [
    entry(
        "x-defang-postgres",
        "the service is replaced by a managed PostgreSQL database; its container attributes describe the local stand-in",
        {
            aws: mapped("RDS for PostgreSQL, private subnets, encrypted"),
            gcp: mapped("Cloud SQL for PostgreSQL, private IP"),
            digitalocean: mapped("managed PostgreSQL cluster, trusted sources = the App"),
        },
        { coversChildren: true, features: ["postgres-password-template"] },
    ),
    entry(
        "x-defang-redis",
        "the service is replaced by a managed Redis-compatible cache; its container attributes describe the local stand-in",
        {
            aws: mapped("ElastiCache (Redis OSS or Valkey), private, encrypted"),
            gcp: mapped("Memorystore for Redis, private"),
            digitalocean: mapped("managed Valkey cluster, trusted sources = the App"),
        },
        { coversChildren: true },
    ),
    entry(
        "x-defang-llm",
        "the service may call the cloud's managed models",
        {
            aws: mapped("Bedrock access for the task role"),
            gcp: mapped("Vertex AI access for the service account"),
            digitalocean: mapped("GenAI serverless inference key and endpoint"),
        },
        { coversChildren: true },
    ),
    entry("x-defang-autoscaling", "the number of containers follows the CPU load, from `deploy.replicas` up", {
        aws: mapped("Application Auto Scaling target tracking on the ECS service's CPU"),
        gcp: mapped("Cloud Run instance autoscaling between the minimum and maximum counts"),
        digitalocean: mapped("component `autoscaling` on CPU"),
    }),
    entry(
        "x-defang-mongodb",
        "the service is replaced by a managed MongoDB-compatible database; its container attributes describe the local stand-in",
        {
            aws: mapped("Amazon DocumentDB cluster, private subnets, encrypted, TLS required"),
            gcp: mapped("Firestore with MongoDB compatibility (Enterprise edition), TLS and SCRAM credentials"),
            digitalocean: mapped("managed MongoDB cluster in the project's VPC, trusted sources = the App"),
        },
        { coversChildren: true, features: ["mongo-password-template", "mongo-user-not-literal"] },
    ),
    entry("x-defang-static-files", "static files served by the cloud", everywhere(refused("managed-static-files")), { coversChildren: true }),
];

/** The `x-defang-*` extensions a service may have. */
export const KNOWN_EXTENSIONS: readonly string[] = EXTENSIONS.map((e) => e.path);
