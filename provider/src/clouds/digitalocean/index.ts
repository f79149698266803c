/**
 * The DigitalOcean backend: App Platform (one App per project, or per lone service), managed
 * PostgreSQL, Valkey and MongoDB clusters in the project's VPC that trust the App only, App env vars of
 * type SECRET for sensitive config, serverless inference (GenAI) for managed models. Loaded only
 * when a component deploys to DigitalOcean.
 */
import { CloudBackend } from "../backend";
import { DigitalOceanInfrastructure } from "./types";
import { finishDigitalOcean } from "./compute/app";
import { createDigitalOceanInfrastructure } from "./infrastructure";
import { deployDigitalOceanMongo } from "./data/mongo";
import { deployDigitalOceanPostgres } from "./data/postgres";
import { deployDigitalOceanRedis } from "./data/redis";
import { deployDigitalOceanService } from "./compute/service";

export const digitalOceanBackend: CloudBackend<DigitalOceanInfrastructure> = {
    cloud: "digitalocean",
    createInfrastructure: createDigitalOceanInfrastructure,
    deployService: deployDigitalOceanService,
    deployPostgres: deployDigitalOceanPostgres,
    deployRedis: deployDigitalOceanRedis,
    deployMongo: deployDigitalOceanMongo,
    finish: finishDigitalOcean,
};
