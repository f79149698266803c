/**
 * Where a service's sensitive environment values live in SSM Parameter Store, and who may read
 * them: pure functions, no resources.
 */
import * as pulumi from "@pulumi/pulumi";
import { PolicyDocument } from "../iam/iam-policy";

/** One sensitive value of an ECS container: the name it has in the container, and the parameter it is read from. */
export interface EcsSecret {
    name: string;
    /** The ARN of the SSM parameter that holds the value. */
    valueFrom: pulumi.Input<string>;
}

/**
 * The parameter tier: `Intelligent-Tiering` stores a value as a free Standard parameter when it fits
 * (up to 4 KB), and as a (billed) Advanced one only when it is larger, instead of failing.
 */
export const PARAMETER_TIER = "Intelligent-Tiering";

/** The only action ECS needs to put parameters in a container's environment. */
export const PARAMETER_READ_ACTIONS = ["ssm:GetParameters"] as const;

/** Characters a parameter name may hold (besides the `/` of its path). */
const NAME_UNSAFE = /[^A-Za-z0-9_.-]/g;

/** The parameter that holds variable `variable` of `service`: `<prefix><service>/<variable>`. */
export function parameterName(prefix: string, service: string, variable: string): string {
    const path = prefix.endsWith("/") ? prefix : `${prefix}/`;
    return `${path}${service.replace(NAME_UNSAFE, "_")}/${variable.replace(NAME_UNSAFE, "_")}`;
}

/**
 * What the task execution role may do with a service's parameters: read exactly those. No KMS
 * statement: the parameters are encrypted with the AWS managed key `alias/aws/ssm`, whose key policy
 * already lets principals of the account decrypt through Parameter Store; granting `kms:Decrypt`
 * here would add nothing but a wider grant.
 */
export function parameterReadPolicy(parameterArns: string[]): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [{ Sid: "ReadServiceParameters", Effect: "Allow", Action: [...PARAMETER_READ_ACTIONS], Resource: [...parameterArns] }],
    };
}
