/**
 * The Google Cloud project infrastructure for testing one part of the backend on its own (a
 * service, a database) under mocks: the real `createGcpInfrastructure`, owned by a test component,
 * with the needs a test gives.
 */
import * as pulumi from "@pulumi/pulumi";
import { InfrastructureNeeds, InfrastructureOptions } from "../../provider/src/clouds/backend";
import { infrastructureOptions } from "../../provider/src/components/infrastructure-options";
import { createGcpInfrastructure } from "../../provider/src/clouds/gcp/infrastructure";
import { GcpInfrastructure } from "../../provider/src/clouds/gcp/types";

export class FakeInfraComponent extends pulumi.ComponentResource {
    constructor(name: string) {
        super("test:index:FakeInfrastructure", name, {}, {});
        this.registerOutputs({});
    }
}

/** A component that stands for a Defang component (services and databases are parented to it). */
export class TestComponent extends pulumi.ComponentResource {
    constructor(name: string, opts: pulumi.ComponentResourceOptions = {}) {
        super("test:index:Component", name, {}, opts);
    }
}

export const GCP_TEST_CONFIG = { "gcp:project": "my-project", "gcp:region": "europe-west1" };

export function gcpTestInfrastructure(needs: Partial<InfrastructureNeeds> = {}, options: Partial<InfrastructureOptions> = {}, projectName = "shop"): GcpInfrastructure {
    const owner = new FakeInfraComponent("infra");
    return createGcpInfrastructure({ name: "infra", projectName, needs: { ingress: false, domains: [], builds: false, ...needs }, options: { ...infrastructureOptions(), ...options }, parent: owner });
}
