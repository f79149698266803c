/**
 * A GPU on Cloud Run: pure, no resources (the preflight and the backend both read it). Cloud Run
 * attaches one NVIDIA GPU to an instance, of a type offered in some regions only, and requires CPU
 * always allocated (instance-based billing) and a minimum CPU and memory with it. A service's
 * request is checked against this table: the type comes from the request's `options`
 * (`gpu-type: nvidia-l4`), else the stack's `defang:gpu` setting, else the L4; a size below the
 * type's minimum is raised to it (the `gpu-cloud-run` warning of the translation table says so).
 *
 * Source: Cloud Run documentation, "GPU support for services" and "... worker pools"
 * (https://cloud.google.com/run/docs/configuring/services/gpu), read 2026-12-07.
 */
import { UnsupportedFeature, UnsupportedFeaturesError } from "../../../model/errors";
import { fieldText } from "../../../model/translation/dispositions";
import { GpuModel, ResourcesModel } from "../../../model/types";
import { CloudRunSize, cloudRunSize, DEFAULT_MEMORY_MIB, MEMORY_STEP_MIB } from "./cloud-run-sizing";

/** The accelerator names Cloud Run takes in `nodeSelector.accelerator`. */
export type CloudRunAccelerator = "nvidia-l4" | "nvidia-rtx-pro-6000";

export interface CloudRunGpuType {
    accelerator: CloudRunAccelerator;
    /** How it is named in messages. */
    title: string;
    /** CPU and memory an instance with this GPU has at least. */
    minCpus: number;
    minMemoryMiB: number;
    /** CPU and memory an instance with this GPU can have at most. */
    maxCpus: number;
    maxMemoryMiB: number;
    /** Regions that offer it to every project. */
    regions: readonly string[];
    /** Regions that offer it to invited projects only: allowed, with the condition in the warning text of the README. */
    invitationRegions: readonly string[];
}

export const CLOUD_RUN_GPUS: Readonly<Record<CloudRunAccelerator, CloudRunGpuType>> = {
    "nvidia-l4": {
        accelerator: "nvidia-l4",
        title: "NVIDIA L4 (24 GB)",
        minCpus: 4,
        minMemoryMiB: 16 * 1024,
        maxCpus: 8,
        maxMemoryMiB: 32 * 1024,
        regions: ["us-central1", "us-east4", "europe-west1", "europe-west4", "asia-southeast1"],
        invitationRegions: ["asia-south1"],
    },
    "nvidia-rtx-pro-6000": {
        accelerator: "nvidia-rtx-pro-6000",
        title: "NVIDIA RTX PRO 6000 Blackwell (96 GB)",
        // The documented minimum; a larger size is not offered here until the documentation lists it.
        minCpus: 20,
        minMemoryMiB: 80 * 1024,
        maxCpus: 20,
        maxMemoryMiB: 80 * 1024,
        regions: ["us-central1", "europe-west4", "asia-southeast1"],
        invitationRegions: ["asia-south2"],
    },
};

/** The type when neither the service nor the stack names one: the L4, offered in the most regions. */
export const DEFAULT_ACCELERATOR: CloudRunAccelerator = "nvidia-l4";

/** The stack setting that names the GPU type of every GPU service without its own (`pulumi config set defang:gpu nvidia-l4`). */
export const GPU_CONFIG_KEY = "gpu";

/** What the stack says about GPUs, read by the caller (stack config, environment). */
export interface CloudRunGpuSettings {
    /** `gcp:region`. @default "us-central1" */
    region?: string;
    /** `defang:gpu`: the type of GPU services that name none. */
    gpuType?: string;
}

/** The GPU of one Cloud Run instance, and the instance's size with it. */
export interface CloudRunGpu {
    type: CloudRunGpuType;
    /** The instance's CPU and memory (raised to the type's minimum), with `nvidia.com/gpu: "1"` in its limits. */
    size: CloudRunSize;
}

/** `nvidia-l4`, `L4`, `nvidia-rtx-pro-6000`, `rtx-pro-6000`, ... as Cloud Run names it; undefined when it offers no such GPU. */
export function acceleratorOf(name: string): CloudRunAccelerator | undefined {
    const n = name
        .trim()
        .toLowerCase()
        .replace(/[_\s]+/g, "-")
        .replace(/^nvidia-/, "");
    if (n === "l4") return "nvidia-l4";
    if (n === "rtx-pro-6000" || n === "rtx-pro-6000-blackwell") return "nvidia-rtx-pro-6000";
    return undefined;
}

const roundMemory = (mib: number) => Math.max(MEMORY_STEP_MIB, Math.ceil(mib / MEMORY_STEP_MIB) * MEMORY_STEP_MIB);

/**
 * The GPU and size of `service`'s Cloud Run instance; throws `UnsupportedFeaturesError` listing
 * every problem at once: more than one GPU, a driver other than NVIDIA's, a type Cloud Run does
 * not offer, a region without it, a size larger than an instance with it.
 */
export function cloudRunGpu(service: string, resources: ResourcesModel & { gpus: GpuModel }, settings: CloudRunGpuSettings = {}): CloudRunGpu {
    const gpus = resources.gpus;
    const field = fieldText(gpus.field);
    const problems: UnsupportedFeature[] = [];
    const refuse = (message: string, hint: string, at = field) => problems.push({ service, field: at, message, hint });
    const offered = Object.keys(CLOUD_RUN_GPUS).join(", ");

    if (typeof gpus.count === "number" && gpus.count > 1) {
        refuse(`a Cloud Run instance has one GPU (${gpus.count} GPUs asked)`, "ask for `count: 1` and run more replicas to use more GPUs");
    }
    if (gpus.driver !== undefined && gpus.driver.toLowerCase() !== "nvidia") {
        refuse(`Cloud Run GPUs are NVIDIA GPUs (driver ${gpus.driver} asked)`, "set `driver: nvidia`, or remove `driver`");
    }
    const written = gpus.type ?? settings.gpuType;
    const accelerator = written === undefined ? DEFAULT_ACCELERATOR : acceleratorOf(written);
    if (accelerator === undefined) {
        const where = gpus.type !== undefined ? "the device's `options`" : "`defang:gpu`";
        refuse(`Cloud Run offers no GPU named ${written} (in ${where})`, `name one of ${offered}`);
    }
    const type = CLOUD_RUN_GPUS[accelerator ?? DEFAULT_ACCELERATOR];
    const region = settings.region ?? "us-central1";
    if (accelerator !== undefined && !type.regions.includes(region) && !type.invitationRegions.includes(region)) {
        refuse(
            `Cloud Run offers the ${type.title} GPU in ${[...type.regions, ...type.invitationRegions.map((r) => `${r} (by invitation)`)].join(", ")}, not in ${region}`,
            `set \`pulumi config set gcp:region ${type.regions[0]}\` (or another region that offers it)`,
        );
    }
    const askedCpus = resources.cpus ?? 0;
    const askedMemory = roundMemory(resources.memoryMiB ?? DEFAULT_MEMORY_MIB);
    if (askedCpus > type.maxCpus || askedMemory > type.maxMemoryMiB) {
        refuse(
            `asks for ${askedCpus} CPUs and ${resources.memoryMiB ?? DEFAULT_MEMORY_MIB} MiB, more than a Cloud Run instance with an ${type.title} GPU has`,
            `ask for at most ${type.maxCpus} CPUs and ${type.maxMemoryMiB / 1024} GiB`,
            "deploy.resources",
        );
    }
    if (problems.length > 0) throw new UnsupportedFeaturesError("gcp", problems);

    // Cloud Run's CPU counts with a GPU: the type's minimum, else the next whole even count up to its maximum.
    const cpus = Math.min(type.maxCpus, Math.max(type.minCpus, askedCpus % 2 === 0 ? askedCpus : Math.ceil(askedCpus / 2) * 2));
    const memoryMiB = Math.max(type.minMemoryMiB, askedMemory);
    return { type, size: { cpus, memoryMiB, limits: { cpu: String(cpus), memory: `${memoryMiB}Mi`, "nvidia.com/gpu": "1" } } };
}

/** Whether the region offers `type` by invitation only (the deployment then needs the account team's approval). */
export function invitationOnly(type: CloudRunGpuType, region: string): boolean {
    return type.invitationRegions.includes(region);
}

/** A Cloud Run instance of a service: its size, and its GPU when it asks for one. */
export interface CloudRunInstance {
    size: CloudRunSize;
    gpu?: CloudRunGpuType;
}

/** The instance of a service on Cloud Run, with or without a GPU; throws what the tables refuse. */
export function cloudRunInstance(service: string, resources: ResourcesModel, settings: CloudRunGpuSettings = {}): CloudRunInstance {
    const gpus = resources.gpus;
    if (!gpus) return { size: cloudRunSize(service, resources) };
    const { type, size } = cloudRunGpu(service, { ...resources, gpus }, settings);
    return { size, gpu: type };
}

/** The GPU settings of a stack: `gcp:region` (else `GOOGLE_CLOUD_REGION`, as the backend reads it) and `defang:gpu`. */
export function gcpGpuSettings(config: { region?: string; gpu?: string }, env: Record<string, string | undefined>): CloudRunGpuSettings {
    const region = config.region ?? env.GOOGLE_CLOUD_REGION;
    return { ...(region ? { region } : {}), ...(config.gpu ? { gpuType: config.gpu } : {}) };
}

/**
 * GPU instances are not kept ready in a second zone: Cloud Run's GPU zonal redundancy costs more
 * per GPU-second and needs its own quota; without it a zonal outage delays new instances (best effort).
 */
export const GPU_ZONAL_REDUNDANCY_DISABLED = true;

/** The fields of a Cloud Run revision, job or worker pool template that attach `gpu` (none without one). */
export function gpuTemplateFields(gpu: CloudRunGpuType | undefined): { nodeSelector?: { accelerator: CloudRunAccelerator }; gpuZonalRedundancyDisabled?: boolean } {
    return gpu ? { nodeSelector: { accelerator: gpu.accelerator }, gpuZonalRedundancyDisabled: GPU_ZONAL_REDUNDANCY_DISABLED } : {};
}
