/**
 * Cloud Run GPUs: the pure table (type from the request's options or `defang:gpu`, regions, the
 * size Cloud Run requires, every refusal at once), and the offline plan of the Defang sample that
 * asks for a GPU: planned and priced on Google Cloud, refused by name on AWS and DigitalOcean, as
 * `validate` says.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { acceleratorOf, cloudRunGpu, cloudRunInstance, gcpGpuSettings } from "../../provider/src/clouds/gcp/compute/cloud-run-gpu";
import { gcpPreflight } from "../../provider/src/clouds/gcp/preflight";
import { cloudVerdict } from "../../provider/src/clouds/verdict";
import { UnsupportedFeaturesError } from "../../provider/src/model/errors";
import { GpuModel, ServiceModel } from "../../provider/src/model/types";
import { PlanReport } from "../../provider/src/plan/types";
import { assertClean, cli } from "../cli/run-cli";
import { corpusAvailable, corpusPath } from "../support/corpus";

const gpus = (extra: Partial<GpuModel> = {}): GpuModel => ({ count: 1, field: ["gpus", 0], ...extra });

function refusedWith(run: () => unknown): string[] {
    try {
        run();
    } catch (e) {
        if (e instanceof UnsupportedFeaturesError) return e.features.map((f) => `${f.field}: ${f.message} (fix: ${f.hint})`);
        throw e;
    }
    return assert.fail("accepted");
}

describe("Cloud Run GPUs (table)", function () {
    it("names the GPU types as Cloud Run does, and knows no others", function () {
        assert.equal(acceleratorOf("nvidia-l4"), "nvidia-l4");
        assert.equal(acceleratorOf("L4"), "nvidia-l4");
        assert.equal(acceleratorOf("nvidia_rtx_pro_6000"), "nvidia-rtx-pro-6000");
        assert.equal(acceleratorOf("rtx-pro-6000"), "nvidia-rtx-pro-6000");
        assert.equal(acceleratorOf("nvidia-t4"), undefined);
        assert.equal(acceleratorOf("h100"), undefined);
    });

    it("gives an L4 by default, raising a small size to 4 CPUs and 16 GiB; a larger ask is kept (CPUs to an even count)", function () {
        assert.deepEqual(cloudRunGpu("app", { cpus: 1, memoryMiB: 2048, gpus: gpus() }), {
            type: cloudRunGpu("app", { gpus: gpus() }).type,
            size: { cpus: 4, memoryMiB: 16384, limits: { cpu: "4", memory: "16384Mi", "nvidia.com/gpu": "1" } },
        });
        assert.equal(cloudRunGpu("app", { gpus: gpus() }).type.accelerator, "nvidia-l4");
        assert.deepEqual(cloudRunGpu("app", { cpus: 5, memoryMiB: 20000, gpus: gpus() }).size.limits, { cpu: "6", memory: "20096Mi", "nvidia.com/gpu": "1" });
        assert.deepEqual(cloudRunGpu("app", { cpus: 8, memoryMiB: 32768, gpus: gpus() }).size.limits, { cpu: "8", memory: "32768Mi", "nvidia.com/gpu": "1" });
    });

    it("takes the type from the request's options first, then defang:gpu", function () {
        assert.equal(cloudRunGpu("app", { gpus: gpus({ type: "nvidia-rtx-pro-6000" }) }, { gpuType: "nvidia-l4" }).type.accelerator, "nvidia-rtx-pro-6000");
        const fromSetting = cloudRunGpu("app", { gpus: gpus() }, { gpuType: "rtx-pro-6000" });
        assert.equal(fromSetting.type.accelerator, "nvidia-rtx-pro-6000");
        assert.deepEqual(fromSetting.size.limits, { cpu: "20", memory: "81920Mi", "nvidia.com/gpu": "1" });
    });

    it("`all` GPUs is one GPU (the translation table warns); one device id is one GPU", function () {
        assert.equal(cloudRunGpu("app", { gpus: gpus({ count: "all" }) }).size.limits["nvidia.com/gpu"], "1");
        assert.equal(cloudRunGpu("app", { gpus: gpus({ count: 1, deviceIds: ["0"] }) }).size.limits["nvidia.com/gpu"], "1");
    });

    it("refuses, all at once: more than one GPU, another driver, an unknown type, a region without it, a size too large", function () {
        assert.deepEqual(
            refusedWith(() => cloudRunGpu("app", { cpus: 16, memoryMiB: 65536, gpus: gpus({ count: 2, driver: "amd", type: "h100" }) }, { region: "us-west1" })),
            [
                "gpus[0]: a Cloud Run instance has one GPU (2 GPUs asked) (fix: ask for `count: 1` and run more replicas to use more GPUs)",
                "gpus[0]: Cloud Run GPUs are NVIDIA GPUs (driver amd asked) (fix: set `driver: nvidia`, or remove `driver`)",
                "gpus[0]: Cloud Run offers no GPU named h100 (in the device's `options`) (fix: name one of nvidia-l4, nvidia-rtx-pro-6000)",
                "deploy.resources: asks for 16 CPUs and 65536 MiB, more than a Cloud Run instance with an NVIDIA L4 (24 GB) GPU has (fix: ask for at most 8 CPUs and 32 GiB)",
            ],
        );
        assert.deepEqual(
            refusedWith(() => cloudRunGpu("app", { gpus: gpus() }, { region: "us-west1", gpuType: "t4" })),
            ["gpus[0]: Cloud Run offers no GPU named t4 (in `defang:gpu`) (fix: name one of nvidia-l4, nvidia-rtx-pro-6000)"],
        );
        assert.deepEqual(
            refusedWith(() => cloudRunGpu("app", { gpus: gpus({ type: "nvidia-rtx-pro-6000" }) }, { region: "europe-west1" })),
            [
                "gpus[0]: Cloud Run offers the NVIDIA RTX PRO 6000 Blackwell (96 GB) GPU in us-central1, europe-west4, asia-southeast1, asia-south2 (by invitation), not in europe-west1 (fix: set `pulumi config set gcp:region us-central1` (or another region that offers it))",
            ],
        );
        // An invitation-only region is not refused: the project may have been invited.
        assert.equal(cloudRunGpu("app", { gpus: gpus() }, { region: "asia-south1" }).type.accelerator, "nvidia-l4");
    });

    it("a service without GPUs keeps its CPU-only size; the preflight checks GPUs with the stack's settings", function () {
        assert.deepEqual(cloudRunInstance("web", { cpus: 1, memoryMiB: 512 }), { size: { cpus: 1, memoryMiB: 512, limits: { cpu: "1", memory: "512Mi" } } });
        const service = { kind: "service", name: "app", resources: { gpus: gpus() } } as unknown as ServiceModel;
        assert.deepEqual(gcpPreflight.refusals([service], { gcpGpu: { region: "us-central1" } }), []);
        assert.deepEqual(
            gcpPreflight.refusals([service], { gcpGpu: gcpGpuSettings({}, { GOOGLE_CLOUD_REGION: "us-west1" }) }).map((f) => `${f.service} ${f.field}`),
            ["app gpus[0]"],
        );
        assert.deepEqual(gcpGpuSettings({ region: "europe-west4", gpu: "nvidia-l4" }, { GOOGLE_CLOUD_REGION: "us-west1" }), { region: "europe-west4", gpuType: "nvidia-l4" });
    });
});

describe("Cloud Run GPUs (capability table and preflight together)", function () {
    const service = (name: string, cpus: number, memoryMiB: number, type?: string) =>
        ({ kind: "service", name, ports: [], features: [], environment: [], resources: { cpus, memoryMiB, gpus: gpus(type ? { type } : {}) } }) as unknown as ServiceModel;

    it("lets an RTX PRO 6000 service have its 20 CPUs and 80 GiB, and refuses that size with an L4 (by the GPU table) or without a GPU", function () {
        const rtx = service("rtx", 20, 80 * 1024, "nvidia-rtx-pro-6000");
        const l4 = service("l4", 20, 80 * 1024);
        const cpuOnly = { ...service("cpu", 20, 80 * 1024), resources: { cpus: 20, memoryMiB: 80 * 1024 } } as ServiceModel;
        assert.deepEqual(cloudVerdict([rtx], "gcp").refused, []);
        assert.deepEqual(
            cloudVerdict([l4], "gcp").refused.map((f) => `${f.service} ${f.field}: ${f.message}`),
            ["l4 deploy.resources: asks for 20 CPUs and 81920 MiB, more than a Cloud Run instance with an NVIDIA L4 (24 GB) GPU has"],
        );
        assert.deepEqual(
            cloudVerdict([cpuOnly], "gcp").refused.map((f) => `${f.service} ${f.field}`),
            ["cpu deploy.resources.reservations.cpus", "cpu deploy.resources.reservations.memory", "cpu deploy.resources"],
        );
        assert.deepEqual(
            cloudVerdict([service("big", 22, 80 * 1024, "nvidia-rtx-pro-6000")], "gcp").refused.map((f) => `${f.service} ${f.field}: ${f.message}`),
            [
                "big deploy.resources.reservations.cpus: 22 CPUs is more than the 20 the largest container can have",
                "big deploy.resources: asks for 22 CPUs and 81920 MiB, more than a Cloud Run instance with an NVIDIA RTX PRO 6000 Blackwell (96 GB) GPU has",
            ],
        );
    });
});

describe("Cloud Run GPUs (plan of the python-implicit-gpu sample)", function () {
    this.timeout(180000);
    let dir: string;

    before(function () {
        if (!corpusAvailable()) this.skip();
        // A checkout has the sources; the corpus keeps only the compose file.
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "gpu-sample-"));
        fs.copyFileSync(corpusPath("defang-samples", "python-implicit-gpu", "compose.yaml"), path.join(dir, "compose.yaml"));
        fs.mkdirSync(path.join(dir, "app"));
        fs.writeFileSync(path.join(dir, "app", "Dockerfile"), "FROM python:3.12-slim\n");
    });
    after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

    it("plans on Google Cloud with one L4, 4 CPUs, 16 GiB, instance-based billing and the GPU's price; AWS and DigitalOcean refuse it by name, as validate does", function () {
        const plan = cli(["plan", "--provider", "all", "--format", "json"], { cwd: dir });
        assertClean(plan, 3);
        const report = JSON.parse(plan.stdout) as PlanReport;
        const byCloud = Object.fromEntries(report.clouds.map((c) => [c.cloud, c]));
        assert.equal(byCloud.gcp.status, "planned");
        const service = byCloud.gcp.components.find((c) => c.name === "app")!.resources.find((r) => r.type === "gcp:cloudrunv2/service:Service")!;
        assert.deepEqual([service.properties.gpu, service.properties.vcpu, service.properties.memoryMiB, service.properties.billing], ["nvidia-l4", 4, 16384, "instance-based"]);
        assert.deepEqual(service.cost.prices, ["gcp.run.instance.vcpu-second", "gcp.run.instance.gib-second", "gcp.run.gpu.nvidia-l4.second"]);
        assert.equal(service.cost.monthly, Math.round((4 * 0.000018 + 16 * 0.000002 + 0.0001867) * 730 * 3600 * 100) / 100);
        // The meaning that changes is said: one GPU for `all` (here: no count), the size raised, instance billing.
        const devices = byCloud.gcp.attributes?.find((a) => a.service === "app")?.attributes.find((a) => a.field === "deploy.resources.reservations.devices[0]");
        assert.equal(devices?.disposition, "approximated");
        assert.match(devices?.disposition === "approximated" ? devices.warning : "", /^Cloud Run attaches one GPU per instance \(`all` means one\).*a smaller size is raised.* \(all GPUs\)$/);
        assert.equal(devices?.at, "compose.yaml:14:15");
        for (const cloud of ["aws", "digitalocean"] as const) {
            assert.equal(byCloud[cloud].status, "unsupported");
            assert.deepEqual(
                byCloud[cloud].problems?.map((p) => `${p.at} ${p.service} ${p.field}`),
                ["compose.yaml:14:15 app deploy.resources.reservations.devices[0]"],
            );
        }
        assert.match(byCloud.aws.problems![0].message, /^services run on Fargate, which has no GPUs/);
        assert.match(byCloud.digitalocean.problems![0].message, /^App Platform has no GPUs/);

        const validate = cli(["validate", "--provider", "all", "--no-color"], { cwd: dir });
        assertClean(validate, 3);
        assert.match(validate.stdout, /not supported on AWS \(1 feature\), DigitalOcean \(1 feature\); valid on Google Cloud$/m);
    });
});
