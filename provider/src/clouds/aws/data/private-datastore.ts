/**
 * What every AWS managed data store (RDS for PostgreSQL, DocumentDB, ElastiCache) shares: it is
 * placed in the project's private subnets (a subnet group of the engine's service), guarded by a
 * security group that admits only the project's services on its one port, and found by its compose
 * name and aliases in the project's private DNS. The databases also require TLS with a parameter
 * group. Each engine keeps its own resource and settings.
 */
import * as pulumi from "@pulumi/pulumi";
import { MongoModel, PostgresModel } from "../../../model/types";
import { PostgresDeployment } from "../../backend";
import { datastoreSecurityGroup } from "./datastore-network";
import { AwsInfrastructure } from "../types";

/** The arguments every engine's subnet group takes (`aws.rds`, `aws.docdb`, `aws.elasticache`). */
export interface SubnetGroupArgs {
    description: string;
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    tags: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** An engine's subnet group resource class, e.g. `aws.rds.SubnetGroup`. */
export type SubnetGroupClass = new (name: string, args: SubnetGroupArgs, opts?: pulumi.CustomResourceOptions) => { name: pulumi.Output<string> };

export interface PrivatePlacementArgs {
    /** The component's name: the children are `${name}-subnets` and `${name}-sg`. */
    name: string;
    /** What is placed, for descriptions, e.g. `Postgres db`. */
    what: string;
    port: number;
    infra: AwsInfrastructure;
    opts: pulumi.CustomResourceOptions;
}

/** Where a data store runs and who may reach it: what its engine's resource names. */
export interface PrivatePlacement {
    subnetGroupName: pulumi.Output<string>;
    securityGroupId: pulumi.Output<string>;
}

/** The subnet group (of `subnetGroupClass`) over the project's private subnets, and the security group admitting the project's services on `port`. */
export function privatePlacement(args: PrivatePlacementArgs, subnetGroupClass: SubnetGroupClass): PrivatePlacement {
    const { name, what, infra, opts } = args;
    const subnets = new subnetGroupClass(`${name}-subnets`, { description: `${what}: private subnets`, subnetIds: infra.privateSubnetIds, tags: infra.tags }, opts);
    const sg = datastoreSecurityGroup({ name, what, port: args.port, infra, opts });
    return { subnetGroupName: subnets.name, securityGroupId: sg.id };
}

/** The arguments every database's parameter group takes (`aws.rds.ParameterGroup`, `aws.docdb.ClusterParameterGroup`). */
export interface ParameterGroupArgs {
    family: string;
    description: string;
    parameters: Array<{ name: string; value: string }>;
    tags: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** An engine's parameter group resource class, e.g. `aws.rds.ParameterGroup`. */
export type ParameterGroupClass = new (name: string, args: ParameterGroupArgs, opts?: pulumi.CustomResourceOptions) => { name: pulumi.Output<string> };

/**
 * `${name}-parameters`, a parameter group (of `parameterGroupClass`, for the engine's `family`) that
 * sets the engine's `tlsParameter`: encryption in transit, the server refuses connections without TLS.
 * Gives its name.
 */
export function tlsRequiredParameters(args: Omit<PrivatePlacementArgs, "port">, parameterGroupClass: ParameterGroupClass, family: string, tlsParameter: { name: string; value: string }): pulumi.Output<string> {
    const { name, what, infra, opts } = args;
    return new parameterGroupClass(`${name}-parameters`, { family, description: `${what}: TLS required`, parameters: [tlsParameter], tags: infra.tags }, opts).name;
}

/** The compose name of a data store and its aliases, in the project's private DNS: `${name}-dns`, `${name}-dns-<alias>`. */
export function addDatastoreNames(infra: AwsInfrastructure, name: string, model: { name: string; aliases: string[] }, address: pulumi.Input<string>, parent: pulumi.ComponentResource): void {
    infra.addDnsName(`${name}-dns`, model.name, address, parent);
    for (const alias of model.aliases) infra.addDnsName(`${name}-dns-${alias}`, alias, address, parent);
}

/** A database's deployment: where it is, and the database, user and password written in compose. */
export function databaseDeployment(model: PostgresModel | MongoModel, host: pulumi.Output<string>, port: pulumi.Output<number>, password: pulumi.Output<string>): PostgresDeployment {
    return { host, port, database: pulumi.output(model.database), user: pulumi.output(model.user), password };
}
