/**
 * The monthly cost of any recorded resource: by its cloud's table; a type in no table is not priced.
 */
import { CloudName } from "../../model/types";
import { AWS_ASSUMPTIONS, AWS_COSTS } from "./aws";
import { DO_ASSUMPTIONS, DO_COSTS } from "./digitalocean";
import { CostContext, CostFunction, notPriced } from "./estimate";
import { GCP_ASSUMPTIONS, GCP_COSTS } from "./gcp";
import { CostEstimate, RecordedResource } from "../types";

/** Each cloud's cost functions by type token; each function reads the inputs of its own type. */
const TABLES: Record<CloudName, Readonly<Record<string, unknown>>> = { aws: AWS_COSTS, gcp: GCP_COSTS, digitalocean: DO_COSTS };

/** The cost function of `type` on `cloud`: the resource's type token selects it, so it reads inputs of its own type. */
function costFunctionOf(cloud: CloudName, type: string): CostFunction | undefined {
    const table = TABLES[cloud];
    return Object.prototype.hasOwnProperty.call(table, type) ? (table[type] as CostFunction) : undefined;
}

export const ASSUMPTIONS: Record<CloudName, string[]> = { aws: AWS_ASSUMPTIONS, gcp: GCP_ASSUMPTIONS, digitalocean: DO_ASSUMPTIONS };

/** The estimate of `resource` on `cloud`; "not priced" (0) when its type is in no table. */
export function costOf(cloud: CloudName, resource: RecordedResource, context: CostContext): CostEstimate {
    const fn = costFunctionOf(cloud, resource.type);
    return fn ? fn(resource, context) : notPriced();
}

/** Whether `type` has an entry (priced or known free) in the table of `cloud`. */
export function isPricedType(cloud: CloudName, type: string): boolean {
    return Object.prototype.hasOwnProperty.call(TABLES[cloud], type);
}
