/**
 * A service on App Platform: checked at once (size, image, build, sensitive config), then kept for
 * the project's App, which `finish` creates with every service of the project as one of its
 * components. Its endpoints are known once the App exists.
 */
import * as pulumi from "@pulumi/pulumi";
import { ConfigValues } from "../../config-values";
import { InvalidArgumentError } from "../../../model/errors";
import { ServiceModel } from "../../../model/types";
import { ServiceDeployment } from "../../backend";
import { secretBuildArgs } from "../../common/build-arg-values";
import { buildToRegistry } from "../build/build";
import { gitSource } from "../build/git-source";
import { appImage } from "../build/image-source";
import { appInstanceSize } from "./instance-sizing";
import { MODEL_ACCESS_KEY_CONFIG } from "../models/model-access";
import { GitBuildArg, ServiceSource, DigitalOceanDeployRequest } from "../types";
import { serviceImageSource } from "../../common/image-source";

/** The compose build context when it is a git repository (the model keeps the original text in the feature's detail). */
export function remoteContext(model: ServiceModel): string | undefined {
    return model.features.find((f) => f.feature === "remote-build-context")?.detail;
}

export function deployDigitalOceanService(request: DigitalOceanDeployRequest<ServiceModel>): ServiceDeployment {
    const { name, model, parent, config } = request;
    const infra = request.infra;

    // Everything that can be refused is checked before the first resource.
    appInstanceSize(model.name, model.resources, !!model.autoscaling, model.replicas);
    if (model.llm) config.get(MODEL_ACCESS_KEY_CONFIG, model.name);
    for (const e of model.environment) {
        if (e.value.kind === "config") config.get(e.value.key, model.name);
        if (e.value.kind === "template") for (const k of e.value.keys) config.get(k, model.name);
    }
    serviceImageSource(model);
    let source: ServiceSource;
    const dependsOn = [...request.dependsOn];
    const remote = model.image ? undefined : remoteContext(model);
    if (model.image) source = { image: appImage(model.image) };
    else if (remote) source = { git: gitSource(model.name, remote, model.build!.dockerfile), buildArgs: gitBuildArgs(model, config) };
    else {
        const built = buildToRegistry({ name, build: model.build!, secretArgs: secretBuildArgs(model.build!, config, model.name), parent, infra });
        source = { image: built.image };
        dependsOn.push(...built.dependsOn);
    }

    let resolve!: (e: pulumi.Output<string[]>) => void;
    const endpoints = new Promise<pulumi.Output<string[]>>((r) => (resolve = r));
    infra.pending.push({ name, model, parent, config, dependsOn, source, resolveEndpoints: resolve });
    return { endpoints: pulumi.output(endpoints) };
}

/**
 * The build args of a git build, as App Platform takes them: build-time variables of the component
 * (SECRET when read from config). A runtime variable of the same name is one variable in the spec,
 * so it must have the same value (it then has both scopes).
 */
function gitBuildArgs(model: ServiceModel, config: ConfigValues): GitBuildArg[] {
    const build = model.build!;
    const args: GitBuildArg[] = [
        ...Object.entries(build.args).map(([name, value]) => ({ name, value, secret: false })),
        ...secretBuildArgs(build, config, model.name).map((a) => ({ name: a.name, value: a.value, secret: true })),
    ];
    for (const a of args) {
        const runtime = model.environment.find((e) => e.name === a.name);
        const same = runtime && !a.secret && runtime.value.kind === "literal" && runtime.value.value === a.value;
        if (runtime && !same) {
            throw new InvalidArgumentError(
                `service "${model.name}"`,
                `build.args.${a.name}`,
                "is also an environment variable with another value (or one read from config), and App Platform gives a git build its build args as the component's build-time variables, one value per name",
                `give the build arg and the environment variable the same literal value, or rename one of them`,
            );
        }
    }
    return args;
}
