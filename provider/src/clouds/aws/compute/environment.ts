/**
 * A service's sensitive environment values (config, templates over config, program inputs) as
 * SecureString parameters in SSM Parameter Store, which ECS reads into the container's environment
 * when it starts a task; and the policy that lets the task execution role read exactly those.
 * The values stay Pulumi secrets: they appear in no task definition.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ConfigValues } from "../../config-values";
import { SensitiveValue, sensitiveEnvValue } from "../../common/environment-values";
import { ServiceModel } from "../../../model/types";
import { zip } from "../../../util/zip";
import { EcsSecret } from "../secrets/secret-store";
import { PARAMETER_TIER, parameterName, parameterReadPolicy } from "../secrets/secret-store";
import { AwsInfrastructure } from "../types";

/**
 * The values of the service's non-literal environment variables, as secrets. Reads the config at
 * once, so that a missing key throws (naming it) before any resource is created.
 */
export function sensitiveValues(model: ServiceModel, config: ConfigValues): SensitiveValue[] {
    const values: SensitiveValue[] = [];
    for (const v of model.environment) {
        const value = sensitiveEnvValue(v.value, config, model.name);
        if (value) values.push({ name: v.name, value });
    }
    return values;
}

export interface EnvironmentSecretsArgs {
    name: string;
    model: ServiceModel;
    values: SensitiveValue[];
    infra: AwsInfrastructure;
    parent: pulumi.ComponentResource;
}

export interface EnvironmentSecrets {
    /** For the container definition: each variable and the ARN of its parameter. */
    secrets: EcsSecret[];
    parameters: aws.ssm.Parameter[];
    /** The execution role's permission to read the parameters; undefined when there are none. Tasks must not start before it. */
    readPolicy?: aws.iam.RolePolicy;
}

export function createEnvironmentSecrets({ name, model, values, infra, parent }: EnvironmentSecretsArgs): EnvironmentSecrets {
    const parameters = values.map(
        (v) =>
            new aws.ssm.Parameter(
                `${name}-env-${v.name}`,
                {
                    // SSM parameters have no generated names: the path is the parameter's identity.
                    name: parameterName(infra.parameterPrefix, model.name, v.name),
                    type: "SecureString",
                    // No keyId: encrypted with the AWS managed key `alias/aws/ssm` (no key to pay for or manage).
                    value: v.value,
                    tier: PARAMETER_TIER,
                    description: `${v.name} of service ${model.name}`,
                    tags: infra.tags,
                },
                { parent },
            ),
    );
    const secrets = zip(values, parameters).map(([v, parameter]) => ({ name: v.name, valueFrom: parameter.arn }));
    if (parameters.length === 0) return { secrets, parameters };
    const readPolicy = new aws.iam.RolePolicy(
        `${name}-read-config`,
        {
            role: infra.executionRole.id,
            policy: pulumi.all(parameters.map((p) => p.arn)).apply((arns) => JSON.stringify(parameterReadPolicy(arns))),
        },
        { parent },
    );
    return { secrets, parameters, readPolicy };
}
