/**
 * Every price of every cloud, by id.
 */
import { AWS_PRICES } from "./aws";
import { DO_PRICES } from "./digitalocean";
import { GCP_PRICES } from "./gcp";
import { Price, lookupPrice } from "./price";

export const ALL_PRICES = { ...AWS_PRICES, ...GCP_PRICES, ...DO_PRICES };

/** The id of a price of any cloud. */
export type PriceId = keyof typeof ALL_PRICES;

/** The prices a set of ids names, by id (unknown ids are left out). */
export function pricesUsed(ids: Iterable<string>): Record<string, Price> {
    const out: Record<string, Price> = {};
    for (const id of [...new Set(ids)].sort()) {
        const p = lookupPrice(ALL_PRICES, id);
        if (p) out[id] = p;
    }
    return out;
}
