/**
 * The verdict on some components for one cloud, enforced before any of them registers: build
 * inputs that do not exist (`BuildInputsError`), every feature the cloud refuses
 * (`UnsupportedFeaturesError`), then every sensitive config key the stack lacks
 * (`MissingConfigError`), each listing all its problems at once.
 */
import * as pulumi from "@pulumi/pulumi";
import { OpaqueBackend } from "../clouds/backend";
import { DO_BUILDER_CONFIG_KEY, digitalOceanBuilder, localDockerBuildsAsked, remoteBuilderMissing } from "../clouds/digitalocean/build/builder-option";
import { gcpGpuSettings, GPU_CONFIG_KEY } from "../clouds/gcp/compute/cloud-run-gpu";
import { awsIngressOf, INGRESS_CONFIG_KEY } from "../clouds/aws/ingress/ingress-choice";
import { backendFor } from "../clouds/registry";
import { projectVerdict } from "../clouds/verdict";
import { BuildInputsError, UnsupportedFeaturesError } from "../model/errors";
import { CloudName, ComponentModel, ProjectModel } from "../model/types";
import { ConfigValues } from "../clouds/config-values";
import { stackSetting } from "../clouds/stack-settings";

/** The backend of `cloud`, once the verdict accepts `components` and `config` has every key they read; throws otherwise. */
export function checkCloud(components: ComponentModel[], cloud: CloudName, config: ConfigValues, locate?: ProjectModel["locate"]): OpaqueBackend {
    const settings = {
        localDockerBuilds: localDockerBuildsAsked(stackSetting(DO_BUILDER_CONFIG_KEY), process.env),
        gcpGpu: gcpGpuSettings({ region: new pulumi.Config("gcp").get("region"), gpu: stackSetting(GPU_CONFIG_KEY) }, process.env),
        awsIngress: cloud === "aws" ? awsIngressOf(stackSetting(INGRESS_CONFIG_KEY)) : undefined,
        doRemoteBuilderMissing: cloud === "digitalocean" ? remoteBuilderNeeds() : undefined,
    };
    const verdict = projectVerdict(components, [cloud], locate, settings);
    if (verdict.invalid.length > 0) throw new BuildInputsError(verdict.invalid);
    const [cloudVerdict] = verdict.clouds;
    if (!cloudVerdict) throw new Error(`no verdict for cloud ${cloud}`);
    const { refused, config: uses } = cloudVerdict;
    if (refused.length > 0) throw new UnsupportedFeaturesError(cloud, refused);
    config.requireAll(uses);
    return backendFor(cloud);
}

/** What DigitalOcean's remote builder needs that the stack lacks, when it is the builder asked for; the environment counts as the provider reads it. */
function remoteBuilderNeeds(): string[] {
    if (digitalOceanBuilder(stackSetting(DO_BUILDER_CONFIG_KEY), process.env) !== "remote") return [];
    // Presence only: the raw config, so that a secret is neither read as plain text nor warned about.
    const has = (key: string, ...envs: string[]) => !!pulumi.runtime.getConfig(`digitalocean:${key}`) || envs.some((e) => !!process.env[e]);
    return remoteBuilderMissing({
        token: has("token", "DIGITALOCEAN_TOKEN", "DIGITALOCEAN_ACCESS_TOKEN"),
        spacesAccessId: has("spacesAccessId", "SPACES_ACCESS_KEY_ID"),
        spacesSecretKey: has("spacesSecretKey", "SPACES_SECRET_ACCESS_KEY"),
    });
}
