/**
 * What Google Cloud refuses of a project, found from the backend's own tables before anything is
 * created: Cloud Run sizes and GPUs, Cloud SQL and Memorystore versions, Firestore database names, and the stack's `gcp:project`.
 */
import { UnsupportedFeature } from "../../model/errors";
import { ComponentModel } from "../../model/types";
import { CloudPreflight, collectProblems, ComponentCheck, PreflightSettings } from "../preflight";
import { cloudRunInstance } from "./compute/cloud-run-gpu";
import { checkFirestoreMongoVersion, firestoreDatabaseId } from "./data/firestore-names";
import { cloudSqlPostgresVersion, memorystoreRedisVersion } from "./data/engine-versions";

/** Pure: loads no SDK (the tables it reads live apart from the resources that use them). */
export const gcpPreflight: CloudPreflight = { cloud: "gcp", refusals: gcpRefusals, configUses: () => [] };

function gcpRefusals(components: ComponentModel[], settings: PreflightSettings = {}): UnsupportedFeature[] {
    const checks: ComponentCheck[] = [];
    for (const c of components) {
        switch (c.kind) {
            case "service":
                checks.push([c.name, () => cloudRunInstance(c.name, c.resources, settings.gcpGpu)]);
                break;
            case "postgres":
                checks.push([c.name, () => cloudSqlPostgresVersion(c.name, c.version)]);
                break;
            case "mongo":
                checks.push([c.name, () => checkFirestoreMongoVersion(c.name, c.version)], [c.name, () => firestoreDatabaseId(c.name, c.database)]);
                break;
            case "redis":
                checks.push([c.name, () => memorystoreRedisVersion(c.name, c.engine, c.version)]);
                break;
        }
    }
    return collectProblems(checks);
}
