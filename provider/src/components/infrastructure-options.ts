/**
 * Options of the shared infrastructure: stack config `defang:nat`, `defang:logRetentionDays`,
 * `defang:deletionProtection`, `defang:redisTls`, `defang:retainVolumes`, overridden by a `DefangProject`'s `infrastructure` argument.
 */
import { DEFAULT_INFRASTRUCTURE_OPTIONS, InfrastructureOptions } from "../clouds/backend";
import { InvalidArgumentError } from "../model/errors";
import { stackSetting } from "../clouds/stack-settings";

const NAT_CHOICES = ["none", "single", "per-az"] as const;

export function infrastructureOptions(overrides: Partial<InfrastructureOptions> = {}, component = "defang"): InfrastructureOptions {
    const nat = overrides.nat ?? stackSetting("nat") ?? DEFAULT_INFRASTRUCTURE_OPTIONS.nat;
    if (!(NAT_CHOICES as readonly string[]).includes(nat)) {
        throw new InvalidArgumentError(component, "nat", `is "${nat}"`, `use one of ${NAT_CHOICES.join(", ")} (stack config defang:nat or the infrastructure.nat argument)`);
    }
    return {
        nat: nat as InfrastructureOptions["nat"],
        logRetentionDays: overrides.logRetentionDays ?? stackSetting("logRetentionDays") ?? DEFAULT_INFRASTRUCTURE_OPTIONS.logRetentionDays,
        deletionProtection: overrides.deletionProtection ?? stackSetting("deletionProtection") ?? DEFAULT_INFRASTRUCTURE_OPTIONS.deletionProtection,
        redisTls: overrides.redisTls ?? stackSetting("redisTls") ?? DEFAULT_INFRASTRUCTURE_OPTIONS.redisTls,
        retainVolumes: overrides.retainVolumes ?? stackSetting("retainVolumes") ?? DEFAULT_INFRASTRUCTURE_OPTIONS.retainVolumes,
    };
}
