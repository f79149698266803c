/**
 * Arguments a program may compute: outputs of other resources (or promises) in the image, the
 * command, the domain name, the build arguments, and the replica count and sizes of `deploy`.
 * A component decides from their values (a database's version, an instance's size, whether the
 * image comes from a registry the cloud can pull from), so it resolves them before it decides:
 *
 * - a known value is used as if it had been written in the program, and every check applies;
 * - a secret is refused by name: these settings are stored in plain text by every cloud (only
 *   environment values go to the cloud's secret store);
 * - a value not known yet (a preview, while the resource it comes from does not exist) leaves the
 *   component without children in that preview; the update, where the value is known, creates them.
 *
 * Environment values are not here: they reach the cloud's secret store as outputs, unresolved.
 */
import * as pulumi from "@pulumi/pulumi";
import { InvalidArgumentError } from "../model/errors";
import { outputIsKnown, outputIsSecret, outputValue } from "../util/output-state";

/** Where computed arguments may be, as paths in the arguments (the same for every component that has the field). */
export const COMPUTED_ARGUMENTS: ReadonlyArray<readonly string[]> = [
    ["image"],
    ["command"],
    ["domainname"],
    ["build", "args"],
    ["deploy", "replicas"],
    ...(["reservations", "limits"] as const).flatMap((kind) => (["cpu", "cpus", "memory"] as const).map((field) => ["deploy", "resources", kind, field])),
];

/**
 * The arguments with their computed values resolved, and the resources those values came from
 * (which the component's resources then depend on); or the fields whose values are not known yet.
 */
export type ResolvedArgs<A> = { known: true; args: A; dependsOn: pulumi.Resource[] } | { known: false; unknown: string[] };

/** Whether `args` hold an output or a promise where a program may compute a value. */
export function hasComputedArgs(args: unknown): boolean {
    return COMPUTED_ARGUMENTS.some((p) => holdsComputed(at(args, p)));
}

/** `args` with every computed value resolved (see the file's comment); refuses a secret with an `InvalidArgumentError`. */
export async function resolveComputedArgs<A>(args: A, title: string): Promise<ResolvedArgs<A>> {
    const resolved = structuredCopy(args);
    const unknown: string[] = [];
    const dependsOn = new Set<pulumi.Resource>();
    for (const p of COMPUTED_ARGUMENTS) {
        const value = at(args, p);
        if (!holdsComputed(value)) continue;
        const output = pulumi.output(value) as pulumi.Output<unknown>;
        const field = p.join(".");
        if (!(await outputIsKnown(output))) {
            unknown.push(field);
            continue;
        }
        if (await outputIsSecret(output)) {
            throw new InvalidArgumentError(
                title,
                field,
                "is a secret, but the cloud stores it in plain text",
                "pass sensitive values as environment entries (a value, or none to read stack config), which go to the cloud's secret store",
            );
        }
        setAt(resolved, p, await outputValue(output));
        for (const r of await pulumi.getAllResources(output)) dependsOn.add(r);
    }
    return unknown.length > 0 ? { known: false, unknown } : { known: true, args: resolved, dependsOn: [...dependsOn] };
}

/** Whether `v` is, or holds at any depth, an output or a promise. */
function holdsComputed(v: unknown): boolean {
    if (pulumi.Output.isInstance(v) || v instanceof Promise || pulumi.isUnknown(v)) return true;
    if (Array.isArray(v)) return v.some(holdsComputed);
    if (v && typeof v === "object") return Object.values(v).some(holdsComputed);
    return false;
}

function at(v: unknown, p: readonly string[]): unknown {
    let here = v;
    for (const k of p) {
        if (!here || typeof here !== "object" || pulumi.Output.isInstance(here) || !Object.prototype.hasOwnProperty.call(here, k)) return undefined;
        here = (here as Record<string, unknown>)[k];
    }
    return here;
}

/** A copy of the objects along the computed paths (other values are shared), so that setting a path leaves the caller's arguments alone. */
function structuredCopy<A>(args: A): A {
    const copy = (v: unknown, depth: number): unknown =>
        depth > 0 && v && typeof v === "object" && !Array.isArray(v) && !pulumi.Output.isInstance(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x, depth - 1)])) : v;
    return copy(args, Math.max(...COMPUTED_ARGUMENTS.map((p) => p.length))) as A;
}

function setAt(v: unknown, p: readonly string[], value: unknown): void {
    const last = p.at(-1);
    if (last === undefined) return;
    let here = v as Record<string, unknown>;
    for (const k of p.slice(0, -1)) here = here[k] as Record<string, unknown>;
    here[last] = value;
}
