/**
 * One published list price, with where it comes from. Every figure of the cost estimate is one
 * of these: its source page, the date it was read, and what it assumes. A figure marked
 * `estimate` could not be confirmed from a published page when it was recorded; its note says how
 * it was reached.
 */
export interface Price {
    /** A stable id, e.g. `aws.fargate.vcpu-hour`. */
    id: string;
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

/** A table of prices by id, checked to hold each id once. */
export function priceTable(prices: Price[]): Record<string, Price> {
    const out: Record<string, Price> = {};
    for (const p of prices) {
        if (out[p.id]) throw new Error(`duplicate price id ${p.id}`);
        out[p.id] = p;
    }
    return out;
}
