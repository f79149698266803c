/**
 * The GPUs a compose service asks for, from `gpus` (`all`, or a list of `{count, driver, device_ids,
 * options, capabilities}`) and from `deploy.resources.reservations.devices` entries whose
 * capabilities include `gpu`. Never dropped: a cloud either maps them or refuses them by name.
 */
import { ComposeService } from "../compose/types";
import { FeatureUse, GpuModel } from "./types";

interface DeviceRequest {
    capabilities?: unknown;
    count?: unknown;
    device_ids?: unknown;
    driver?: unknown;
    options?: unknown;
}

/** Keys of `options` that name a GPU type (e.g. `options: { gpu-type: nvidia-l4 }`). */
const TYPE_OPTIONS = ["gpu-type", "gpu_type", "type", "model"];

/** One request's count: `all` (also the canonical `-1`, and no count nor device ids), a number, or its device ids. */
function countOf(d: DeviceRequest): number | "all" {
    if (d.count === "all" || d.count === -1 || d.count === "-1") return "all";
    if (typeof d.count === "number" || (typeof d.count === "string" && /^\d+$/.test(d.count))) return Number(d.count);
    if (Array.isArray(d.device_ids) && d.device_ids.length > 0) return d.device_ids.length;
    return "all";
}

function typeOf(d: DeviceRequest): string | undefined {
    const options = d.options && typeof d.options === "object" ? (d.options as Record<string, unknown>) : {};
    for (const k of TYPE_OPTIONS) if (typeof options[k] === "string" && options[k]) return options[k] as string;
    return undefined;
}

/** The GPUs of `svc`, summed over its requests (`all` wins), or undefined when it asks for none. */
export function gpusFromCompose(svc: Pick<ComposeService, "gpus" | "deploy">): GpuModel | undefined {
    const requests: Array<{ d: DeviceRequest; field: Array<string | number> }> = [];
    if (svc.gpus === "all") requests.push({ d: { count: "all" }, field: ["gpus"] });
    else if (Array.isArray(svc.gpus)) svc.gpus.forEach((d, i) => requests.push({ d: (d ?? {}) as DeviceRequest, field: ["gpus", i] }));
    (svc.deploy?.resources?.reservations?.devices ?? []).forEach((raw, i) => {
        const d = (raw ?? {}) as DeviceRequest;
        if (Array.isArray(d.capabilities) && d.capabilities.includes("gpu")) requests.push({ d, field: ["deploy", "resources", "reservations", "devices", i] });
    });
    const [first] = requests;
    if (!first) return undefined;
    let count: number | "all" = 0;
    const gpus: GpuModel = { count, field: first.field };
    for (const { d } of requests) {
        const n = countOf(d);
        count = count === "all" || n === "all" ? "all" : count + n;
        if (gpus.driver === undefined && typeof d.driver === "string" && d.driver) gpus.driver = d.driver;
        gpus.type ??= typeOf(d);
        if (Array.isArray(d.device_ids)) gpus.deviceIds = [...(gpus.deviceIds ?? []), ...d.device_ids.map(String)];
    }
    gpus.count = count;
    if (gpus.type === undefined) delete gpus.type;
    return gpus;
}

/** `2 GPUs, driver nvidia, type nvidia-l4`, for messages. */
export function describeGpus(g: GpuModel): string {
    const parts = [g.count === "all" ? "all GPUs" : `${g.count} GPU${g.count === 1 ? "" : "s"}`];
    if (g.driver) parts.push(`driver ${g.driver}`);
    if (g.type) parts.push(`type ${g.type}`);
    if (g.deviceIds?.length) parts.push(`device_ids ${g.deviceIds.join(", ")}`);
    return parts.join(", ");
}

/** The features a GPU request uses: each cloud refuses or warns about its own (see `translation/features.ts`). */
export function gpuFeatures(g: GpuModel): FeatureUse[] {
    const detail = describeGpus(g);
    return (["gpu", "gpu-fargate", "gpu-cloud-run"] as const).map((feature) => ({ feature, field: g.field, detail }));
}

/** Device reservations that are not GPUs (e.g. `capabilities: [tpu]`): host devices, which no cloud maps. */
export function otherDeviceFeatures(svc: Pick<ComposeService, "deploy">): FeatureUse[] {
    const out: FeatureUse[] = [];
    (svc.deploy?.resources?.reservations?.devices ?? []).forEach((raw, i) => {
        const capabilities = (raw as DeviceRequest | undefined)?.capabilities;
        if (!(Array.isArray(capabilities) && capabilities.includes("gpu"))) {
            out.push({ feature: "devices", field: ["deploy", "resources", "reservations", "devices", i], ...(Array.isArray(capabilities) ? { detail: `capabilities ${capabilities.join(", ")}` } : {}) });
        }
    });
    return out;
}
