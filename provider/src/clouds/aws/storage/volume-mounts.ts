/**
 * A service's mounts on ECS Fargate: the task definition's volumes, the container's mount points,
 * and what its task role may do on the project's file system.
 *
 * - A named volume is an EFS volume through the volume's access point (see `efs.ts`), with TLS and
 *   IAM authorization; the task role may `ClientMount` that access point only, `ClientWrite` unless
 *   every mount of it is `read_only`, and `ClientRootAccess` when the service's user is not a
 *   numeric uid (it may run as root, as in Docker; the access point still confines it to the volume).
 * - A tmpfs is a task volume without a host path: ephemeral task storage, emptied when the task
 *   stops (Fargate has no tmpfs: the table warns). Anonymous volumes are not mounted (see `mounts.ts`).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { numericUser } from "../../../model/mounts";
import { ServiceModel } from "../../../model/types";
import { zip } from "../../../util/zip";
import { ProjectFileSystem } from "./project-file-system";
import { AwsInfrastructure } from "../types";

export interface EcsMountPoint {
    sourceVolume: string;
    containerPath: string;
    readOnly: boolean;
}

export interface ServiceVolumes {
    /** The task definition's volumes. */
    volumes: aws.types.input.ecs.TaskDefinitionVolume[];
    /** The container's mount points. */
    mountPoints: EcsMountPoint[];
    /** What tasks must wait for: the file system's mount targets and policy, and the task role's access. */
    dependsOn: pulumi.Resource[];
}

/** The IAM statements that let a task role use `accessPoints` (ARN, whether written, whether as root) of `fileSystemArn`. */
export function volumeAccessPolicy(fileSystemArn: string, accessPoints: Array<{ arn: string; write: boolean; root: boolean }>): object {
    return {
        Version: "2012-10-17",
        Statement: accessPoints.map((ap) => ({
            Effect: "Allow",
            Action: ["elasticfilesystem:ClientMount", ...(ap.write ? ["elasticfilesystem:ClientWrite"] : []), ...(ap.write && ap.root ? ["elasticfilesystem:ClientRootAccess"] : [])],
            Resource: fileSystemArn,
            Condition: { StringEquals: { "elasticfilesystem:AccessPointArn": ap.arn } },
        })),
    };
}

/** The volumes, mount points and file system access of `model`'s mounts (none when it has none). */
export function createServiceVolumes(args: { name: string; model: ServiceModel; infra: AwsInfrastructure; role: aws.iam.Role; parent: pulumi.ComponentResource }): ServiceVolumes {
    const { name, model, infra, role, parent } = args;
    const mounts = model.mounts ?? [];
    const out: ServiceVolumes = { volumes: [], mountPoints: [], dependsOn: [] };
    if (mounts.length === 0) return out;
    const user = numericUser(model.user);
    const grants = new Map<aws.efs.AccessPoint, { write: boolean }>();
    let fileSystem: ProjectFileSystem | undefined;
    mounts.forEach((m, i) => {
        const sourceVolume = `mount-${i}`;
        if (m.kind === "volume") {
            fileSystem ??= infra.fileSystem();
            const ap = fileSystem.accessPoint(m.volume, m.subpath, user);
            const grant = grants.get(ap) ?? { write: false };
            grant.write ||= !m.readOnly;
            grants.set(ap, grant);
            out.volumes.push({
                name: sourceVolume,
                efsVolumeConfiguration: { fileSystemId: fileSystem.fileSystem.id, transitEncryption: "ENABLED", authorizationConfig: { accessPointId: ap.id, iam: "ENABLED" } },
            });
        } else {
            // A tmpfs: no host path, storage of the task itself, gone when it stops.
            out.volumes.push({ name: sourceVolume });
        }
        out.mountPoints.push({ sourceVolume, containerPath: m.target, readOnly: m.kind === "volume" && m.readOnly });
    });
    if (fileSystem) {
        const fs = fileSystem;
        const entries = [...grants.entries()];
        const policy = pulumi.all([fs.fileSystem.arn, pulumi.all(entries.map(([ap]) => ap.arn))]).apply(([fsArn, arns]) =>
            JSON.stringify(
                volumeAccessPolicy(
                    fsArn,
                    zip(arns, entries).map(([arn, [, grant]]) => ({ arn, write: grant.write, root: !user })),
                ),
            ),
        );
        out.dependsOn.push(...fs.ready, new aws.iam.RolePolicy(`${name}-volume-access`, { role: role.id, policy }, { parent }));
    }
    return out;
}
