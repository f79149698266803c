/**
 * The Google Cloud backend: Cloud Run services and worker pools, Cloud SQL for PostgreSQL,
 * Memorystore for Redis, Firestore with MongoDB compatibility, Secret Manager for sensitive config, Cloud Build and Artifact Registry for
 * builds, Vertex AI for managed models. Loaded only when a component deploys to Google Cloud.
 */
import { CloudBackend } from "../backend";
import { GcpInfrastructure } from "./types";
import { createGcpInfrastructure } from "./infrastructure";
import { deployGcpMongo } from "./data/mongo";
import { deployGcpPostgres } from "./data/postgres";
import { deployGcpRedis } from "./data/redis";
import { deployGcpService } from "./compute/service";

export const gcpBackend: CloudBackend<GcpInfrastructure> = {
    cloud: "gcp",
    createInfrastructure: createGcpInfrastructure,
    deployService: deployGcpService,
    deployPostgres: deployGcpPostgres,
    deployRedis: deployGcpRedis,
    deployMongo: deployGcpMongo,
    // Every resource is created as its component is: nothing is left for the end.
    finish: () => undefined,
};
