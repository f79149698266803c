/**
 * How a resource type's properties that matter are read, and its human label.
 */
export interface PropertyExtractor {
    /** e.g. "ECS Fargate service". */
    kind: string;
    read(inputs: Record<string, unknown>): Record<string, string | number | boolean>;
}
