/**
 * The AWS backend: ECS Fargate behind an Application Load Balancer, RDS PostgreSQL, ElastiCache, DocumentDB,
 * SSM Parameter Store for sensitive config, Bedrock for managed models. Loaded only when a
 * component deploys to AWS.
 */
import { CloudBackend } from "../backend";
import { AwsInfrastructure } from "./types";
import { createAwsInfrastructure } from "./infrastructure";
import { deployAwsMongo } from "./data/mongo";
import { deployAwsPostgres } from "./data/postgres";
import { deployAwsRedis } from "./data/redis";
import { deployAwsService } from "./compute/service";

export const awsBackend: CloudBackend<AwsInfrastructure> = {
    cloud: "aws",
    createInfrastructure: createAwsInfrastructure,
    deployService: deployAwsService,
    deployPostgres: deployAwsPostgres,
    deployRedis: deployAwsRedis,
    deployMongo: deployAwsMongo,
    // Every AWS resource is created as its component is: nothing is left for the end.
    finish: () => undefined,
};
