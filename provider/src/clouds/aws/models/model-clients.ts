/**
 * Who reaches a model endpoint's gateway on AWS: the tasks of the services that use the model join
 * the endpoint's client group, and the gateway's security group admits that group only.
 */
import * as pulumi from "@pulumi/pulumi";
import { ServiceModel } from "../../../model/types";
import { AwsInfrastructure } from "../types";

/** The client groups of the model endpoints `model` uses, once each. */
export function modelClientGroups(model: ServiceModel, infra: AwsInfrastructure): pulumi.Output<string>[] {
    return [...new Set((model.modelUses ?? []).map((u) => u.endpoint))].map((e) => infra.modelClientsSecurityGroupId(e));
}
