/**
 * Where a service's image comes from, the same for every cloud: the image it names, else the one
 * its build makes. The model already refuses a service with neither (feature `no-image`, in the
 * verdict, before any cloud is asked); this is the backends' last guard, written once.
 */
import { BuildModel, ServiceModel } from "../../model/types";

/** A service's image source: a named image (which wins over a build, as in `docker compose`), or a build. */
export type ImageSource = { kind: "image"; image: string } | { kind: "build"; build: BuildModel };

/** The image source of `model`; throws, naming the service, when it has neither an image nor a build. */
export function serviceImageSource(model: Pick<ServiceModel, "name" | "image" | "build">): ImageSource {
    if (model.image) return { kind: "image", image: model.image };
    if (model.build) return { kind: "build", build: model.build };
    throw new Error(`service ${model.name} has neither an image nor a build`);
}
