/**
 * Every price of every cloud, by id.
 */
import { AWS_PRICES } from "./aws";
import { DO_PRICES } from "./digitalocean";
import { GCP_PRICES } from "./gcp";
import { Price } from "./price";

export const ALL_PRICES: Readonly<Record<string, Price>> = { ...AWS_PRICES, ...GCP_PRICES, ...DO_PRICES };

/** The prices a set of ids names, by id (unknown ids are left out). */
export function pricesUsed(ids: Iterable<string>): Record<string, Price> {
    const out: Record<string, Price> = {};
    for (const id of [...new Set(ids)].sort()) if (ALL_PRICES[id]) out[id] = ALL_PRICES[id];
    return out;
}
