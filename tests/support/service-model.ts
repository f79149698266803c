/**
 * A service model for the backends' unit tests: the fewest fields a valid `ServiceModel` has (no
 * ports, no environment, one replica on x86-64, an `nginx` image), with `extra` written over them.
 */
import { ServiceModel } from "../../provider/src/model/types";

export function serviceModel(extra: Partial<ServiceModel> = {}): ServiceModel {
    return {
        kind: "service",
        name: "web",
        aliases: [],
        ports: [],
        resources: {},
        dependsOn: [],
        features: [],
        environment: [],
        replicas: 1,
        architecture: "x86_64",
        image: "nginx:1.27",
        ...extra,
    };
}
