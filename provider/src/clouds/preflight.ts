/**
 * A cloud's preflight: what its own tables (sizing, engine versions, routing plans) refuse of a
 * project, and the sensitive config it reads itself, found before anything is created. Every
 * refusal is collected instead of stopping at the first, so that a project hears of all its
 * problems on a cloud at once.
 *
 * A preflight module loads no cloud SDK: `validate` and `plan` run it in the command's own process.
 */
import { ConfigUse } from "../model/environment";
import type { AwsIngress } from "./aws/ingress/ingress-choice";
import { InvalidArgumentError, UnsupportedFeature, UnsupportedFeaturesError } from "../model/errors";
import { CloudName, ComponentModel } from "../model/types";
import type { CloudRunGpuSettings } from "./gcp/compute/cloud-run-gpu";

/** What one cloud says of some components before any of them exists. Pure: creates nothing, loads no SDK. */
/** What the stack allows that changes a cloud's verdict, read by the caller (stack config, environment). */
export interface PreflightSettings {
    /**
     * Local build contexts may be built (DigitalOcean refuses them when `defang:doBuilder` is
     * `none`; `remote`, the default, and `local` allow them: see `digitalocean/builder-option.ts`).
     */
    localDockerBuilds?: boolean;
    /** DigitalOcean: what the remote builder needs that the stack lacks (see `digitalocean/builder-option.ts`); unknown (not checked) when absent. */
    doRemoteBuilderMissing?: string[];
    /** Google Cloud: `gcp:region` and `defang:gpu`, which decide the GPU type and whether the region offers it (see `gcp/cloud-run-gpu.ts`). */
    gcpGpu?: CloudRunGpuSettings;
    /** The AWS front door of public HTTP ports (`defang:ingress`, see `aws/ingress-choice.ts`); the default when absent. */
    awsIngress?: AwsIngress;
}

export interface CloudPreflight {
    readonly cloud: CloudName;
    /** What the cloud's own tables refuse (sizes, engine versions, routing, builds), for every component at once. */
    refusals(components: ComponentModel[], settings?: PreflightSettings): UnsupportedFeature[];
    /** Sensitive config the cloud itself reads for these components, besides what their environments read. */
    configUses(components: ComponentModel[]): ConfigUse[];
}

/** A check of one component: throws `UnsupportedFeaturesError` or `InvalidArgumentError` when the cloud refuses. */
export type ComponentCheck = [service: string, check: () => unknown];

/** Every problem the checks raise, in order; any other exception is a bug and propagates. */
export function collectProblems(checks: ComponentCheck[]): UnsupportedFeature[] {
    const out: UnsupportedFeature[] = [];
    for (const [service, check] of checks) {
        try {
            check();
        } catch (e) {
            if (e instanceof UnsupportedFeaturesError) out.push(...e.features);
            else if (e instanceof InvalidArgumentError) out.push({ service, field: e.argument, message: e.problem, hint: e.hint });
            else throw e;
        }
    }
    return out;
}
