/**
 * The verdict on some components for one cloud, enforced before any of them registers: build
 * inputs that do not exist (`BuildInputsError`), every feature the cloud refuses
 * (`UnsupportedFeaturesError`), then every sensitive config key the stack lacks
 * (`MissingConfigError`), each listing all its problems at once.
 */
import * as pulumi from "@pulumi/pulumi";
import { CloudBackend } from "../clouds/backend";
import { DO_BUILDER_CONFIG_KEY, localDockerBuildsAsked } from "../clouds/digitalocean/builder-option";
import { gcpGpuSettings, GPU_CONFIG_KEY } from "../clouds/gcp/cloud-run-gpu";
import { awsIngressOf, INGRESS_CONFIG_KEY } from "../clouds/aws/ingress-choice";
import { backendFor } from "../clouds/registry";
import { projectVerdict } from "../clouds/verdict";
import { BuildInputsError, UnsupportedFeaturesError } from "../model/errors";
import { CloudName, ComponentModel, ProjectModel } from "../model/types";
import { ConfigValues } from "../clouds/config-values";
import { stackSetting } from "../clouds/stack-settings";

/** The backend of `cloud`, once the verdict accepts `components` and `config` has every key they read; throws otherwise. */
export function checkCloud(components: ComponentModel[], cloud: CloudName, config: ConfigValues, locate?: ProjectModel["locate"]): CloudBackend {
    const settings = {
        localDockerBuilds: localDockerBuildsAsked(stackSetting(DO_BUILDER_CONFIG_KEY), process.env),
        gcpGpu: gcpGpuSettings({ region: new pulumi.Config("gcp").get("region"), gpu: stackSetting(GPU_CONFIG_KEY) }, process.env),
        awsIngress: cloud === "aws" ? awsIngressOf(stackSetting(INGRESS_CONFIG_KEY)) : undefined,
    };
    const verdict = projectVerdict(components, [cloud], locate, settings);
    if (verdict.invalid.length > 0) throw new BuildInputsError(verdict.invalid);
    const { refused, config: uses } = verdict.clouds[0];
    if (refused.length > 0) throw new UnsupportedFeaturesError(cloud, refused);
    config.requireAll(uses);
    return backendFor(cloud);
}
