/**
 * The storage of a project's named volumes on AWS: one Amazon EFS file system, created with the
 * first service that mounts a volume. It is encrypted at rest, backed up daily (AWS Backup), moves
 * files not read for 30 days to Infrequent Access (and back on first access), and is kept when the
 * stack is destroyed unless `defang:retainVolumes` is false (`defang:deletionProtection` protects it
 * too, as it does databases).
 *
 * Reaching it takes three locks: the network (mount targets in the private subnets, whose security
 * group admits NFS, TCP 2049, from the project's tasks only), TLS (the file system policy refuses
 * unencrypted connections), and IAM (the policy delegates to the account's identity policies: a
 * task role may mount only the access points its service uses, see `volume-mounts.ts`). Each volume
 * is a directory `/<volume>` reached through an access point, so a service sees only its volumes.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { datastoreSecurityGroup } from "../data/datastore-network";
import { PosixUser, ProjectFileSystem } from "./project-file-system";
import { AwsInfrastructure } from "../types";

/** NFS: the one port of EFS mount targets. */
export const NFS_PORT = 2049;
/** Files not read for this long move to Infrequent Access storage (a tenth of the price). */
export const TRANSITION_TO_IA = "AFTER_30_DAYS";
/** Elastic throughput: billed per GB read and written, no provisioning, bursts as needed. */
export const THROUGHPUT_MODE = "elastic";
/** Permissions of a volume's directory when the service's user is not known (a name resolved in the image): any user may write, as in a new Docker volume used by a non-root image. */
export const OPEN_DIRECTORY_PERMISSIONS = "0777";
/** Permissions of a volume's directory created for a known (numeric) user: owned by it. */
export const OWNED_DIRECTORY_PERMISSIONS = "0755";

/** The file system policy: TLS only, and mounts through a mount target by identities the account's IAM policies allow. */
export function fileSystemPolicy(fileSystemArn: string, partition: string, accountId: string): object {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "DenyUnencryptedTransport",
                Effect: "Deny",
                Principal: { AWS: "*" },
                Action: "*",
                Resource: fileSystemArn,
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
            {
                Sid: "AccountIdentityPolicies",
                Effect: "Allow",
                Principal: { AWS: `arn:${partition}:iam::${accountId}:root` },
                Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite", "elasticfilesystem:ClientRootAccess"],
                Resource: fileSystemArn,
                Condition: { Bool: { "elasticfilesystem:AccessedViaMountTarget": "true" } },
            },
        ],
    };
}

/** The name of an access point's resource: the volume, its subpath and user, in characters Pulumi names keep. */
export function accessPointKey(volume: string, subpath: string | undefined, user: PosixUser | undefined): string {
    const parts = [volume, ...(subpath ? [subpath.replace(/[^A-Za-z0-9_.-]+/g, "-")] : []), ...(user ? [`${user.uid}-${user.gid}`] : [])];
    return parts.join("-");
}

/** The project's file system, its network access and its policy (see the file's comment). */
export function createProjectFileSystem(infra: AwsInfrastructure): ProjectFileSystem {
    const name = `${infra.name}-efs`;
    const parent = infra.component;
    const opts = { parent };
    // Data is kept on delete unless the stack says otherwise; deletion protection guards it as it does databases.
    const keep: pulumi.CustomResourceOptions = { parent, retainOnDelete: infra.retainVolumes, protect: infra.deletionProtection };
    const fileSystem = new aws.efs.FileSystem(
        name,
        {
            encrypted: true,
            performanceMode: "generalPurpose",
            throughputMode: THROUGHPUT_MODE,
            lifecyclePolicies: [{ transitionToIa: TRANSITION_TO_IA }, { transitionToPrimaryStorageClass: "AFTER_1_ACCESS" }],
            tags: { ...infra.tags, Name: `${infra.projectName} volumes` },
        },
        keep,
    );
    new aws.efs.BackupPolicy(`${name}-backups`, { fileSystemId: fileSystem.id, backupPolicy: { status: "ENABLED" } }, { parent, retainOnDelete: infra.retainVolumes });
    const policy = new aws.efs.FileSystemPolicy(
        `${name}-policy`,
        { fileSystemId: fileSystem.id, policy: pulumi.all([fileSystem.arn, infra.partition, infra.accountId]).apply(([arn, partition, accountId]) => JSON.stringify(fileSystemPolicy(arn, partition, accountId))) },
        opts,
    );
    const sg = datastoreSecurityGroup({ name, what: "EFS volumes", port: NFS_PORT, infra, opts });
    const mountTargets = infra.privateSubnetIds.map((subnetId, i) => new aws.efs.MountTarget(`${name}-mount-${i}`, { fileSystemId: fileSystem.id, subnetId, securityGroups: [sg.id] }, opts));

    const accessPoints = new Map<string, aws.efs.AccessPoint>();
    const accessPoint = (volume: string, subpath: string | undefined, user: PosixUser | undefined): aws.efs.AccessPoint => {
        const key = accessPointKey(volume, subpath, user);
        let ap = accessPoints.get(key);
        if (ap) return ap;
        ap = new aws.efs.AccessPoint(
            `${name}-${key}`,
            {
                fileSystemId: fileSystem.id,
                rootDirectory: {
                    path: `/${volume}${subpath ? `/${subpath}` : ""}`,
                    creationInfo: user ? { ownerUid: user.uid, ownerGid: user.gid, permissions: OWNED_DIRECTORY_PERMISSIONS } : { ownerUid: 0, ownerGid: 0, permissions: OPEN_DIRECTORY_PERMISSIONS },
                },
                ...(user ? { posixUser: { uid: user.uid, gid: user.gid } } : {}),
                tags: { ...infra.tags, Name: `${infra.projectName} volume ${volume}` },
            },
            opts,
        );
        accessPoints.set(key, ap);
        return ap;
    };
    return { fileSystem, ready: [...mountTargets, policy], accessPoint };
}
