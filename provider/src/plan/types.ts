/**
 * The shapes of an offline plan: what the embedded engine records for one cloud, the tree built
 * from it, and the cost lines. Plain data (JSON-serializable): a cloud is planned in a child
 * process and its result crosses the process boundary as JSON.
 */
import { CloudName } from "../model/types";
import { AttributeVerdict } from "../model/translation/dispositions";
import { Price } from "./prices/price";
import { Recorded } from "./properties/recorded";

/** One resource registered while the program ran under the mock engine. */
export interface RecordedResource<T = unknown> {
    /** The type token, e.g. `aws:ecs/service:Service` or `defang:index:DefangService`. */
    type: string;
    /** The logical name. */
    name: string;
    /** Whether it is a custom (cloud) resource rather than a component. */
    custom: boolean;
    /** The parent's logical name (undefined for the root). */
    parent?: string;
    /** Inputs as registered; every secret value is replaced by {@link REDACTED}. Typed as `T`, the plain input type of `type`, where known. */
    inputs: Recorded<T>;
}

/** What a secret value is shown as: a plan never prints one, not even a placeholder. */
export const REDACTED = "[secret]";

/** What the embedded engine sends back for one cloud. */
export type EngineResult =
    | { status: "planned"; cloud: CloudName; resources: RecordedResource[]; endpoints: Record<string, string[]>; elapsedMs: number }
    /** The cloud's backend is not part of this build. */
    | { status: "unavailable"; cloud: CloudName; message: string }
    /** The project uses what this cloud cannot run: every feature, with where it was written. */
    | { status: "unsupported"; cloud: CloudName; message: string; features: PlanProblem[] }
    /** The program refused the project (bad input) before or while creating resources. */
    | { status: "invalid"; cloud: CloudName; message: string }
    /** A bug: an exception nobody expected. */
    | { status: "failed"; cloud: CloudName; message: string };

export interface PlanProblem {
    service: string;
    field: string;
    message: string;
    hint: string;
    /** `file:line:column`, relative to the current directory, when known. */
    at?: string;
}

/** How a monthly figure was reached. */
export interface CostEstimate {
    /** USD per month. 0 for free resources and for those not priced. */
    monthly: number;
    /** False when no price is known for this resource type: it counts 0 and is listed as "not priced". */
    priced: boolean;
    /** The arithmetic, e.g. "2 tasks x (0.5 vCPU x $0.04048 + 1 GB x $0.004445) x 730 h". */
    basis: string;
    /** Ids of the price table entries used (see prices/), for the JSON output. */
    prices?: string[];
}

/** A native resource in the tree, with the properties that matter and its cost. */
export interface PlanResource {
    type: string;
    name: string;
    /** A short human label of the kind of resource, e.g. "ECS Fargate service". */
    kind?: string;
    /** The properties that matter (size, ports, replicas, engine and version, public or private). */
    properties: Record<string, string | number | boolean>;
    cost: CostEstimate;
}

/** One compose service (or the project's shared infrastructure) and what it gets. */
export interface PlanComponent {
    /** The compose service name; `(shared)` for the project's shared infrastructure. */
    name: string;
    /** The component type token, e.g. `defang:index:DefangPostgres`. */
    component: string;
    endpoints: string[];
    resources: PlanResource[];
    /** Things to know that are not resources (e.g. "model usage is billed per token"). */
    notes: string[];
    monthly: number;
}

/** What a cloud does with one attribute a service uses (see the translation table), with where it was written. */
export type PlanAttribute = AttributeVerdict & {
    /** `file:line:column`, relative to the current directory, for the attributes approximated or refused. */
    at?: string;
};

/** The attributes one compose service uses, and what the cloud does with each. */
export interface PlanServiceAttributes {
    service: string;
    attributes: PlanAttribute[];
}

/** The plan of one cloud. */
export interface CloudPlan {
    cloud: CloudName;
    status: EngineResult["status"];
    /** For a cloud that was not planned: why. */
    message?: string;
    problems?: PlanProblem[];
    components: PlanComponent[];
    /** The sum of every resource's monthly cost (equal to the sum of the components' totals). */
    monthly: number;
    resourceCount: number;
    notPriced: number;
    /** Pricing assumptions of this cloud (region, hours, request volume, ...). */
    assumptions: string[];
    elapsedMs?: number;
    /** Per compose service, each attribute it uses: mapped (to what), approximated (the warning) or refused (why). */
    attributes?: PlanServiceAttributes[];
}

/** The whole plan, as `--format json` prints it. */
export interface PlanReport {
    /** Always "offline": a plan of what a fresh stack would get, not a diff against a live stack. */
    kind: "offline";
    project: string;
    files: string[];
    currency: "USD";
    warnings: string[];
    clouds: CloudPlan[];
    /** Every price used, by id: amount, unit, source page, date read, and whether it is an estimate. */
    prices: Record<string, Price>;
}
