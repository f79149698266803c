/**
 * A service's environment on Cloud Run: plain values (with references to other components
 * rewritten, see `service-references.ts`) and sensitive values (config, templates over config,
 * program inputs, and values that gain a cache's AUTH string), which go to Secret Manager.
 * Reads the config at once, so that a missing key throws (naming it) before any resource exists.
 */
import * as pulumi from "@pulumi/pulumi";
import { ConfigValues } from "../../config-values";
import { programValue, SensitiveValue } from "../../common/environment-values";
import { ServiceModel } from "../../../model/types";
import { fillTemplate } from "../../../model/environment";
import { zip } from "../../../util/zip";
import { ServiceDirectory } from "../network/service-directory";
import { rewriteReferences } from "../network/service-references";
import { CLOUD_RUN_ENVIRONMENT } from "../../../model/translation/features";

export interface PlainValue {
    name: string;
    value: pulumi.Input<string>;
}

export interface ServiceEnvironment {
    plain: PlainValue[];
    sensitive: SensitiveValue[];
    /** Variables left out because Cloud Run sets them itself. */
    reserved: string[];
}

/** Variables Cloud Run sets in every container and refuses in a service definition; `PORT` is the container port. */
export const RESERVED_VARIABLES: ReadonlySet<string> = CLOUD_RUN_ENVIRONMENT;

function rewritten(value: string, directory: ServiceDirectory, withSecrets: boolean): pulumi.Input<string> {
    const names = directory.referencedBy(value);
    if (names.length === 0) return value;
    return directory.targets(names, withSecrets).apply((targets) => rewriteReferences(value, targets));
}

/** The service's environment, then `extra` variables it does not set itself (as plain values). */
export function serviceEnvironment(model: ServiceModel, config: ConfigValues, directory: ServiceDirectory, extra: PlainValue[] = []): ServiceEnvironment {
    const plain: PlainValue[] = [];
    const sensitive: SensitiveValue[] = [];
    const reserved: string[] = [];
    for (const v of model.environment) {
        const value = v.value;
        if (RESERVED_VARIABLES.has(v.name)) {
            reserved.push(v.name);
            continue;
        }
        switch (value.kind) {
            case "literal":
                if (directory.addsSecret(value.value)) sensitive.push({ name: v.name, value: pulumi.secret(rewritten(value.value, directory, true)) });
                else plain.push({ name: v.name, value: rewritten(value.value, directory, false) });
                break;
            case "config":
                sensitive.push({ name: v.name, value: pulumi.secret(config.get(value.key, model.name)) });
                break;
            case "template": {
                const keys = value.keys.map((k) => config.get(k, model.name));
                const template = pulumi.output(rewritten(value.template, directory, true));
                const filled = pulumi.all([template, pulumi.all(keys)]).apply(([t, vs]) => {
                    const byKey = new Map(zip(value.keys, vs));
                    return fillTemplate(t, byKey);
                });
                sensitive.push({ name: v.name, value: pulumi.secret(filled) });
                break;
            }
            case "input":
                sensitive.push({ name: v.name, value: programValue(value.value) });
                break;
        }
    }
    const names = new Set(model.environment.map((v) => v.name));
    return { plain: [...plain, ...extra.filter((v) => !names.has(v.name))], sensitive, reserved };
}
