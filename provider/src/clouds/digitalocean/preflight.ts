/**
 * What DigitalOcean refuses of a project, found from the backend's own tables before anything is
 * created: App Platform instance sizes, managed database sizes and versions; and the model access
 * key that services with managed model access read from the stack's config.
 */
import { UnsupportedFeature } from "../../model/errors";
import { ComponentModel } from "../../model/types";
import { CloudPreflight, collectProblems, ComponentCheck, PreflightSettings } from "../preflight";
import { localBuildRefusals, remoteBuilderRefusals } from "./build/builder-option";
import { databaseSize } from "./data/datastore-sizing";
import { mongoNodeCount, mongoVersion, postgresVersion, valkeyVersion } from "./data/engine-versions";
import { appInstanceSize } from "./compute/instance-sizing";
import { modelAccessConfigUses } from "./models/model-access";

/** Pure: loads no SDK. */
export const digitalOceanPreflight: CloudPreflight = { cloud: "digitalocean", refusals: digitalOceanRefusals, configUses: modelAccessConfigUses };

function digitalOceanRefusals(components: ComponentModel[], settings: PreflightSettings = {}): UnsupportedFeature[] {
    const checks: ComponentCheck[] = [];
    for (const c of components) {
        switch (c.kind) {
            case "service":
                checks.push([c.name, () => appInstanceSize(c.name, c.resources, !!c.autoscaling, c.replicas)]);
                break;
            case "postgres":
                checks.push([c.name, () => postgresVersion(c.name, c.version)], [c.name, () => databaseSize(c.name, c.resources)]);
                break;
            case "mongo":
                checks.push([c.name, () => mongoVersion(c.name, c.version)], [c.name, () => mongoNodeCount(c.name, c.replicas)], [c.name, () => databaseSize(c.name, c.resources)]);
                break;
            case "redis":
                checks.push([c.name, () => valkeyVersion(c.name, c.engine, c.version)], [c.name, () => databaseSize(c.name, c.resources)]);
                break;
        }
    }
    return [...collectProblems(checks), ...localBuildRefusals(components, settings.localDockerBuilds === true), ...remoteBuilderRefusals(components, settings.doRemoteBuilderMissing ?? [])];
}
