/**
 * What `validate` says of GPUs and platforms before a cloud is chosen: each cloud's capability
 * check decides whether it runs them (`model/capabilities.ts`); here the file is told early.
 */
import { Rule } from "./report";

const RUNNABLE = /^linux\/(amd64|x86_64|arm64(\/v8)?|aarch64)$/i;

/** GPUs (Google Cloud only), platforms no cloud runs, and `build.platforms` of which one is built. */
export const checkPlatforms: Rule = (project, report, _ctx, services) => {
    for (const [name, svc] of services) {
        const devices = svc.deploy?.resources?.reservations?.devices ?? [];
        const gpuDevice = devices.findIndex((d) => Array.isArray((d as { capabilities?: unknown })?.capabilities) && (d as { capabilities: unknown[] }).capabilities.includes("gpu"));
        if (svc.gpus !== undefined || gpuDevice >= 0) {
            report.service(name, svc.gpus !== undefined ? ["gpus"] : ["deploy", "resources", "reservations", "devices", gpuDevice], {
                severity: "warning",
                code: "gpus",
                message: "GPUs run on Google Cloud only (Cloud Run, one NVIDIA GPU per instance); deploying this service to AWS or DigitalOcean will be refused",
                hint: "deploy it to Google Cloud, or remove `gpus` (or the `capabilities: [gpu]` reservation) to run the service on CPUs",
            });
        }
        if (svc.platform && !RUNNABLE.test(svc.platform)) {
            report.service(name, ["platform"], {
                severity: "warning",
                code: "platform-unsupported",
                message: `${svc.platform} is not a platform a cloud runs (Linux on x86-64 or arm64); deploying this service will be refused`,
                hint: "use linux/amd64 or linux/arm64, or remove `platform`",
            });
        }
        const platforms = svc.build?.platforms ?? [];
        if (!svc.platform && platforms.length > 1) {
            const built = platforms.find((p) => /^linux\/(amd64|x86_64)$/i.test(p)) ?? platforms[0];
            report.service(name, ["build", "platforms"], {
                severity: "warning",
                code: "build-platforms",
                message: `the image is built for ${built} only, the platform the service runs on; ${platforms.filter((p) => p !== built).join(", ")} ${platforms.length > 2 ? "are" : "is"} not built`,
                hint: "set `platform` to the one the service should run on, or keep one entry in build.platforms",
            });
        }
    }
};
