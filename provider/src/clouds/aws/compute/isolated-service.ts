/**
 * What a service only on compose `internal: true` networks can run on AWS (see `isolated-network.ts`):
 * its tasks reach ECR, S3, CloudWatch Logs and SSM through VPC endpoints and nothing on the
 * internet, so an image from another registry could not be pulled, and Bedrock could not be called.
 */
import { UnsupportedFeature } from "../../../model/errors";
import { ServiceModel } from "../../../model/types";

/** An image in an ECR private registry (`<account>.dkr.ecr.<region>.amazonaws.com/...`), which the endpoints reach. */
const ECR_IMAGE = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;

/** The refusals of an isolated service on AWS: an image it could not pull, model access it could not reach. */
export function isolatedServiceProblems(model: ServiceModel): UnsupportedFeature[] {
    if (!model.internalNetworks) return [];
    const networks = model.internalNetworks.join(", ");
    const out: UnsupportedFeature[] = [];
    if (model.image && !ECR_IMAGE.test(model.image)) {
        out.push({
            service: model.name,
            field: "image",
            message: `${model.image} cannot be pulled: the service is only on internal networks (${networks}), so its tasks reach Amazon ECR and no other registry`,
            hint: "build the image from source with `build` (it is pushed to the project's ECR repository), push it to ECR and name it there, or attach the service to a network that is not internal",
        });
    }
    if (model.llm) {
        out.push({
            service: model.name,
            field: "x-defang-llm",
            message: `Bedrock cannot be reached: the service is only on internal networks (${networks}) and has no internet access`,
            hint: "attach the service to a network that is not internal, or call the model from another service",
        });
    }
    return out;
}
