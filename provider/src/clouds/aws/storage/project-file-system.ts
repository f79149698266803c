/**
 * The shape of the project's EFS file system as the rest of the AWS backend sees it (created by
 * `efs.ts`, reached through `AwsInfrastructure.fileSystem()`).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** The uid and gid an access point enforces, when the service's user is numeric. */
export interface PosixUser {
    uid: number;
    gid: number;
}

/** The project's EFS file system, what mounting it waits for, and its access points. */
export interface ProjectFileSystem {
    fileSystem: aws.efs.FileSystem;
    /** What a task needs before it can mount: the mount targets and the file system policy. */
    ready: pulumi.Resource[];
    /** The access point of `volume` (at `subpath` inside it) for `user`: one per combination, created on first use. */
    accessPoint(volume: string, subpath: string | undefined, user: PosixUser | undefined): aws.efs.AccessPoint;
}
