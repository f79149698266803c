/**
 * How many copies of a one-off job run at once on ECS: a pure table, read by the preflight without
 * loading the AWS SDK.
 */
import { UnsupportedFeaturesError } from "../../../model/errors";
import { ServiceModel } from "../../../model/types";
import { instancesAtLeastOne } from "../../../model/replicas";

/** The most tasks one `RunTask` call starts. */
export const MAX_JOB_TASKS = 10;

/** The copies of a job run at once (`deploy.replicas`), refused past what ECS starts in one call. */
export function jobTaskCount(model: Pick<ServiceModel, "name" | "replicas">): number {
    const count = instancesAtLeastOne(model);
    if (count > MAX_JOB_TASKS) {
        throw new UnsupportedFeaturesError("aws", [
            {
                service: model.name,
                field: "deploy.replicas",
                message: `a one-off job runs at most ${MAX_JOB_TASKS} copies at once on ECS (asked for ${count})`,
                hint: `ask for at most ${MAX_JOB_TASKS} replicas, or split the work between jobs`,
            },
        ]);
    }
    return count;
}
