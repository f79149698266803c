/**
 * DigitalOcean list prices, in USD a month (DigitalOcean prices are the same in every region; the
 * plan assumes nyc). App Platform bills by the second and databases by the hour, up to the
 * monthly price.
 */
import { BUILD_JOB_SIZE } from "../../clouds/digitalocean/build/build-job-spec";
import { HOURS_PER_MONTH, PRICES_READ, Price, lookupPrice, priceTable } from "./price";

const APPS = "https://www.digitalocean.com/pricing/app-platform";
const DBS = "https://www.digitalocean.com/pricing/managed-databases";
const read = PRICES_READ;

export const DO_REGION_ASSUMED = "nyc";

/** App Platform container sizes, by `instanceSizeSlug`. */
const APP_SIZES = [
    ["apps-s-1vcpu-0.5gb", 5],
    ["apps-s-1vcpu-1gb-fixed", 10],
    ["apps-s-1vcpu-1gb", 12],
    ["apps-s-1vcpu-2gb", 25],
    ["apps-s-2vcpu-4gb", 50],
    ["apps-d-1vcpu-0.5gb", 29],
    ["apps-d-1vcpu-1gb", 34],
    ["apps-d-1vcpu-2gb", 39],
    ["apps-d-1vcpu-4gb", 49],
    ["apps-d-2vcpu-4gb", 78],
    ["apps-d-2vcpu-8gb", 98],
    ["apps-d-4vcpu-8gb", 156],
    ["apps-d-4vcpu-16gb", 196],
    ["apps-d-8vcpu-32gb", 392],
    // Legacy slugs, still accepted.
    ["basic-xxs", 5],
    ["basic-xs", 10],
    ["basic-s", 20],
    ["basic-m", 40],
    ["professional-xs", 12],
    ["professional-s", 25],
    ["professional-m", 50],
    ["professional-1l", 75],
    ["professional-l", 150],
    ["professional-xl", 300],
] as const satisfies ReadonlyArray<readonly [string, number]>;

/** Managed database node sizes, by `size` (PostgreSQL, MySQL, Valkey/Redis, MongoDB: same price per node). */
const DB_SIZES = [
    ["db-s-1vcpu-1gb", 15],
    ["db-s-1vcpu-2gb", 30],
    ["db-s-2vcpu-4gb", 60],
    ["db-s-4vcpu-8gb", 120],
    ["db-s-6vcpu-16gb", 240],
    ["db-s-8vcpu-32gb", 480],
    ["db-s-16vcpu-64gb", 960],
] as const satisfies ReadonlyArray<readonly [string, number]>;

export const DO_PRICES = priceTable([
    ...APP_SIZES.map(([slug, usd]): Price<`do.app.${(typeof APP_SIZES)[number][0]}`> => ({
        id: `do.app.${slug}`,
        usd,
        unit: "container-month",
        source: APPS,
        read,
        estimate: true,
        note: "recalled list price of the App Platform pricing page, not re-confirmed",
    })),
    ...DB_SIZES.map(([slug, usd]): Price<`do.db.${(typeof DB_SIZES)[number][0]}`> => ({
        id: `do.db.${slug}`,
        usd,
        unit: "node-month",
        source: DBS,
        read,
        estimate: slug !== "db-s-1vcpu-1gb",
        note: slug === "db-s-1vcpu-1gb" ? "the smallest node, $15 a month" : "recalled list price; the family doubles per size",
    })),
    { id: "do.app.dedicated-egress-ip", usd: 25, unit: "app-month", source: APPS, read, estimate: true },
    { id: "do.db.storage-gb-month", usd: 0.21, unit: "GiB-month beyond the plan's", source: DBS, read, estimate: true },
    { id: "do.registry.starter", usd: 0, unit: "month", source: "https://www.digitalocean.com/pricing/container-registry", read, note: "1 repository, 500 MiB" },
    { id: "do.registry.basic", usd: 5, unit: "month", source: "https://www.digitalocean.com/pricing/container-registry", read, estimate: true },
    { id: "do.registry.professional", usd: 20, unit: "month", source: "https://www.digitalocean.com/pricing/container-registry", read, estimate: true },
    {
        id: "do.app.build-job-minute",
        usd: (APP_SIZES.find(([slug]) => slug === BUILD_JOB_SIZE)?.[1] ?? 0) / (HOURS_PER_MONTH * 60),
        unit: "build-minute",
        source: APPS,
        read,
        estimate: true,
        note: `the remote builder's job (${BUILD_JOB_SIZE}) by the minute it runs, prorated from its monthly price`,
    },
    {
        id: "do.spaces.subscription",
        usd: 5,
        unit: "month",
        source: "https://www.digitalocean.com/pricing/spaces-object-storage",
        read,
        note: "one subscription per account (250 GiB, 1 TiB out), whatever the number of buckets: nothing more when the account has Spaces already",
    },
    { id: "do.lb.node", usd: 12, unit: "node-month", source: "https://www.digitalocean.com/pricing/load-balancer", read, estimate: true },
]);

/** The monthly price of an App Platform size, or undefined when the slug is unknown. */
export function appSizePrice(slug: string): Price | undefined {
    return lookupPrice(DO_PRICES, `do.app.${slug}`);
}

/** The monthly price of one managed database node, or undefined when the size is unknown. */
export function databaseNodePrice(size: string): Price | undefined {
    return lookupPrice(DO_PRICES, `do.db.${size}`);
}

/** What a month of use assumes where DigitalOcean bills by use. */
export const DO_USAGE = {
    /** Build minutes a month per service built from a local context by the remote builder. */
    buildMinutes: 60,
};
