/**
 * The dynamic provider of a resource that runs a cloud operation during `pulumi up` (a build, a
 * one-off task) and waits for it: `create` runs it; `diff` replaces the resource (runs it again)
 * only when an input that the run depends on changes; `update` takes the other inputs and keeps
 * what the run produced; `delete` undoes nothing (what was built or done stays).
 *
 * Each cloud's runner gives only its operation and its inputs. The provider's functions are
 * serialized into the stack: this file imports nothing at run time.
 */
import type * as pulumi from "@pulumi/pulumi";

/** The arguments of a run resource: its inputs, each one (and each item of a list) an Input, known at deployment. */
export type RunResourceArgs<I extends object> = { [K in keyof I]: I[K] extends readonly (infer E)[] ? pulumi.Input<pulumi.Input<E>[]> : pulumi.Input<I[K]> };

/** What a run produced, and the resource's id. */
export interface RunResult<R> {
    id: string;
    /** Added to the resource's outputs, and kept by updates. */
    result: R;
}

/** One cloud's run resource. */
export interface RunResourceSpec<I extends object, R extends object> {
    /** Runs the operation and waits for it; throws (naming what failed and where its logs are) when it fails. */
    run(inputs: I): Promise<RunResult<R>>;
    /** The inputs whose change means a new run. */
    rerunOn: readonly (keyof I & string)[];
    /** The inputs whose change updates the resource in place, keeping the run; a change of any other input is no change. @default [] */
    updateOn?: readonly (keyof I & string)[];
    /** What an update keeps of the previous outputs: the run's result. */
    kept(olds: I & R): R;
}

/** The inputs of `keys` that differ between `olds` and `news`. */
export function changedInputs<I extends object>(keys: readonly (keyof I & string)[], olds: I, news: I): (keyof I & string)[] {
    return keys.filter((k) => olds[k] !== news[k]);
}

/** The provider of `spec`'s run resource. */
export function runResourceProvider<I extends object, R extends object>(spec: RunResourceSpec<I, R>): pulumi.dynamic.ResourceProvider<I, I & R> {
    return {
        async create(inputs) {
            const { id, result } = await spec.run(inputs);
            return { id, outs: { ...inputs, ...result } };
        },
        async diff(_id, olds, news) {
            const replaces = changedInputs(spec.rerunOn, olds, news);
            const updates = changedInputs(spec.updateOn ?? [], olds, news);
            return { changes: replaces.length > 0 || updates.length > 0, replaces, deleteBeforeReplace: false };
        },
        async update(_id, olds, news) {
            return { outs: { ...news, ...spec.kept(olds) } };
        },
        async delete() {
            // What the run built or did stays: an image until its repository's cleanup, a job's effects for good.
        },
    };
}
