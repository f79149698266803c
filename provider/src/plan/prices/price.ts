/**
 * One published list price, with where it comes from. Every figure of the cost estimate is one
 * of these: its source page, the date it was read, and what it assumes. A figure marked
 * `estimate` could not be confirmed from a published page when it was recorded; its note says how
 * it was reached.
 */
export interface Price<Id extends string = string> {
    /** A stable id, e.g. `aws.fargate.vcpu-hour`. */
    id: Id;
    /** USD per `unit`. */
    usd: number;
    /** e.g. "vCPU-hour", "GB-month", "node-hour", "month". */
    unit: string;
    /** The page that publishes the price. */
    source: string;
    /** When the figure was read (YYYY-MM-DD). */
    read: string;
    /** True when the figure is an estimate rather than a confirmed list price. */
    estimate?: boolean;
    note?: string;
}

/** Hours in the month every estimate assumes (365 x 24 / 12 = 730). */
export const HOURS_PER_MONTH = 730;

/** Seconds in that month. */
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

/**
 * Minutes a one-off job runs in a month: it runs only at the deployments that change it (e.g. 10
 * such deployments of 5 minutes each), and costs nothing in between.
 */
export const JOB_MINUTES_PER_MONTH = 50;

/** The date the tables were last read. */
export const PRICES_READ = "2026-11-22";

/** A table of prices keyed by their literal ids: a misspelt id fails the build. */
export type PriceTable<Id extends string> = { readonly [K in Id]: Price };

/**
 * A table of prices by id, checked to hold each id once. The ids are kept as literal types (an entry
 * whose id is a plain `string` makes the whole table untyped, which `tests/cli/price-ids.test.ts` catches).
 */
export function priceTable<const T extends readonly Price[]>(prices: T): PriceTable<T[number]["id"]> {
    const out: Record<string, Price> = {};
    for (const p of prices) {
        if (out[p.id]) throw new Error(`duplicate price id ${p.id}`);
        out[p.id] = p;
    }
    return out as PriceTable<T[number]["id"]>;
}

/** The price `id` of `table`, for an id made of a value read at run time (an instance class, a size); undefined when the table has none. */
export function lookupPrice(table: Readonly<Record<string, Price | undefined>>, id: string): Price | undefined {
    return Object.prototype.hasOwnProperty.call(table, id) ? table[id] : undefined;
}
