/**
 * A service's sensitive environment values as Secret Manager secrets, one per variable, each
 * readable by that service's account only (a grant on the secret itself). Cloud Run reads them into
 * the container's environment at start; the values appear in no service definition. The same for the
 * build arguments read from config, readable by the builder's account only (see `build.ts`).
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { SensitiveValue } from "../../common/environment-values";
import { GcpInfrastructure } from "../types";

/** The role that reads a secret's versions, granted on each secret to its service's account. */
export const SECRET_ACCESSOR_ROLE = "roles/secretmanager.secretAccessor";

export interface SecretEnv {
    name: string;
    /** The secret's id, `projects/<project>/secrets/<id>`. */
    secret: pulumi.Output<string>;
    /** The version the service reads: a new value makes a new version, and a new revision. */
    version: pulumi.Output<string>;
}

export interface EnvironmentSecrets {
    env: SecretEnv[];
    /** The grants: the service must not start before them. */
    grants: pulumi.Resource[];
}

export interface EnvironmentSecretsArgs {
    name: string;
    service: string;
    values: SensitiveValue[];
    member: pulumi.Output<string>;
    infra: GcpInfrastructure;
    parent: pulumi.ComponentResource;
    /** What the secrets hold, in their resource names `${name}-<role>-<variable>`. @default "env" */
    role?: "env" | "build-arg";
}

export function createEnvironmentSecrets({ name, service, values, member, infra, parent, role = "env" }: EnvironmentSecretsArgs): EnvironmentSecrets {
    const env: SecretEnv[] = [];
    const grants: pulumi.Resource[] = [];
    const api = infra.api("secretmanager.googleapis.com");
    for (const v of values) {
        const secret = new gcp.secretmanager.Secret(
            `${name}-${role}-${v.name}`,
            {
                project: infra.project,
                // Kept in the stack's region only; Google-managed encryption keys.
                replication: { userManaged: { replicas: [{ location: infra.region }] } },
                labels: {
                    ...infra.labels,
                    service: service
                        .toLowerCase()
                        .replace(/[^a-z0-9_-]/g, "-")
                        .slice(0, 63),
                },
            },
            { parent, dependsOn: [api] },
        );
        const version = new gcp.secretmanager.SecretVersion(`${name}-${role}-${v.name}-value`, { secret: secret.id, secretData: v.value }, { parent });
        grants.push(new gcp.secretmanager.SecretIamMember(`${name}-${role}-${v.name}-reader`, { project: infra.project, secretId: secret.secretId, role: SECRET_ACCESSOR_ROLE, member }, { parent }));
        env.push({ name: v.name, secret: secret.secretId, version: version.version });
    }
    return { env, grants };
}
