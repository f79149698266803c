/**
 * Typed reads of recorded inputs. A resource's inputs reach the plan as plain JSON; `Recorded<T>`
 * marks them with the plain form of the SDK input type `T` of their type token (see each cloud's
 * `clouds/<x>/resource-inputs.ts`), and `Checked<T, P>` checks a dot path `P` against `T` step by
 * step, so that a misspelt path fails the build and the error lists the fields that exist there.
 *
 * A path is checked by walking it (cost: its length), not by listing every path of `T` (cost: the
 * size of the SDK type, thousands of paths for a Cloud Run service); the compiler stays fast.
 */
import type { Unwrap } from "@pulumi/pulumi";

declare const RECORDED_AS: unique symbol;

/**
 * The recorded inputs of a resource whose plain input type is `T`: plain JSON, read defensively.
 * The mark exists only for the compiler: plain inputs become `Recorded<unknown>` where the engine
 * records them, and a type of its own only where their type token is known (see `awsInputs`).
 */
export type Recorded<T> = Record<string, unknown> & { readonly [RECORDED_AS]: T };

/** Inputs as the engine recorded them, of a type not known yet. */
export function recorded(inputs: Record<string, unknown>): Recorded<unknown> {
    return inputs as Recorded<unknown>;
}

/** The plain form of an SDK input type: no `Input`, `Output` or `Promise` at any depth. */
export type Plain<T> = Unwrap<T>;

/** The recorded inputs of each type token of a map from token to SDK input type. */
export type RecordedByType<M> = { [K in keyof M]: Recorded<Plain<M[K]>> };

type Leaf = string | number | boolean | bigint | symbol | null | undefined;

/** The value one step `K` below `T` (a field, a map key, or an index of a list), or never. */
type Step<T, K extends string> = T extends Leaf ? never : T extends readonly (infer E)[] ? (K extends `${number}` ? NonNullable<E> : never) : K extends keyof T ? NonNullable<T[K]> : never;

/** The steps that exist below `T`, for the error of a wrong one. */
type Keys<T> = T extends Leaf ? never : T extends readonly unknown[] ? `${number}` : keyof T & string;

/** `P` when it is a path of `T`; else the paths that would be right at its first wrong step (what the compiler prints). */
export type Checked<T, P extends string, Prefix extends string = ""> = P extends `${infer K}.${infer R}`
    ? [Step<T, K>] extends [never]
        ? `${Prefix}${Keys<T>}`
        : Checked<Step<T, K>, R, `${Prefix}${K}.`>
    : [Step<T, P>] extends [never]
      ? `${Prefix}${Keys<T>}`
      : `${Prefix}${P}`;

/** The type of the value at path `P` of `T`. */
export type ValueAt<T, P extends string> = P extends `${infer K}.${infer R}` ? ValueAt<Step<T, K>, R> : Step<T, P>;

/** The items of a list type (a single value stands for a one-item list). */
export type ItemOf<V> = V extends readonly (infer E)[] ? NonNullable<E> : V;
