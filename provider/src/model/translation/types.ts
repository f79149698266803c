/**
 * The shapes of the translation table: what each compose attribute means on each cloud. One
 * declared disposition per attribute and cloud: mapped (to a native setting), approximated (with
 * the warning it prints), or refused (by a feature id whose message and fix are in `features.ts`).
 */
import { CloudName } from "../types";
import { FeatureId } from "./features";

export type { FeatureEntry } from "./feature-entry";

/** The attribute has a native equivalent: `to` names it, e.g. "ECS task definition `cpu`". */
export interface Mapped {
    kind: "mapped";
    to: string;
}

/** The attribute's effect differs in the cloud: `warning` is printed once per service and attribute. */
export interface Approximated {
    kind: "approximated";
    warning: string;
}

/** The app would break: the deployment is refused with the feature's message and fix. */
export interface Refused {
    kind: "refused";
    feature: FeatureId;
}

export type Disposition = Mapped | Approximated | Refused;

/** One disposition per cloud. */
export type PerCloud = Record<CloudName, Disposition>;

/**
 * One attribute of a compose service (path relative to the service: `deploy.resources.limits.cpus`,
 * `ports[].protocol`, `ulimits.*.soft`) or of the project (path from the top: `networks.*.driver`).
 * `[]` stands for any list item, `*` for any name chosen by the user.
 */
export interface AttributeEntry {
    path: string;
    /** Why the dispositions are what they are (the Compose spec's meaning against the cloud's). */
    why: string;
    dispositions: PerCloud;
    /** The entry also stands for every attribute below it (the schema walk accepts them). */
    coversChildren?: true;
    /**
     * Value-dependent decisions, by feature id (e.g. `udp-port` under `ports`): a value that uses
     * one of them is refused (or warned about) as the feature says, over this entry's disposition.
     */
    features?: readonly FeatureId[];
}

/** Declares an attribute mapped to `to`. */
export const mapped = (to: string): Mapped => ({ kind: "mapped", to });
/** Declares an attribute approximated, printing `warning`. */
export const approximated = (warning: string): Approximated => ({ kind: "approximated", warning });
/** Declares an attribute refused as feature `feature`. */
export const refused = (feature: FeatureId): Refused => ({ kind: "refused", feature });
/** The same disposition on every cloud. */
export const everywhere = (d: Disposition): PerCloud => ({ aws: d, gcp: d, digitalocean: d });
/** The dispositions of one attribute, the cloud-neutral fields first. */
export function entry(path: string, why: string, dispositions: PerCloud, more: Pick<AttributeEntry, "coversChildren" | "features"> = {}): AttributeEntry {
    return { path, why, dispositions, ...more };
}
