/**
 * Named volumes on Google Cloud, under mocks: the project's one Cloud Storage bucket (private,
 * uniform access, soft delete, kept on delete, protected with deletion protection), mounted with
 * Cloud Storage FUSE at each volume's prefix in the second generation environment; the service's
 * own account allowed on that bucket only (read-only where every mount is); tmpfs as in-memory volumes.
 */
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { createGcpInfrastructure } from "../../provider/src/clouds/gcp/infrastructure";
import { deployGcpService } from "../../provider/src/clouds/gcp/compute/service";
import { GcpInfrastructure } from "../../provider/src/clouds/gcp/types";
import { ConfigValues } from "../../provider/src/clouds/config-values";
import { infrastructureOptions } from "../../provider/src/components/infrastructure-options";
import { MountModel, VolumeMount } from "../../provider/src/model/mount-model";
import { ServiceModel } from "../../provider/src/model/types";
import { GCP_TEST_CONFIG, TestComponent } from "../support/fake-gcp-infrastructure";
import { MockRecorder, Registration, setConfig, unwrapSecrets, useMocks } from "../support/pulumi-mocks";
import { serviceModel } from "../support/service-model";

const T = {
    bucket: "gcp:storage/bucket:Bucket",
    member: "gcp:storage/bucketIAMMember:BucketIAMMember",
    service: "gcp:cloudrunv2/service:Service",
    pool: "gcp:cloudrunv2/workerPool:WorkerPool",
    job: "gcp:cloudrunv2/job:Job",
};

const named = (volume: string, target: string, i: number, readOnly = false): VolumeMount => ({ kind: "volume", volume, target, readOnly, field: ["volumes", i] });

function service(name: string, mounts: MountModel[], extra: Partial<ServiceModel> = {}): ServiceModel {
    return serviceModel({ name, ports: [{ target: 8080, mode: "ingress", protocol: "tcp" }], mounts, ...extra });
}

describe("google cloud volumes", function () {
    this.timeout(20000);
    let recorder: MockRecorder;
    let options: Map<string, { protect?: boolean; retainOnDelete?: boolean }>;
    const record: pulumi.ResourceTransformation = (args) => {
        options.set(args.name, { protect: args.opts.protect, retainOnDelete: args.opts.retainOnDelete });
        return undefined;
    };

    before(async function () {
        recorder = await useMocks(GCP_TEST_CONFIG);
    });
    beforeEach(function () {
        recorder.reset();
        setConfig(GCP_TEST_CONFIG);
        options = new Map();
    });
    after(() => setConfig(GCP_TEST_CONFIG));

    function infrastructure(models: ServiceModel[]): GcpInfrastructure {
        const owner = new TestComponent("infra", recorder.opts({ transformations: [record] }));
        return createGcpInfrastructure({ name: "infra", projectName: "shop", needs: { ingress: false, domains: [], builds: false, components: models }, options: infrastructureOptions(), parent: owner });
    }
    function deploy(model: ServiceModel, infra: GcpInfrastructure) {
        const parent = new TestComponent(`shop-${model.name}`, recorder.opts());
        return deployGcpService({ name: `shop-${model.name}`, model, parent, infra, config: new ConfigValues(), dependsOn: [] });
    }
    const templateOf = (r: Registration) => unwrapSecrets(r.inputs.template) as Record<string, any>;

    it("creates one private bucket for the project's volumes, kept on delete with soft delete", async function () {
        const a = service("app", [named("uploads", "/srv/uploads", 0)]);
        const b = service("thumbs", [named("uploads", "/in", 0, true)]);
        const infra = infrastructure([a, b]);
        deploy(a, infra);
        deploy(b, infra);
        await recorder.settle();
        const bucket = recorder.one(T.bucket, "infra-volumes");
        assert.equal(bucket.parent, "infra");
        assert.equal(bucket.inputs.location, "europe-west1");
        assert.equal(bucket.inputs.uniformBucketLevelAccess, true);
        assert.equal(bucket.inputs.publicAccessPrevention, "enforced");
        assert.equal(bucket.inputs.forceDestroy, false);
        assert.deepEqual(bucket.inputs.softDeletePolicy, { retentionDurationSeconds: 7 * 24 * 3600 });
        assert.deepEqual(options.get("infra-volumes"), { protect: false, retainOnDelete: true });
    });

    it("mounts each volume's prefix with Cloud Storage FUSE in the second generation, as the service's user, and tmpfs in memory", async function () {
        const m = service(
            "app",
            [named("uploads", "/srv/uploads", 0), { ...named("media", "/srv/thumbs", 1, true), subpath: "thumbs" }, { kind: "memory", target: "/run", sizeBytes: 64 * 1024 * 1024, field: ["tmpfs", 0] }],
            { user: "1000:2000" },
        );
        deploy(m, infrastructure([m]));
        await recorder.settle();
        const template = templateOf(recorder.one(T.service));
        assert.equal(template.executionEnvironment, "EXECUTION_ENVIRONMENT_GEN2");
        assert.deepEqual(template.volumes, [
            { name: "mount-0", gcs: { bucket: "infra-volumes", readOnly: false, mountOptions: ["only-dir=uploads", "implicit-dirs", "uid=1000", "gid=2000"] } },
            { name: "mount-1", gcs: { bucket: "infra-volumes", readOnly: true, mountOptions: ["only-dir=media", "implicit-dirs", "uid=1000", "gid=2000"] } },
            { name: "mount-2", emptyDir: { medium: "MEMORY", sizeLimit: "64Mi" } },
        ]);
        assert.deepEqual(template.containers[0].volumeMounts, [
            { name: "mount-0", mountPath: "/srv/uploads" },
            { name: "mount-1", mountPath: "/srv/thumbs", subPath: "thumbs" },
            { name: "mount-2", mountPath: "/run" },
        ]);
    });

    it("grants the service's own account object access on the volume bucket only, read-only when every mount is, before it starts", async function () {
        const writer = service("app", [named("uploads", "/srv/uploads", 0), named("config", "/etc/app", 1, true)]);
        const reader = service("viewer", [named("uploads", "/u", 0, true)], { ports: [] });
        const infra = infrastructure([writer, reader]);
        deploy(writer, infra);
        deploy(reader, infra);
        await recorder.settle();
        const members = new Map(recorder.ofType(T.member).map((r) => [r.name, unwrapSecrets(r.inputs) as Record<string, string>]));
        assert.deepEqual([...members.keys()].sort(), ["shop-app-volume-access", "shop-viewer-volume-access"]);
        assert.equal(members.get("shop-app-volume-access")!.role, "roles/storage.objectUser");
        assert.equal(members.get("shop-viewer-volume-access")!.role, "roles/storage.objectViewer");
        for (const m of members.values()) assert.equal(m.bucket, "infra-volumes");
        assert.match(members.get("shop-app-volume-access")!.member, /^serviceAccount:/);
        assert.match(members.get("shop-app-volume-access")!.member, /shop-app-account|app/);
        assert.ok(
            recorder.dependsOnUrns(T.service, "shop-app-service").some((u) => u.endsWith("shop-app-volume-access")),
            "the service waits for its bucket access",
        );
        // A worker pool mounts them too.
        assert.deepEqual(
            templateOf(recorder.one(T.pool)).volumes.map((v: { name: string }) => v.name),
            ["mount-0"],
        );
    });

    it("lets the bucket go with the stack when retainVolumes is off, and protects it with deletion protection", async function () {
        setConfig({ ...GCP_TEST_CONFIG, "defang:retainVolumes": "false", "defang:deletionProtection": "true" });
        const m = service("app", [named("uploads", "/srv/uploads", 0)]);
        deploy(m, infrastructure([m]));
        await recorder.settle();
        assert.equal(recorder.one(T.bucket, "infra-volumes").inputs.forceDestroy, true);
        assert.deepEqual(options.get("infra-volumes"), { protect: true, retainOnDelete: false });
    });

    it("creates no bucket and keeps the first generation for a service without named volumes", async function () {
        const m = service("app", [{ kind: "memory", target: "/run", field: ["tmpfs", 0] }]);
        deploy(m, infrastructure([m]));
        await recorder.settle();
        assert.deepEqual(
            recorder.ofType(T.bucket).filter((b) => b.name === "infra-volumes"),
            [],
        );
        assert.deepEqual(recorder.ofType(T.member), []);
        assert.equal(templateOf(recorder.one(T.service)).executionEnvironment, undefined);
    });
});
