/**
 * What every cloud's cost table is made of: a function per resource type from the recorded inputs
 * to a monthly estimate, and the helpers to write one.
 */
import { Price } from "../prices/price";
import { Plain } from "../properties/recorded";
import { CostEstimate, RecordedResource } from "../types";

export interface CostContext {
    /** Every resource of the plan, by logical name. */
    byName: ReadonlyMap<string, RecordedResource>;
    /** The resources of the same component (service) as the one priced. */
    siblings: readonly RecordedResource[];
}

/** The monthly cost of a resource whose inputs are of plain type `T`. */
export type CostFunction<T = unknown> = (resource: RecordedResource<T>, context: CostContext) => CostEstimate;

/**
 * Cost functions by type token, each reading the inputs of its type in `M` (token -> SDK input
 * type): a token not in `M` or a path not in its type fails the build. Written `{ ... } satisfies CostTable<M>`.
 */
export type CostTable<M> = { readonly [K in keyof M]?: CostFunction<Plain<M[K]>> };

/** "$0.04048" for prices, "$12.34" for totals. */
export function dollars(n: number, digits = 2): string {
    return `$${n.toFixed(digits)}`;
}

/** A price as written in a basis: "$0.04048/vCPU-hour". */
export function rate(p: Price): string {
    return `${amount(p.usd)}/${p.unit}`;
}

/** "$0.016", "$0.04048", "$0.0000025", "$12.00": every significant digit, at least cents. */
export function amount(usd: number): string {
    if (usd === 0 || usd >= 1) return dollars(usd);
    const text = usd.toFixed(10).replace(/0+$/, "");
    const decimals = Math.max(2, text.length - text.indexOf(".") - 1);
    return dollars(usd, decimals);
}

/** Rounds to cents, so that totals add up exactly to what is printed. */
export function cents(n: number): number {
    return Math.round(n * 100) / 100;
}

export function priced(monthly: number, basis: string, prices: Price[]): CostEstimate {
    return { monthly: cents(monthly), priced: true, basis, prices: prices.map((p) => p.id) };
}

/** A resource that costs nothing by itself. */
export function free(basis = "no charge"): CostEstimate {
    return { monthly: 0, priced: true, basis };
}

/** A resource with no price in the tables: counted as 0 and reported as not priced. */
export function notPriced(basis = "not priced"): CostEstimate {
    return { monthly: 0, priced: false, basis };
}

/** A table of types that cost nothing by themselves, as cost functions. */
export function freeTypes(types: readonly string[], basis = "no charge"): Record<string, CostFunction> {
    return Object.fromEntries(types.map((t) => [t, () => free(basis)]));
}

/**
 * The cost functions of a fixed quantity of one price of `table`: `perUnit(id, 2, "secrets")`
 * prices any resource of its type as two units of that price. The id is checked against the table.
 */
export function perUnitOf<K extends string>(table: Readonly<Record<K, Price>>): (id: K, quantity: number, what: string) => CostFunction {
    return (id, quantity, what) => () => {
        const p = table[id];
        return priced(quantity * p.usd, `${quantity} ${what} x ${rate(p)}`, [p]);
    };
}
