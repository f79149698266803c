/**
 * Named volumes on AWS, under mocks: the project's one EFS file system (encrypted, backups on, kept
 * on delete, protected with deletion protection), its mount targets in the private subnets behind
 * a security group that admits NFS from the project's tasks only, a TLS-only policy, an access point
 * per volume with the service's uid/gid, the task definition's EFS volumes with TLS and IAM, and a
 * task role allowed to mount exactly its access points (and to write only where it may).
 */
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { createProjectFileSystem } from "../../provider/src/clouds/aws/storage/efs";
import { ProjectFileSystem } from "../../provider/src/clouds/aws/storage/project-file-system";
import { deployAwsService } from "../../provider/src/clouds/aws/compute/service";
import { AwsInfrastructure } from "../../provider/src/clouds/aws/types";
import { ConfigValues } from "../../provider/src/clouds/config-values";
import { MountModel, VolumeMount } from "../../provider/src/model/mount-model";
import { ServiceModel } from "../../provider/src/model/types";
import { fakeAwsInfrastructure } from "../support/fake-aws-infrastructure";
import { MockRecorder, Registration, setConfig, unwrapSecrets, useMocks } from "../support/pulumi-mocks";
import { serviceModel } from "../support/service-model";

class TestService extends pulumi.ComponentResource {
    constructor(name: string, opts: pulumi.ComponentResourceOptions) {
        super("test:index:Service", name, {}, opts);
    }
}

class TestInfra extends pulumi.ComponentResource {
    constructor(name: string, opts: pulumi.ComponentResourceOptions) {
        super("test:index:Infrastructure", name, {}, opts);
    }
}

const T = {
    fileSystem: "aws:efs/fileSystem:FileSystem",
    backup: "aws:efs/backupPolicy:BackupPolicy",
    fsPolicy: "aws:efs/fileSystemPolicy:FileSystemPolicy",
    mountTarget: "aws:efs/mountTarget:MountTarget",
    accessPoint: "aws:efs/accessPoint:AccessPoint",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    taskDefinition: "aws:ecs/taskDefinition:TaskDefinition",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    service: "aws:ecs/service:Service",
};

const named = (volume: string, target: string, i: number, readOnly = false): VolumeMount => ({ kind: "volume", volume, target, readOnly, field: ["volumes", i] });

function service(name: string, mounts: MountModel[], extra: Partial<ServiceModel> = {}): ServiceModel {
    return serviceModel({ name, image: "ghcr.io/acme/app:1", mounts, ...extra });
}

describe("aws volumes", () => {
    let recorder: MockRecorder;
    /** The options each resource was registered with. */
    let options: Map<string, { protect?: boolean; retainOnDelete?: boolean }>;

    before(async () => {
        recorder = await useMocks({});
    });
    beforeEach(() => {
        setConfig({});
        recorder.reset();
        options = new Map();
    });
    afterEach(() => setConfig({}));

    const record: pulumi.ResourceTransformation = (args) => {
        options.set(args.name, { protect: args.opts.protect, retainOnDelete: args.opts.retainOnDelete });
        return undefined;
    };
    function deploy(model: ServiceModel, infra: AwsInfrastructure) {
        const parent = new TestService(model.name, recorder.opts({ transformations: [record] }));
        return deployAwsService({ name: model.name, model, parent, infra, config: new ConfigValues(new pulumi.Config()), dependsOn: [] });
    }
    /** The stand-in infrastructure, with its component's children (the file system's resources) recorded. */
    function infrastructure(deletionProtection = false): AwsInfrastructure {
        const infra: AwsInfrastructure = { ...fakeAwsInfrastructure("shop", deletionProtection), component: new TestInfra("infra", recorder.opts({ transformations: [record] })) };
        let fs: ProjectFileSystem | undefined;
        return Object.assign(infra, { fileSystem: () => (fs ??= createProjectFileSystem(infra)) });
    }
    const inputs = (r: Registration) => unwrapSecrets(r.inputs) as Record<string, any>;
    const containerOf = (r: Registration) => (JSON.parse(inputs(r).containerDefinitions as string) as Array<Record<string, any>>)[0];

    it("creates one encrypted, backed-up file system for the project, reachable over NFS from its tasks only, through the private subnets", async () => {
        const infra = infrastructure();
        deploy(service("app", [named("uploads", "/srv/uploads", 0)]), infra);
        deploy(service("worker", [named("uploads", "/data", 0)]), infra);
        await recorder.settle();
        const fs = recorder.one(T.fileSystem);
        assert.equal(fs.name, "infra-efs");
        assert.equal(fs.parent, "infra");
        assert.equal(fs.inputs.encrypted, true);
        assert.equal(fs.inputs.throughputMode, "elastic");
        assert.deepEqual(fs.inputs.lifecyclePolicies, [{ transitionToIa: "AFTER_30_DAYS" }, { transitionToPrimaryStorageClass: "AFTER_1_ACCESS" }]);
        assert.deepEqual(inputs(recorder.one(T.backup)).backupPolicy, { status: "ENABLED" });
        const targets = recorder.ofType(T.mountTarget);
        assert.deepEqual(
            targets.map((t) => t.inputs.subnetId),
            ["subnet-private-a", "subnet-private-b"],
        );
        for (const t of targets) assert.deepEqual(t.inputs.securityGroups, ["infra-efs-sg-id"]);
        const sg = recorder.one(T.securityGroup, "infra-efs-sg");
        assert.equal(sg.inputs.vpcId, "vpc-1");
        const rules = recorder.ofType(T.ingressRule).filter((r) => r.name.startsWith("infra-efs"));
        assert.deepEqual(
            rules.map((r) => [r.name, r.inputs.referencedSecurityGroupId, r.inputs.ipProtocol, r.inputs.fromPort, r.inputs.toPort]),
            [["infra-efs-ingress-2049", "sg-members", "tcp", 2049, 2049]],
        );
        assert.equal(rules[0].inputs.cidrIpv4, undefined);
        const policy = JSON.parse(inputs(recorder.one(T.fsPolicy)).policy as string);
        assert.deepEqual(policy.Statement[0].Condition, { Bool: { "aws:SecureTransport": "false" } });
        assert.equal(policy.Statement[0].Effect, "Deny");
        assert.deepEqual(policy.Statement[1].Principal, { AWS: "arn:aws:iam::123456789012:root" });
        // Kept on delete by default; not protected unless deletion protection is on.
        assert.deepEqual(options.get("infra-efs"), { protect: false, retainOnDelete: true });
        assert.equal(options.get("infra-efs-backups")?.retainOnDelete, true);
        // Both services share the one volume's access point (same directory, same user).
        assert.deepEqual(
            recorder.ofType(T.accessPoint).map((a) => a.name),
            ["infra-efs-uploads"],
        );
    });

    it("gives each volume an access point at /<volume>, owned by the service's numeric user", async () => {
        const infra = fakeAwsInfrastructure();
        deploy(service("app", [named("uploads", "/srv/uploads", 0), { ...named("media", "/srv/thumbs", 1), subpath: "thumbs" }], { user: "1000:2000" }), infra);
        deploy(service("web", [named("uploads", "/u", 0, true)], { user: "www-data" }), infra);
        await recorder.settle();
        const aps = new Map(recorder.ofType(T.accessPoint).map((a) => [a.name, inputs(a)]));
        assert.deepEqual([...aps.keys()].sort(), ["infra-efs-media-thumbs-1000-2000", "infra-efs-uploads", "infra-efs-uploads-1000-2000"]);
        assert.deepEqual(aps.get("infra-efs-uploads-1000-2000")!.posixUser, { uid: 1000, gid: 2000 });
        assert.deepEqual(aps.get("infra-efs-uploads-1000-2000")!.rootDirectory, { path: "/uploads", creationInfo: { ownerUid: 1000, ownerGid: 2000, permissions: "0755" } });
        assert.deepEqual(aps.get("infra-efs-media-thumbs-1000-2000")!.rootDirectory.path, "/media/thumbs");
        // A user name is resolved in the image: the directory is open to it, and it keeps its own identity.
        assert.equal(aps.get("infra-efs-uploads")!.posixUser, undefined);
        assert.deepEqual(aps.get("infra-efs-uploads")!.rootDirectory.creationInfo, { ownerUid: 0, ownerGid: 0, permissions: "0777" });
    });

    it("mounts EFS volumes with TLS and IAM and tmpfs on task storage, read-only where written", async () => {
        deploy(service("app", [named("uploads", "/srv/uploads", 0), named("config", "/etc/app", 1, true), { kind: "memory", target: "/run", field: ["tmpfs", 0] }]), fakeAwsInfrastructure());
        await recorder.settle();
        const task = recorder.one(T.taskDefinition, "app-task");
        assert.deepEqual(inputs(task).volumes, [
            { name: "mount-0", efsVolumeConfiguration: { fileSystemId: "infra-efs-id", transitEncryption: "ENABLED", authorizationConfig: { accessPointId: "infra-efs-uploads-id", iam: "ENABLED" } } },
            { name: "mount-1", efsVolumeConfiguration: { fileSystemId: "infra-efs-id", transitEncryption: "ENABLED", authorizationConfig: { accessPointId: "infra-efs-config-id", iam: "ENABLED" } } },
            { name: "mount-2" },
        ]);
        assert.deepEqual(containerOf(task).mountPoints, [
            { sourceVolume: "mount-0", containerPath: "/srv/uploads", readOnly: false },
            { sourceVolume: "mount-1", containerPath: "/etc/app", readOnly: true },
            { sourceVolume: "mount-2", containerPath: "/run", readOnly: false },
        ]);
    });

    it("lets the task role mount its own access points only, write only those it writes, and the service wait for them", async () => {
        deploy(service("app", [named("uploads", "/srv/uploads", 0), named("config", "/etc/app", 1, true)], { user: "1000", ports: [{ target: 80, mode: "host", protocol: "tcp" }] }), fakeAwsInfrastructure());
        await recorder.settle();
        const policy = recorder.one(T.rolePolicy, "app-volume-access");
        assert.match(String(policy.inputs.role), /app-task-role/);
        const doc = JSON.parse(inputs(policy).policy as string);
        assert.equal(doc.Statement.length, 2);
        for (const s of doc.Statement) {
            assert.equal(s.Effect, "Allow");
            assert.equal(s.Resource, "arn:aws:mock:us-west-2:123456789012:filesystem/infra-efs", "scoped to the file system");
        }
        const byAp = new Map(doc.Statement.map((s: any) => [s.Condition.StringEquals["elasticfilesystem:AccessPointArn"], s.Action]));
        const arns = [...byAp.keys()] as string[];
        assert.equal(arns.length, 2);
        assert.deepEqual(byAp.get(arns.find((a) => a.includes("uploads"))!), ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"]);
        assert.deepEqual(byAp.get(arns.find((a) => a.includes("config"))!), ["elasticfilesystem:ClientMount"]);
        const waits = recorder.dependsOnUrns(T.service, "app-service").join("\n");
        for (const needed of ["app-volume-access", "infra-efs-mount-0", "infra-efs-mount-1", "infra-efs-policy"]) assert.ok(waits.includes(needed), `the service waits for ${needed}`);
    });

    it("allows root access to a service whose user is not numeric, as in Docker", async () => {
        deploy(service("db", [named("data", "/data", 0)]), fakeAwsInfrastructure());
        await recorder.settle();
        const doc = JSON.parse(inputs(recorder.one(T.rolePolicy, "db-volume-access")).policy as string);
        assert.deepEqual(doc.Statement[0].Action, ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite", "elasticfilesystem:ClientRootAccess"]);
    });

    it("protects the file system with deletion protection, and lets it go with the stack when retainVolumes is off", async () => {
        setConfig({ "defang:retainVolumes": "false" });
        deploy(service("app", [named("uploads", "/srv/uploads", 0)]), infrastructure(true));
        await recorder.settle();
        assert.deepEqual(options.get("infra-efs"), { protect: true, retainOnDelete: false });
    });

    it("creates no file system, policy or volume for a service without mounts", async () => {
        deploy(service("plain", []), fakeAwsInfrastructure());
        await recorder.settle();
        assert.deepEqual(recorder.ofType(T.fileSystem), []);
        assert.deepEqual(
            recorder.registrations.filter((r) => r.name.endsWith("volume-access")),
            [],
        );
        const task = inputs(recorder.one(T.taskDefinition, "plain-task"));
        assert.equal(task.volumes, undefined);
        assert.equal(containerOf(recorder.one(T.taskDefinition, "plain-task")).mountPoints, undefined);
    });
});
