/**
 * Plausible Google Cloud outputs for resources registered offline (under the SDK's mock monitor):
 * the values a real create would return that components read back (addresses, emails, URLs).
 */
import { asSecretValue, unwrapSecrets } from "./secret-values";

/** The password Firestore "generates" for a user offline (tests check that it stays secret). */
export function cannedFirestorePassword(name: string): string {
    return `FSPW_offline_${name.replace(/[^A-Za-z0-9]/g, "")}`;
}

/** The project number the offline project has. */
export const CANNED_PROJECT_NUMBER = "123456789012";

/** What Google Cloud computes for a resource on create, given its inputs. */
export function cannedGcpState(type: string, name: string, raw: Record<string, unknown>): Record<string, unknown> {
    const inputs = unwrapSecrets(raw) as Record<string, unknown>;
    const project = String(inputs.project ?? "offline-project");
    const base: Record<string, unknown> = { ...raw, name: raw.name ?? name };
    switch (type) {
        case "gcp:serviceaccount/account:Account":
            return { ...base, email: `${inputs.accountId ?? name}@${project}.iam.gserviceaccount.com`, member: `serviceAccount:${inputs.accountId ?? name}@${project}.iam.gserviceaccount.com` };
        case "gcp:sql/databaseInstance:DatabaseInstance":
            return { ...base, privateIpAddress: "10.20.0.3", connectionName: `${project}:${inputs.region ?? "us-central1"}:${name}`, firstIpAddress: "10.20.0.3" };
        case "gcp:redis/instance:Instance":
            return { ...base, host: "10.20.1.4", port: inputs.transitEncryptionMode === "SERVER_AUTHENTICATION" ? 6378 : 6379, authString: "canned-auth-string" };
        case "gcp:firestore/database:Database":
            return { ...base, uid: "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", locationId: inputs.locationId ?? "us-central1" };
        case "gcp:firestore/userCreds:UserCreds":
            // The provider declares the generated password secret.
            return { ...base, securePassword: asSecretValue(cannedFirestorePassword(name)), state: "ENABLED" };
        case "gcp:cloudrunv2/service:Service":
            return { ...base, uri: `https://${inputs.name ?? name}-abcdefghij-uc.a.run.app` };
        case "gcp:secretmanager/secret:Secret":
            return { ...base, secretId: inputs.secretId ?? name, name: `projects/${project}/secrets/${inputs.secretId ?? name}` };
        case "gcp:secretmanager/secretVersion:SecretVersion":
            return { ...base, version: "1", name: `${inputs.secret}/versions/1` };
        case "gcp:artifactregistry/repository:Repository":
            return { ...base, repositoryId: inputs.repositoryId ?? name, name: inputs.repositoryId ?? name };
        case "gcp:compute/globalAddress:GlobalAddress":
            return { ...base, address: inputs.purpose === "VPC_PEERING" ? "10.20.0.0" : "34.120.0.10" };
        case "gcp:storage/bucket:Bucket":
            return { ...base, url: `gs://${raw.name ?? name}` };
        default:
            return base;
    }
}

/** What the Google Cloud provider's functions return. */
export function cannedGcpCall(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
    switch (token) {
        case "gcp:organizations/getProject:getProject":
            return { number: CANNED_PROJECT_NUMBER, projectId: inputs.projectId ?? "offline-project", name: inputs.projectId ?? "offline-project", id: `projects/${inputs.projectId ?? "offline-project"}` };
        case "gcp:organizations/getClientConfig:getClientConfig":
            return { project: "offline-project", region: "us-central1", accessToken: "" };
        default:
            return inputs;
    }
}
