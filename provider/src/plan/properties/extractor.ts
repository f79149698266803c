/**
 * How a resource type's properties that matter are read, and its human label.
 */
import { Plain, Recorded } from "./recorded";

export interface PropertyExtractor<T = unknown> {
    /** e.g. "ECS Fargate service". */
    kind: string;
    read(inputs: Recorded<T>): Record<string, string | number | boolean>;
}

/**
 * Extractors by type token, each reading the inputs of its type in `M` (token -> SDK input type):
 * a token not in `M` or a path not in its type fails the build. Written `{ ... } satisfies PropertyTable<M>`.
 */
export type PropertyTable<M> = { readonly [K in keyof M]?: PropertyExtractor<Plain<M[K]>> };
