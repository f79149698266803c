/**
 * The CPU architecture a service runs on, from compose `platform` (else `build.platforms`). Clouds
 * run Linux containers on x86-64, and some on arm64; any other platform (`windows/amd64`,
 * `linux/arm/v7`, `linux/386`, `linux/s390x`, ...) is refused by name everywhere, never built for
 * x86-64 instead.
 */
import { ComposeService } from "../compose/types";
import { FeatureUse, ServiceModel } from "./types";

export type Architecture = ServiceModel["architecture"];

/** The architecture of a platform a cloud may run (`linux/amd64`, `linux/arm64`, `linux/arm64/v8`), or undefined. */
export function runnableArchitecture(platform: string): Architecture | undefined {
    const [os, arch, variant, ...rest] = platform.trim().toLowerCase().split("/");
    if (os !== "linux" || rest.length > 0) return undefined;
    if ((arch === "amd64" || arch === "x86_64") && variant === undefined) return "x86_64";
    if ((arch === "arm64" || arch === "aarch64") && (variant === undefined || variant === "v8")) return "arm64";
    return undefined;
}

export interface PlatformChoice {
    architecture: Architecture;
    /** Refusals: a platform no cloud runs, or arm64 (refused by clouds that run x86-64 only). */
    features: FeatureUse[];
}

/**
 * `platform` decides; without it, `build.platforms`: one entry is the platform the service runs
 * on, several are built as one image for the platform the service runs on (`linux/amd64` when
 * listed, else the first one; `rules/platform.ts` warns). A platform no cloud runs is refused.
 */
export function platformOf(svc: Pick<ComposeService, "platform" | "build">): PlatformChoice {
    const features: FeatureUse[] = [];
    const choose = (platform: string, field: Array<string | number>): Architecture => {
        const arch = runnableArchitecture(platform);
        if (arch === undefined) features.push({ feature: "platform", field, detail: platform });
        else if (arch === "arm64") features.push({ feature: "arm64", field, detail: platform });
        return arch ?? "x86_64";
    };
    if (svc.platform) return { architecture: choose(svc.platform, ["platform"]), features };
    const platforms = svc.build?.platforms ?? [];
    const [first] = platforms;
    if (first === undefined) return { architecture: "x86_64", features };
    const platform = platforms.find((p) => runnableArchitecture(p) === "x86_64") ?? first;
    return { architecture: choose(platform, ["build", "platforms", platforms.indexOf(platform)]), features };
}
