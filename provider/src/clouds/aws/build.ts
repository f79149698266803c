/**
 * Build from source on AWS (placeholder signature; the implementation replaces this file).
 */
import * as pulumi from "@pulumi/pulumi";
import { BuildModel } from "../../model/types";
import { AwsInfrastructure } from "./types";

export interface BuildRequest {
    /** The service component's name: children are `${name}-<role>`. */
    name: string;
    build: BuildModel;
    architecture: "x86_64" | "arm64";
    parent: pulumi.ComponentResource;
    infra: AwsInfrastructure;
}

export interface BuiltImage {
    /** `<registry>/<repo>:<content tag>`, known once the build has succeeded. */
    imageUri: pulumi.Output<string>;
    /** Resources the task definition must wait for. */
    dependsOn: pulumi.Resource[];
}

export function buildImage(request: BuildRequest): BuiltImage {
    throw new Error(`build from source is not implemented yet (service ${request.name})`);
}
