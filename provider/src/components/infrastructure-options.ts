/**
 * Options of the shared infrastructure: stack config `defang:nat`, `defang:logRetentionDays`,
 * `defang:deletionProtection`, `defang:redisTls`, `defang:retainVolumes`, overridden by a `DefangProject`'s `infrastructure` argument.
 */
import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_INFRASTRUCTURE_OPTIONS, InfrastructureOptions } from "../clouds/backend";
import { InvalidArgumentError } from "../model/errors";

const NAT_CHOICES = ["none", "single", "per-az"] as const;

export function infrastructureOptions(overrides: Partial<InfrastructureOptions> = {}, component = "defang"): InfrastructureOptions {
    const config = new pulumi.Config("defang");
    const nat = overrides.nat ?? config.get("nat") ?? DEFAULT_INFRASTRUCTURE_OPTIONS.nat;
    if (!(NAT_CHOICES as readonly string[]).includes(nat)) {
        throw new InvalidArgumentError(component, "nat", `is "${nat}"`, `use one of ${NAT_CHOICES.join(", ")} (stack config defang:nat or the infrastructure.nat argument)`);
    }
    return {
        nat: nat as InfrastructureOptions["nat"],
        logRetentionDays: overrides.logRetentionDays ?? config.getNumber("logRetentionDays") ?? DEFAULT_INFRASTRUCTURE_OPTIONS.logRetentionDays,
        deletionProtection: overrides.deletionProtection ?? config.getBoolean("deletionProtection") ?? DEFAULT_INFRASTRUCTURE_OPTIONS.deletionProtection,
        redisTls: overrides.redisTls ?? config.getBoolean("redisTls") ?? DEFAULT_INFRASTRUCTURE_OPTIONS.redisTls,
        retainVolumes: overrides.retainVolumes ?? config.getBoolean("retainVolumes") ?? DEFAULT_INFRASTRUCTURE_OPTIONS.retainVolumes,
    };
}
