/**
 * Names people read in a plan: clouds, component kinds, money.
 */
import { cloudTitle } from "../model/errors";
import { CloudName } from "../model/types";

export { cloudTitle };

/** "DefangService" from "defang:index:DefangService". */
export function componentLabel(type: string): string {
    return type.split(":").pop() ?? type;
}

/** "$12.34". */
export function money(n: number): string {
    return `$${n.toFixed(2)}`;
}

export const CLOUD_ORDER: CloudName[] = ["aws", "gcp", "digitalocean"];
